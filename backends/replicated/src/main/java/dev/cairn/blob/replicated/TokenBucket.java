package dev.cairn.blob.replicated;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket that paces a flow to {@code rate} units per second with a burst of
 * {@code capacity} units. A caller takes what it needs at once and then sleeps off the debt, so a
 * large request is never starved by smaller ones and the long-run rate holds exactly: moving
 * {@code n} units from a full bucket takes at least {@code (n - capacity) / rate} seconds.
 *
 * <p>The monitor guards only the arithmetic; the wait happens after it is released, so a caller
 * sleeping off its debt never holds up the others: they charge meanwhile and each sleeps off
 * the debt its own charge left.
 */
final class TokenBucket {
    /** Waits out a debt; the real one sleeps, tests inject one that records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long rate;
    private final long capacity;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefill;

    /**
     * @param rate units per second, at least 1
     * @param capacity the burst, at least 1
     */
    TokenBucket(long rate, long capacity) {
        this(rate, capacity, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** As {@link #TokenBucket(long, long)}, reading time from {@code clock} (nanoseconds) and waiting with {@code sleeper}. */
    TokenBucket(long rate, long capacity, LongSupplier clock, Sleeper sleeper) {
        if (rate < 1 || capacity < 1) {
            throw new IllegalArgumentException("rate and capacity must be at least 1");
        }
        this.rate = rate;
        this.capacity = capacity;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.lastRefill = clock.getAsLong();
    }

    /** The burst the repair pacer allows for a rate: a tenth of a second's worth, at least 64 KiB. */
    static long burstFor(long rate) {
        return Math.max(64 * 1024, rate / 10);
    }

    long rate() {
        return rate;
    }

    long capacity() {
        return capacity;
    }

    /**
     * Charges {@code units} and blocks until the bucket is out of debt.
     *
     * @throws InterruptedException if interrupted while waiting; the units stay charged
     */
    void acquire(long units) throws InterruptedException {
        long waitNanos = charge(units);
        if (waitNanos > 0) {
            sleeper.sleep(waitNanos);
        }
    }

    /**
     * Charges {@code units} without waiting and returns how long the caller must wait to be out of
     * debt, in nanoseconds (0 when the bucket still holds tokens). Nothing is charged for
     * {@code units <= 0}.
     */
    synchronized long charge(long units) {
        if (units <= 0) {
            return 0;
        }
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * (double) rate / 1e9);
        lastRefill = now;
        tokens -= units;
        return tokens < 0 ? (long) Math.ceil(-tokens * 1e9 / rate) : 0;
    }
}
