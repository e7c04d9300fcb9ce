package dev.cairn.server.admission;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests in flight, as one atomic word: writes in the high 32 bits, all requests (reads plus
 * writes) in the low 32. One compare-and-set covers both counts, so every admission decision sees
 * a consistent pair and the ledger is linearizable without a lock.
 */
final class InflightLedger {
    private static final long ONE_WRITE = 1L << 32;

    /** Most requests of any kind; reads may use all of them. */
    private final int maxTotal;
    /** Most writes at once. */
    private final int maxWrites;
    /** Total in flight at which writes stop being admitted (at most maxTotal). */
    private final int writeHighWater;
    private final AtomicLong state = new AtomicLong();

    InflightLedger(int maxTotal, int maxWrites, int writeHighWater) {
        if (maxTotal < 1 || maxWrites < 1 || writeHighWater < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.maxTotal = maxTotal;
        this.maxWrites = Math.min(maxWrites, maxTotal);
        this.writeHighWater = Math.min(writeHighWater, maxTotal);
    }

    /** Takes a read slot unless all {@code maxTotal} are taken. */
    boolean tryRead() {
        for (;;) {
            long s = state.get();
            if (total(s) >= maxTotal) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Takes a write slot unless the writes are at their cap or all requests at the high-water mark. */
    boolean tryWrite() {
        for (;;) {
            long s = state.get();
            if (writes(s) >= maxWrites || total(s) >= writeHighWater) {
                return false;
            }
            if (state.compareAndSet(s, s + ONE_WRITE + 1)) {
                return true;
            }
        }
    }

    /** Gives back a read slot; false (and no change) when no read holds one, so a double release cannot underflow. */
    boolean releaseRead() {
        for (;;) {
            long s = state.get();
            if (total(s) - writes(s) <= 0) {
                return false;
            }
            if (state.compareAndSet(s, s - 1)) {
                return true;
            }
        }
    }

    /** Gives back a write slot; false (and no change) when no write holds one. */
    boolean releaseWrite() {
        for (;;) {
            long s = state.get();
            if (writes(s) <= 0) {
                return false;
            }
            if (state.compareAndSet(s, s - ONE_WRITE - 1)) {
                return true;
            }
        }
    }

    /** Reads and writes in flight, read together: {@code {reads, writes}}. */
    int[] inFlight() {
        long s = state.get();
        return new int[] {total(s) - writes(s), writes(s)};
    }

    int maxTotal() {
        return maxTotal;
    }

    int maxWrites() {
        return maxWrites;
    }

    int writeHighWater() {
        return writeHighWater;
    }

    private static int total(long s) {
        return (int) s;
    }

    private static int writes(long s) {
        return (int) (s >>> 32);
    }
}
