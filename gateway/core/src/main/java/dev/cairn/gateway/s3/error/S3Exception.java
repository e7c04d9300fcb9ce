package dev.cairn.gateway.s3.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An S3 error to render as {@code <Error>} XML. Stack traces are not captured: these are expected
 * outcomes, not bugs. Extra elements (e.g. {@code Key}, {@code BucketName}, {@code Condition})
 * are rendered after {@code Message}, in insertion order.
 */
public final class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode code;
    private final Map<String, String> details;
    private final Map<String, String> headers;

    public S3Exception(S3ErrorCode code, String message, Map<String, String> details) {
        this(code, message, details, null);
    }

    /**
     * As the three-argument constructor, with response headers S3 sends along with this error
     * (the validators on a 304, {@code Content-Range: bytes *}{@code /size} on a 416).
     */
    public S3Exception(S3ErrorCode code, String message, Map<String, String> details, Map<String, String> headers) {
        super(message == null ? code.defaultMessage() : message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = copy(details);
        this.headers = copy(headers);
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public S3Exception(S3ErrorCode code, String message) {
        this(code, message, null);
    }

    public S3Exception(S3ErrorCode code) {
        this(code, null, null);
    }

    public S3ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public Map<String, String> details() {
        return details;
    }

    /** Response headers to send with the error, in insertion order. */
    public Map<String, String> headers() {
        return headers;
    }
}
