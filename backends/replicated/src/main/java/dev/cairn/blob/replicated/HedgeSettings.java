package dev.cairn.blob.replicated;

import java.time.Duration;
import java.util.Objects;

/**
 * How reads are hedged across replicas.
 *
 * @param delay how long the first replica may take before the next one is asked too (30 ms by
 *     default); {@link Duration#ZERO} asks every replica at once
 * @param budget the largest share of extra (hedged) requests over first requests, e.g. 0.1: at
 *     most 10% more backend reads than without hedging, so a slow backend cannot cause a storm
 * @param verifyBuffer whole-object reads up to this size are read and verified against the stored
 *     BLAKE3 before the first byte reaches the caller, so a corrupt replica is answered from
 *     another one; larger whole-object reads are verified as they stream and fail at the end
 *     (the caller sees an I/O error, never a clean end of corrupt bytes)
 */
public record HedgeSettings(Duration delay, double budget, long verifyBuffer) {
    public static final Duration DEFAULT_DELAY = Duration.ofMillis(30);
    public static final double DEFAULT_BUDGET = 0.10;
    public static final long DEFAULT_VERIFY_BUFFER = 8L << 20;

    public HedgeSettings {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("hedge delay must not be negative");
        }
        if (!(budget >= 0 && budget <= 1)) {
            throw new IllegalArgumentException("hedge budget must be between 0 and 1");
        }
        if (verifyBuffer < 0) {
            throw new IllegalArgumentException("verify buffer must not be negative");
        }
    }

    public static HedgeSettings defaults() {
        return new HedgeSettings(DEFAULT_DELAY, DEFAULT_BUDGET, DEFAULT_VERIFY_BUFFER);
    }
}
