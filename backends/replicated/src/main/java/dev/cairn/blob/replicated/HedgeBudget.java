package dev.cairn.blob.replicated;

/**
 * How many hedged (extra) requests may still be sent: a token bucket that every first request
 * refills by the budget ratio and every hedge drains by one, so over any long run the hedges are
 * at most {@code ratio} times the first requests plus the bucket's capacity. A slow backend
 * therefore cannot turn every read into two.
 *
 * <p>The bucket holds {@code ratio × 100} tokens (the hedges of a window of 100 first requests),
 * at least one — the floor that lets a cold start hedge — and starts full. A ratio of 0 never
 * hedges. Thread-safe; the lock is held for a few arithmetic operations.
 */
final class HedgeBudget {
    private static final double WINDOW = 100;

    private final double ratio;
    private final double capacity;
    private double tokens;

    /** @param ratio hedges allowed per first request, 0 to 1 */
    HedgeBudget(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("hedge budget must be between 0 and 1");
        }
        this.ratio = ratio;
        this.capacity = ratio == 0 ? 0 : Math.max(1, ratio * WINDOW);
        this.tokens = capacity;
    }

    /** A first request was sent: its share of hedges becomes available. */
    synchronized void recordFirst() {
        tokens = Math.min(capacity, tokens + ratio);
    }

    /** Takes the token for one hedge; false when the budget is spent. */
    synchronized boolean tryHedge() {
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
