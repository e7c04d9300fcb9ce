package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobStoreException;

/**
 * A replica's answer that must not be served, though the replica did not report an error: its
 * bytes failed verification or its stream broke while being buffered for verification. The read
 * moves on to the next replica at once; if none is left, the caller gets {@link #error()}.
 */
final class VerifyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BlobStoreException error;

    VerifyFailedException(BlobStoreException error) {
        super(error.getMessage(), error, false, false);
        this.error = error;
    }

    BlobStoreException error() {
        return error;
    }
}
