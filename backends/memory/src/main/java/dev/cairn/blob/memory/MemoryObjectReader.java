package dev.cairn.blob.memory;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.InputStream;

/** A read of one immutable {@link StoredObject}; nothing to release. */
record MemoryObjectReader(ObjectInfo info, ByteRange.Resolved range, InputStream stream) implements ObjectReader {
    @Override
    public void close() {
    }
}
