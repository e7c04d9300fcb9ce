package dev.cairn.blob.gcs;

import com.google.cloud.ReadChannel;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.IOException;
import java.io.InputStream;

/** An open ranged read of one generation, streamed from a {@link ReadChannel}. */
final class GcsObjectReader implements ObjectReader {
    private final ObjectInfo info;
    private final ByteRange.Resolved range;
    private final InputStream stream;
    private final ReadChannel channel;

    GcsObjectReader(ObjectInfo info, ByteRange.Resolved range, InputStream stream, ReadChannel channel) {
        this.info = info;
        this.range = range;
        this.stream = stream;
        this.channel = channel;
    }

    @Override
    public ObjectInfo info() {
        return info;
    }

    @Override
    public ByteRange.Resolved range() {
        return range;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
