package dev.cairn.gateway.s3.route;

/**
 * The request line cannot be parsed (bad percent-encoding, invalid UTF-8, an unusable bucket
 * segment). Carries the S3 error code; the status is always 400.
 */
public final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public MalformedRequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The S3 error code, e.g. {@code InvalidURI}. */
    public String code() {
        return code;
    }
}
