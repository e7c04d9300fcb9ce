package dev.cairn.blob.replicated;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket that paces a flow to {@code rate} units per second with a burst of
 * {@code capacity} units. A caller takes what it needs at once and then sleeps off the debt, so a
 * large request is never starved by smaller ones and the long-run rate holds exactly: moving
 * {@code n} units from a full bucket takes at least {@code (n - capacity) / rate} seconds.
 */
final class TokenBucket {
    private final long rate;
    private final long capacity;
    private double tokens;
    private long lastRefill;

    /**
     * @param rate units per second, at least 1
     * @param capacity the burst, at least 1
     */
    TokenBucket(long rate, long capacity) {
        if (rate < 1 || capacity < 1) {
            throw new IllegalArgumentException("rate and capacity must be at least 1");
        }
        this.rate = rate;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastRefill = System.nanoTime();
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
        if (units <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - lastRefill) * (double) rate / 1e9);
            lastRefill = now;
            tokens -= units;
            waitNanos = tokens < 0 ? (long) Math.ceil(-tokens * 1e9 / rate) : 0;
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
