package dev.cairn.blob.replicated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read side's meters. The names are public API: {@code hedges{outcome}} (Prometheus
 * {@code hedges_total}) and {@code integrity.fail{reason="at_rest"}} (Prometheus
 * {@code integrity_fail_total}, the gateway's counter with its other reasons).
 */
final class HedgeMetrics {
    private final Counter primaryWon;
    private final Counter hedgeWon;
    private final Counter budgetExhausted;
    private final Counter failover;
    private final Counter atRest;
    private final AtomicLong closedLosers = new AtomicLong();

    /** @param registry where the meters go; null keeps them in a private registry (tests, tools) */
    HedgeMetrics(MeterRegistry registry) {
        MeterRegistry r = registry == null ? new SimpleMeterRegistry() : registry;
        primaryWon = hedges(r, "primary_won");
        hedgeWon = hedges(r, "hedge_won");
        budgetExhausted = hedges(r, "budget_exhausted");
        failover = hedges(r, "failover");
        atRest = Counter.builder("integrity.fail").tag("reason", "at_rest")
                .description("Objects whose bytes did not match their stored digest").register(r);
    }

    private static Counter hedges(MeterRegistry r, String outcome) {
        return Counter.builder("hedges").tag("outcome", outcome)
                .description("Hedged reads by outcome, failovers and hedges the budget refused").register(r);
    }

    /** A call that sent at least one hedge ended with a success from a hedge or not. */
    void won(boolean byHedge) {
        (byHedge ? hedgeWon : primaryWon).increment();
    }

    void budgetExhausted() {
        budgetExhausted.increment();
    }

    void failover() {
        failover.increment();
    }

    void corruptAtRest() {
        atRest.increment();
    }

    /** An answer that lost the race was closed. */
    void loserClosed() {
        closedLosers.incrementAndGet();
    }

    long closedLosers() {
        return closedLosers.get();
    }
}
