package dev.cairn.perf.gatling;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normal reads ({@code GET during-abuse}, 90%) under abuse: {@code PUT over-cap} (5%),
 * {@code PUT bomb} (5%) and {@code cairn.perf.slow-clients} (default 20) slow-loris connections
 * open for the whole run. The number to watch is the reads' latency. Adds to the result:
 * {@code "slowClients":{"opened":N,"closedByServer":N,"concurrent":N,"connectFailures":N}}.
 */
public class Abuse extends PerfSimulation {
    private SlowClients slow;

    public Abuse() {
        super("Abuse", 0, false, m -> m::abuse);
    }

    @Override
    void startHook() {
        slow = new SlowClients(cfg.target.getHost(), cfg.port(), cfg.hostHeader(), cfg.slowClients);
        slow.start();
    }

    @Override
    void stopHook(Map<String, Object> extra) {
        slow.stop();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("opened", slow.opened());
        s.put("closedByServer", slow.closedByServer());
        s.put("concurrent", cfg.slowClients);
        s.put("connectFailures", slow.connectFailures());
        extra.put("slowClients", s);
    }
}
