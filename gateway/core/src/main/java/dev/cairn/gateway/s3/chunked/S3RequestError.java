package dev.cairn.gateway.s3.chunked;

import dev.cairn.blob.digest.IntegrityException;

/**
 * The S3 errors that request-body decoding and checksum handling can produce, with the S3 error
 * code and HTTP status each is answered with.
 */
public enum S3RequestError {
    /** A chunk or trailer signature failed verification, or a signed chunk carried none. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    /** The body ended early, or its decoded length differs from {@code x-amz-decoded-content-length}. */
    INCOMPLETE_BODY("IncompleteBody", 400),
    /** A chunk size is not hexadecimal, overflows, or exceeds the configured cap. */
    INVALID_CHUNK_SIZE("InvalidChunkSizeError", 400),
    /** Malformed framing (missing CRLF, overlong line, unknown extension) or malformed checksum headers. */
    INVALID_REQUEST("InvalidRequest", 400),
    /** The trailer section is malformed, too large, or differs from what {@code x-amz-trailer} announced. */
    MALFORMED_TRAILER("MalformedTrailerError", 400),
    /** {@code Content-MD5} is not the base64 form of 16 bytes. */
    INVALID_DIGEST("InvalidDigest", 400),
    /** A checksum or {@code Content-MD5} the client sent does not match the body. */
    BAD_DIGEST("BadDigest", 400),
    /** An aws-chunked body came without {@code x-amz-decoded-content-length}. */
    MISSING_CONTENT_LENGTH("MissingContentLength", 411),
    /** A streaming mode Cairn does not implement (SigV4A, ECDSA-signed chunks). */
    NOT_IMPLEMENTED("NotImplemented", 501);

    private final String code;
    private final int httpStatus;

    S3RequestError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The S3 error code, as in the {@code <Code>} element of the error response. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The S3 error for an {@link IntegrityException} thrown by a verifying stream: a digest
     * mismatch is {@link #BAD_DIGEST}, a length mismatch {@link #INCOMPLETE_BODY}.
     */
    public static S3RequestError of(IntegrityException e) {
        return switch (e.reason()) {
            case DIGEST_MISMATCH -> BAD_DIGEST;
            case LENGTH_MISMATCH -> INCOMPLETE_BODY;
        };
    }
}
