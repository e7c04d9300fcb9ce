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

    public S3Exception(S3ErrorCode code, String message, Map<String, String> details) {
        super(message == null ? code.defaultMessage() : message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null || details.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
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
}
