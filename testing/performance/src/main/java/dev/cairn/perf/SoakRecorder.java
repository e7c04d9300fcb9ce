package dev.cairn.perf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The soak's side of a run: damages seeded objects on one replica of the soak gateway while the
 * load runs, and records the gateway's repair counters before, right after, and once repair has
 * settled ({@code rf_observed == rf_target} and an empty repair queue, or a timeout).
 */
final class SoakRecorder {
    static final String[] METRICS = {"repair_bytes_total", "repair_tasks_total", "integrity_fail_total", "rf_observed", "rf_target",
        "repair_queue_depth"};
    /** The replica that is damaged: the last of the three, so reads keep preferring an intact one. */
    static final String DAMAGED_REPLICA = "c";
    private static final long SETTLE_MILLIS = 120_000;

    private final URI endpoint;
    private final SoakDamage damage;
    private final Map<String, Double> before;

    private SoakRecorder(URI endpoint, SoakDamage damage, Map<String, Double> before) {
        this.endpoint = endpoint;
        this.damage = damage;
        this.before = before;
    }

    /** Reads the counters and chooses the victims; call {@link #start} when the load starts. */
    static SoakRecorder prepare(URI endpoint, Path replicas, Map<String, Map<String, SeedObject>> seeded, double percent, long seed) {
        Map<String, Double> before = MetricsScrape.select(MetricsScrape.scrape(endpoint), METRICS);
        return new SoakRecorder(endpoint, SoakDamage.choose(replicas.resolve(DAMAGED_REPLICA), seeded, percent, seed), before);
    }

    /** Spreads the damage over the measured phase (after the warm-up and the load generator's start-up). */
    void start(int warmupSeconds, int durationSeconds) {
        double startUp = 3;
        damage.start(warmupSeconds + startUp, Math.max(1, durationSeconds - startUp));
    }

    /** Stops damaging, waits for repair to settle and returns the record for the summary. */
    ObjectNode finish(int round, Api api) {
        damage.close();
        Map<String, Double> after = MetricsScrape.select(MetricsScrape.scrape(endpoint), METRICS);
        long t0 = System.nanoTime();
        Map<String, Double> settled = after;
        boolean done = false;
        while (System.nanoTime() - t0 < SETTLE_MILLIS * 1_000_000L) {
            settled = MetricsScrape.select(MetricsScrape.scrape(endpoint), METRICS);
            if (MetricsScrape.sum(settled, "rf_observed") >= MetricsScrape.sum(settled, "rf_target")
                    && MetricsScrape.sum(settled, "repair_queue_depth") == 0 && damage.restored() == damage.victims().size()) {
                done = true;
                break;
            }
            sleep(1000);
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("round", round).put("api", api.id()).put("replica", DAMAGED_REPLICA);
        n.put("victims", damage.victims().size());
        var events = n.putArray("events");
        for (SoakDamage.Event e : damage.events()) {
            events.addObject().put("bucket", e.bucket()).put("key", e.key()).put("action", e.action())
                    .put("atSeconds", RunRecord.round3(e.atSeconds())).put("done", e.done());
        }
        n.put("restored", damage.restored());
        n.put("settled", done);
        n.put("settleSeconds", RunRecord.round3((System.nanoTime() - t0) / 1e9));
        put(n.putObject("metricsBefore"), before);
        put(n.putObject("metricsAfter"), after);
        put(n.putObject("metricsSettled"), settled);
        return n;
    }

    private static void put(ObjectNode node, Map<String, Double> values) {
        values.forEach(node::put);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for repair", e);
        }
    }
}
