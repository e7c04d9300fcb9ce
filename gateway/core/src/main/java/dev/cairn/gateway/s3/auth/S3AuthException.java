package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception authentication throws. It carries the S3 error, a message fit for the
 * client, and the extra elements S3 puts into its error document (for example
 * {@code StringToSign} and {@code CanonicalRequest} for {@code SignatureDoesNotMatch}, or
 * {@code HeadersNotSigned} for {@code AccessDenied}).
 *
 * <p>Neither the message nor the details ever contain a secret key or a correct signature:
 * both are built only from what the client sent and from public facts such as server time.
 */
public final class S3AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode error;
    private final transient Map<String, String> details;

    public S3AuthException(S3ErrorCode error, String message) {
        this(error, message, Map.of());
    }

    /**
     * @param details extra error-document elements in the order they should be written; copied
     */
    public S3AuthException(S3ErrorCode error, String message, Map<String, String> details) {
        super(message, null, false, false); // expected client errors: a stack trace is noise
        this.error = Objects.requireNonNull(error, "error");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public S3ErrorCode error() {
        return error;
    }

    /** Shorthand for {@code error().status()}. */
    public int httpStatus() {
        return error.status();
    }

    /** Extra elements for the S3 error document, in order; element name to text. Never null. */
    public Map<String, String> details() {
        return details;
    }
}
