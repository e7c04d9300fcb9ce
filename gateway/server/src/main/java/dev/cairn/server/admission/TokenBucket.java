package dev.cairn.server.admission;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A request-rate budget as a generic cell rate algorithm: the only state is the theoretical
 * arrival time of the next request, so taking a token is one compare-and-set and never
 * allocates. Holds up to one second of tokens (the burst) when idle.
 */
final class TokenBucket {
    private static final long SECOND = 1_000_000_000L;

    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoClock;
    private final AtomicLong nextArrival;

    /**
     * @param perSecond tokens per second, at least 1; the burst is the same number
     * @param nanoClock monotonic nanoseconds ({@link System#nanoTime()} outside tests)
     */
    TokenBucket(int perSecond, LongSupplier nanoClock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second");
        }
        this.interval = Math.max(1, SECOND / perSecond);
        this.tolerance = interval * (perSecond - 1L);
        this.nanoClock = nanoClock;
        this.nextArrival = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes one token if there is one. */
    boolean tryTake() {
        long now = nanoClock.getAsLong();
        for (;;) {
            long next = nextArrival.get();
            // an idle bucket does not save up more than its burst: time before now is forgotten
            long start = next - now > 0 ? next : now;
            if (start - now > tolerance) {
                return false;
            }
            if (nextArrival.compareAndSet(next, start + interval)) {
                return true;
            }
        }
    }

    /** Returns a token taken by {@link #tryTake()} that was not used after all. */
    void refund() {
        nextArrival.addAndGet(-interval);
    }
}
