package dev.cairn.server.admission;

/**
 * Why a request was refused. {@link #label()} is the {@code reason} label of
 * {@code rejected_total} and is public API.
 */
public enum Rejection {
    /** Reads in flight reached {@code admission.max-inflight}. */
    INFLIGHT_READ("inflight_read"),
    /** Writes in flight reached their share, or all requests in flight reached the write high-water mark. */
    INFLIGHT_WRITE("inflight_write"),
    /** The request-rate budget was empty when a read arrived. */
    RPS_READ("rps_read"),
    /** The write rate budget, or the overall one, was empty when a write arrived. */
    RPS_WRITE("rps_write");

    private final String label;

    Rejection(String label) {
        this.label = label;
    }

    /** The metric label value. */
    public String label() {
        return label;
    }
}
