package dev.cairn.gateway.oap;

/**
 * Settings of the OAP object API, bound by the server from {@code oap.*} configuration.
 *
 * @param maxBody largest accepted body in bytes after decompression and before it (default 1 MiB)
 * @param maxInflateRatio decompression stops once output exceeds this many times the compressed input (default 10)
 * @param maxInflated absolute cap on decompressed bytes (default: {@code maxBody})
 * @param openWrites when true, writes need no bearer token (must be set explicitly)
 * @param publicReads when true (the default), reads need no token: the address is the capability
 * @param writeToken bearer token for writes (and for reads when reads are not public)
 * @param readToken optional bearer token accepted for reads when reads are not public; may be null
 */
public record OapSettings(
        long maxBody,
        int maxInflateRatio,
        long maxInflated,
        boolean openWrites,
        boolean publicReads,
        String writeToken,
        String readToken) {

    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final int DEFAULT_MAX_INFLATE_RATIO = 10;

    public OapSettings {
        if (maxBody < 1) {
            throw new IllegalArgumentException("oap.max-body must be at least 1 byte");
        }
        if (maxInflateRatio < 1) {
            throw new IllegalArgumentException("oap.max-inflate-ratio must be at least 1");
        }
        if (maxInflated < 1) {
            throw new IllegalArgumentException("oap.max-inflated must be at least 1 byte");
        }
        if (!openWrites && (writeToken == null || writeToken.isEmpty())) {
            throw new IllegalArgumentException("oap.write-token is required unless oap.open-writes=true");
        }
    }

    /** Never prints the tokens: settings records end up in logs and error messages. */
    @Override
    public String toString() {
        return "OapSettings[maxBody=" + maxBody + ", maxInflateRatio=" + maxInflateRatio + ", maxInflated=" + maxInflated
                + ", openWrites=" + openWrites + ", publicReads=" + publicReads
                + ", writeToken=" + (writeToken == null ? "unset" : "(redacted)")
                + ", readToken=" + (readToken == null ? "unset" : "(redacted)") + "]";
    }
}
