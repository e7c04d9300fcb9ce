package dev.cairn.blob.local;

import java.io.IOException;

/**
 * The caller's body stream failed (a client went away, an upstream read broke). Kept apart from
 * failures of our own files so {@link IoErrors} does not report a broken upload as a sick disk.
 */
final class BodyReadException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyReadException(Throwable cause) {
        super("reading the body failed: " + cause.getMessage(), cause);
    }
}
