package dev.cairn.blob.local;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.io.ByteSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.nio.channels.FileChannel;

/**
 * An open object file. The channel keeps the version's inode alive, so a concurrent overwrite
 * (a rename over the path) or delete cannot change the bytes this reader serves; the stream
 * reads with positional reads and stops after exactly the resolved range.
 */
final class FileObjectReader implements ObjectReader {
    private final FileChannel channel;
    private final ObjectInfo info;
    private final ByteRange.Resolved range;
    private final SegmentRangeStream stream;

    FileObjectReader(FileChannel channel, ObjectInfo info, ByteRange.Resolved range) {
        this.channel = channel;
        this.info = info;
        this.range = range;
        this.stream = new SegmentRangeStream(List.of(channel), new long[] {0}, new long[] {info.size()}, range, this);
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
    public boolean transferTo(ByteSink sink) throws IOException {
        stream.transferTo(sink);
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
