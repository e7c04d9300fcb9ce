package dev.cairn.perf;

/**
 * The offered load: an open model at a fixed rate (requests per second) or a closed model with a
 * fixed number of users looping.
 *
 * @param mode {@code rate} or {@code concurrency}
 * @param value requests per second, or users; at least 1
 */
record Load(String mode, int value) {
    static final String RATE = "rate";
    static final String CONCURRENCY = "concurrency";

    /** @throws IllegalArgumentException on an unknown mode or a value below 1 */
    Load {
        if (!RATE.equals(mode) && !CONCURRENCY.equals(mode)) {
            throw new IllegalArgumentException("load mode must be rate or concurrency, not " + mode);
        }
        if (value < 1) {
            throw new IllegalArgumentException("--" + mode + " must be at least 1, not " + value);
        }
    }

    /** The simulation property that carries it: {@code cairn.perf.rate} or {@code cairn.perf.concurrency}. */
    String property() {
        return "cairn.perf." + mode;
    }

    @Override
    public String toString() {
        return RATE.equals(mode) ? value + " req/s" : value + " users";
    }
}
