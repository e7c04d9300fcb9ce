package dev.cairn.blob.local;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    private final InputStream stream;

    FileObjectReader(FileChannel channel, ObjectInfo info, ByteRange.Resolved range) {
        this.channel = channel;
        this.info = info;
        this.range = range;
        this.stream = new RangeStream();
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
        channel.close();
    }

    private final class RangeStream extends InputStream {
        private long position = range.offset();
        private final long end = range.offset() + range.length();

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (position >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int want = (int) Math.min(len, end - position);
            int n = channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n < 0) {
                throw new IOException("object file ended " + (end - position) + " bytes early");
            }
            position += n;
            return n;
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
            channel.close();
        }
    }
}
