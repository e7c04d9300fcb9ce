package dev.cairn.gateway.oap;

import java.io.IOException;

/**
 * Thrown from {@code read} the moment a request body passes a limit, so the consumer (our own
 * buffer or a store's write) aborts before holding more than the limit. It is an
 * {@link IOException} because that is what a stream may throw; the API answers it with 413.
 */
final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message);
    }
}
