package dev.cairn.blob.replicated;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A replica's read handed to the caller with its verified (buffered) or verifying stream; closing
 * it releases {@code release} (the replica's own reader, or nothing once a buffered read closed it).
 */
record VerifiedReader(ObjectInfo info, ByteRange.Resolved range, InputStream stream, Closeable release) implements ObjectReader {
    @Override
    public void close() throws IOException {
        release.close();
    }
}
