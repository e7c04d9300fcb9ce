package dev.cairn.blob.replicated;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The order in which one kind of call asks the replicas: the configured preference among the
 * healthy replicas, then the demoted ones (docs/adr/0016, "Latency-aware order"). A replica is
 * demoted while its latency estimate exceeds the hedge delay — it would be hedged on every call —
 * or while its last answer was a retryable error.
 *
 * <p>The estimate is an EWMA (weight 1/4, seeded by the first answer) of the latencies of every
 * call that reached the replica, winners and losers alike (losers run to completion, so their
 * latencies are seen). A call still unanswered when its hedge delay passed raises the estimate at
 * once to at least the time it has taken, so a replica that stops answering is demoted on the
 * first call that waits for it, not when that call finally ends.
 *
 * <p>A demoted replica is measured whenever it is asked (hedge, failover), and every
 * {@code probeEvery}-th call names one demoted replica as a probe: the caller asks it in
 * parallel with the first healthy one, paid from the hedge budget, so a replica that recovered is
 * seen to have recovered without any caller waiting for one that has not.
 *
 * <p>Lock-free: a few atomic reads and one small array per call; no allocation besides the order.
 * Thread-safe.
 */
final class HedgeOrder {
    /** One call in this many probes a demoted replica. */
    static final int DEFAULT_PROBE_EVERY = 100;
    /** The health snapshot of one call is a bit set in a long. */
    static final int MAX_REPLICAS = Long.SIZE;

    private final int count;
    private final long demoteAboveNanos;
    private final boolean adaptive;
    private final int probeEvery;
    private final AtomicLongArray estimateNanos;
    private final AtomicIntegerArray failing;
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param count replicas in the set
     * @param delayNanos the hedge delay; 0 (ask every replica at once) or {@link HedgeRace.Plan#NEVER}
     *     (no hedging) leave latency out of the order, only failures demote
     * @param adaptive false keeps the configured order for every call (measurements are still kept)
     * @param probeEvery one call in this many probes a demoted replica
     * @throws IllegalArgumentException for no replicas, more than {@link #MAX_REPLICAS}, or a
     *     probeEvery below 1
     */
    HedgeOrder(int count, long delayNanos, boolean adaptive, int probeEvery) {
        if (count < 1 || count > MAX_REPLICAS || probeEvery < 1) {
            throw new IllegalArgumentException("need 1.." + MAX_REPLICAS + " replicas and probeEvery >= 1");
        }
        this.count = count;
        this.demoteAboveNanos = delayNanos == 0 || delayNanos >= HedgeRace.Plan.NEVER ? Long.MAX_VALUE : delayNanos;
        this.adaptive = adaptive;
        this.probeEvery = probeEvery;
        this.estimateNanos = new AtomicLongArray(count);
        this.failing = new AtomicIntegerArray(count);
    }

    /**
     * Counts one call and says whether it should probe: the index of a demoted replica to ask in
     * parallel with the first, or -1. Only while at least one replica is healthy; demoted replicas
     * take turns.
     */
    int probeDue() {
        if (!adaptive || count == 1) {
            return -1;
        }
        long call = calls.incrementAndGet();
        if (call % probeEvery != 0) {
            return -1;
        }
        int start = (int) ((call / probeEvery) % count);
        int probe = -1;
        boolean anyHealthy = false;
        for (int i = 0; i < count; i++) {
            int r = (start + i) % count;
            if (demoted(r)) {
                probe = probe < 0 ? r : probe;
            } else {
                anyHealthy = true;
            }
        }
        return anyHealthy ? probe : -1;
    }

    /**
     * The replica indexes for one call: the healthy ones in configured order, then the demoted ones
     * in configured order; {@code probe} (from {@link #probeDue}, or -1) goes second, right behind
     * the first healthy replica. When every replica is demoted this is the configured order.
     */
    int[] order(int probe) {
        int[] order = new int[count];
        int n = 0;
        if (!adaptive) {
            for (int i = 0; i < count; i++) {
                order[n++] = i;
            }
            return order;
        }
        // the flags are read once, so a concurrent update cannot place a replica twice
        long healthy = 0;
        for (int i = 0; i < count; i++) {
            healthy |= demoted(i) ? 0 : 1L << i;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                boolean isHealthy = (healthy & (1L << i)) != 0;
                if (isHealthy == (pass == 0) && i != probe) {
                    order[n++] = i;
                    if (n == 1 && probe >= 0) {
                        order[n++] = probe;
                    }
                }
            }
        }
        return order;
    }

    /** Whether {@code replica} is currently asked behind the healthy ones. */
    boolean demoted(int replica) {
        return failing.get(replica) != 0 || estimateNanos.get(replica) > demoteAboveNanos;
    }

    /** The replica's current latency estimate in nanoseconds (0 before its first answer). */
    long estimateNanos(int replica) {
        return estimateNanos.get(replica);
    }

    /**
     * The replica answered — a success, or an answer about the object such as absent or a failed
     * precondition — after {@code nanos}: it is reachable, and its latency joins the estimate.
     */
    void answered(int replica, long nanos) {
        failing.set(replica, 0);
        long sample = Math.max(0, nanos);
        while (true) {
            long old = estimateNanos.get(replica);
            // the first answer is the estimate, not a quarter of it
            long next = old == 0 ? Math.max(1, sample) : old + (sample - old) / 4;
            if (estimateNanos.compareAndSet(replica, old, next)) {
                return;
            }
        }
    }

    /** The replica gave a retryable error (or broke): it is demoted until it answers again. */
    void failed(int replica) {
        failing.set(replica, 1);
    }

    /** A call on the replica is still unanswered after {@code nanos}: its estimate is at least that. */
    void stillWaiting(int replica, long nanos) {
        while (true) {
            long old = estimateNanos.get(replica);
            if (old >= nanos || estimateNanos.compareAndSet(replica, old, nanos)) {
                return;
            }
        }
    }
}
