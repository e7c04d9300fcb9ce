package dev.cairn.server.admission;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Requests and backend errors (5xx answers) over the last few seconds, one slot per second. Each
 * slot is one atomic word holding the second it counts plus both counters, so recording is a
 * single compare-and-set and a slot from an older second is reset in the same step.
 */
final class ErrorWindow {
    private static final int COUNT_BITS = 20;
    private static final long COUNT_MAX = (1L << COUNT_BITS) - 1;
    private static final int STAMP_BITS = 64 - 2 * COUNT_BITS;
    private static final long STAMP_MASK = (1L << STAMP_BITS) - 1;
    private static final long SECOND = 1_000_000_000L;

    private final int seconds;
    private final LongSupplier nanoClock;
    private final AtomicLongArray slots;

    /** @param seconds the window, 1 to 60 */
    ErrorWindow(int seconds, LongSupplier nanoClock) {
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("window must be 1 to 60 seconds");
        }
        this.seconds = seconds;
        this.nanoClock = nanoClock;
        this.slots = new AtomicLongArray(seconds);
        // every slot starts stamped far in the past, so it counts nothing
        long stale = (second() - seconds - 1) & STAMP_MASK;
        for (int i = 0; i < seconds; i++) {
            slots.set(i, stale << (2 * COUNT_BITS));
        }
    }

    /** Counts one finished request; {@code error} when it ended in a 5xx. */
    void record(boolean error) {
        long second = second();
        int i = (int) Math.floorMod(second, (long) seconds);
        long stamp = second & STAMP_MASK;
        for (;;) {
            long s = slots.get(i);
            long requests = 1;
            long errors = error ? 1 : 0;
            if (stamp(s) == stamp) {
                requests = Math.min(COUNT_MAX, requests(s) + 1);
                errors = Math.min(COUNT_MAX, errors(s) + errors);
            }
            if (slots.compareAndSet(i, s, (stamp << (2 * COUNT_BITS)) | (requests << COUNT_BITS) | errors)) {
                return;
            }
        }
    }

    /** {@code {requests, errors}} recorded in the window. */
    long[] totals() {
        long now = second() & STAMP_MASK;
        long requests = 0;
        long errors = 0;
        for (int i = 0; i < seconds; i++) {
            long s = slots.get(i);
            if (((now - stamp(s)) & STAMP_MASK) < seconds) {
                requests += requests(s);
                errors += errors(s);
            }
        }
        return new long[] {requests, errors};
    }

    private long second() {
        return Math.floorDiv(nanoClock.getAsLong(), SECOND);
    }

    private static long stamp(long s) {
        return s >>> (2 * COUNT_BITS);
    }

    private static long requests(long s) {
        return (s >>> COUNT_BITS) & COUNT_MAX;
    }

    private static long errors(long s) {
        return s & COUNT_MAX;
    }
}
