package dev.cairn.gateway.s3.chunked;

import java.io.IOException;
import java.util.Objects;

/**
 * A request that S3 would reject, found while reading its headers or its body. It is an
 * {@link IOException} so that it can be thrown from {@code read}: a consumer that publishes on end
 * of stream aborts instead. The message is the one to put in the S3 error response.
 */
public final class S3RequestException extends IOException {
    private static final long serialVersionUID = 1L;

    private final S3RequestError error;

    public S3RequestException(S3RequestError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public S3RequestError error() {
        return error;
    }

    /** Shorthand for {@code error().code()}. */
    public String s3Code() {
        return error.code();
    }

    /** Shorthand for {@code error().httpStatus()}. */
    public int httpStatus() {
        return error.httpStatus();
    }
}
