package dev.cairn.gateway.s3.chunked;

/** The aws-chunked variants, named by the {@code x-amz-content-sha256} value that selects them. */
public enum AwsChunkedMode {
    /** Signed chunks, no trailer. */
    SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", true, false),
    /** Signed chunks, then signed trailer headers. */
    SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", true, true),
    /** Unsigned chunks, then unsigned trailer headers (the SDKs' default over HTTPS). */
    UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER", false, true);

    private final String contentSha256;
    private final boolean signed;
    private final boolean trailer;

    AwsChunkedMode(String contentSha256, boolean signed, boolean trailer) {
        this.contentSha256 = contentSha256;
        this.signed = signed;
        this.trailer = trailer;
    }

    /** The {@code x-amz-content-sha256} value. */
    public String contentSha256() {
        return contentSha256;
    }

    public boolean signed() {
        return signed;
    }

    public boolean hasTrailer() {
        return trailer;
    }

    /** The mode for an {@code x-amz-content-sha256} value, or null when it names none of these. */
    public static AwsChunkedMode forContentSha256(String value) {
        for (AwsChunkedMode m : values()) {
            if (m.contentSha256.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
