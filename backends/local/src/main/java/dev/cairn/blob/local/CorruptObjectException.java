package dev.cairn.blob.local;

import java.io.IOException;

/** An object file whose trailer is missing or damaged; {@link IoErrors} reports it as INTERNAL. */
final class CorruptObjectException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptObjectException(String message) {
        super(message);
    }
}
