package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.IOException;
import java.util.Objects;

/**
 * A request that S3 would reject, found while reading its headers or its body. It is an
 * {@link IOException} so that it can be thrown from {@code read}: a consumer that publishes on end
 * of stream aborts instead. The message is the one to put in the S3 error response.
 */
public final class S3RequestException extends IOException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode error;

    public S3RequestException(S3ErrorCode error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public S3ErrorCode error() {
        return error;
    }

    /** Shorthand for {@code error().name()}, the wire code. */
    public String s3Code() {
        return error.name();
    }

    /** Shorthand for {@code error().status()}. */
    public int httpStatus() {
        return error.status();
    }
}
