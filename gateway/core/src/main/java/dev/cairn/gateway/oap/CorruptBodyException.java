package dev.cairn.gateway.oap;

import java.io.IOException;

/** A compressed body that its decoder rejected (bad header, bad data, truncated frame); answered with 400. */
final class CorruptBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
