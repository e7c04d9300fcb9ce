package dev.cairn.gateway.s3.auth;

/**
 * How the body of a verified request is protected, from its {@code x-amz-content-sha256}
 * (header auth) or implied by presigning.
 */
public enum PayloadMode {
    /** A 64-hex SHA-256 of the whole body was signed; the body must hash to it. */
    SIGNED_PAYLOAD(null, false, false, false),
    /** {@code UNSIGNED-PAYLOAD}: the body is not covered (always the case for presigned URLs). */
    UNSIGNED_PAYLOAD("UNSIGNED-PAYLOAD", false, false, false),
    /** aws-chunked body, every chunk signed; no trailer. */
    STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", true, true, false),
    /** aws-chunked body, every chunk signed, then a signed trailer. */
    STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", true, true, true),
    /** aws-chunked body, chunks unsigned, then an unsigned trailer (usually a checksum). */
    STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER", true, false, true);

    private final String headerValue;
    private final boolean awsChunked;
    private final boolean chunksSigned;
    private final boolean trailer;

    PayloadMode(String headerValue, boolean awsChunked, boolean chunksSigned, boolean trailer) {
        this.headerValue = headerValue;
        this.awsChunked = awsChunked;
        this.chunksSigned = chunksSigned;
        this.trailer = trailer;
    }

    /** The literal {@code x-amz-content-sha256} value, or null for {@link #SIGNED_PAYLOAD}. */
    public String headerValue() {
        return headerValue;
    }

    /** True when the body is in the aws-chunked encoding and must go through the decoder. */
    public boolean awsChunked() {
        return awsChunked;
    }

    /** True when each chunk carries a signature that must be verified. */
    public boolean chunksSigned() {
        return chunksSigned;
    }

    /** True when the aws-chunked body ends with trailing headers. */
    public boolean hasTrailer() {
        return trailer;
    }
}
