package dev.cairn.blob.local;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.io.ByteSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Objects;

/**
 * Exactly the bytes of a resolved range of an object whose data lies in one or more open files,
 * in order: one file for a plain object, one per part for a composite one. Each file holds its
 * data from offset 0 (the metadata trailer follows it), and positional reads leave the channels'
 * own positions alone.
 */
final class SegmentRangeStream extends InputStream {
    private final List<FileChannel> channels;
    /** Object offset at which each file's data starts, and its data length. */
    private final long[] starts;
    private final long[] lengths;
    private final Closeable owner;
    private final long end;
    private long position;
    private int segment;

    /**
     * @param owner closed when the stream is closed (the reader that holds the channels)
     */
    SegmentRangeStream(List<FileChannel> channels, long[] starts, long[] lengths, ByteRange.Resolved range, Closeable owner) {
        this.channels = channels;
        this.starts = starts;
        this.lengths = lengths;
        this.owner = owner;
        this.position = range.offset();
        this.end = range.offset() + range.length();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (position >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (position >= starts[segment] + lengths[segment]) {
            segment++; // the range's bytes all lie in the opened files, so this stays in bounds
        }
        long inSegment = position - starts[segment];
        long left = Math.min(end, starts[segment] + lengths[segment]) - position;
        int want = (int) Math.min(len, left);
        int n = channels.get(segment).read(ByteBuffer.wrap(b, off, want), inSegment);
        if (n < 0) {
            throw new IOException("object data (file " + segment + ") ended " + left + " bytes early");
        }
        position += n;
        return n;
    }

    /**
     * Writes the remaining bytes to {@code sink} through a pooled direct buffer: one copy from the
     * page cache into the buffer, and the socket write takes it from there without another.
     *
     * @throws IOException if a file read fails or a file ends early, or if the sink throws
     */
    void transferTo(ByteSink sink) throws IOException {
        ByteBuffer buffer = DirectBuffers.take();
        try {
            while (position < end) {
                while (position >= starts[segment] + lengths[segment]) {
                    segment++;
                }
                long inSegment = position - starts[segment];
                long left = Math.min(end, starts[segment] + lengths[segment]) - position;
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channels.get(segment).read(buffer, inSegment);
                if (n < 0) {
                    throw new IOException("object data (file " + segment + ") ended " + left + " bytes early");
                }
                position += n;
                sink.write(buffer.flip());
            }
        } finally {
            DirectBuffers.release(buffer);
        }
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        owner.close();
    }
}
