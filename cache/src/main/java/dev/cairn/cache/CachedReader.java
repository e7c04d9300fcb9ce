package dev.cairn.cache;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.InputStream;

/** A read served from chunks of one identity, reporting that identity's {@link ObjectInfo}. */
record CachedReader(ObjectInfo info, ByteRange.Resolved range, InputStream stream) implements ObjectReader {
    @Override
    public void close() {
        // the chunks are plain arrays: nothing to release
    }
}
