package dev.cairn.gateway.s3;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.IOException;

/**
 * A request body failed a check the gateway makes while it streams (declared payload hash, size
 * cap). Thrown from {@code read} like the other integrity failures, so the store never publishes.
 */
final class S3BodyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode code;

    S3BodyException(S3ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    S3ErrorCode code() {
        return code;
    }
}
