package dev.cairn.cache;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.io.ByteSink;
import java.io.IOException;

/** A read served from chunks of one identity, reporting that identity's {@link ObjectInfo}. */
record CachedReader(ObjectInfo info, ByteRange.Resolved range, ChunkStream stream) implements ObjectReader {
    /** Writes the chunks' bytes as they are held, without copying them into a caller's array. */
    @Override
    public boolean transferTo(ByteSink sink) throws IOException {
        stream.transferTo(sink);
        return true;
    }

    @Override
    public void close() {
        // the chunks are plain arrays: nothing to release
    }
}
