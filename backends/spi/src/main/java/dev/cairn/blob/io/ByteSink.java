package dev.cairn.blob.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a reader hands its bytes as buffers instead of copying them into a caller's array (see
 * {@link dev.cairn.blob.ObjectReader#transferTo}). Each call blocks until every remaining byte of
 * {@code buffer} has been consumed, so the caller may reuse the buffer as soon as it returns.
 */
@FunctionalInterface
public interface ByteSink {

    /**
     * Consumes all of {@code buffer}'s remaining bytes before returning.
     *
     * @throws IOException if the destination failed (a client that went away); nothing more
     *         should be written
     */
    void write(ByteBuffer buffer) throws IOException;
}
