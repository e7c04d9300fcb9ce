package dev.cairn.cache;

import dev.cairn.blob.io.ByteSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The bytes {@code [offset, offset + length)} of an object held as chunks, where {@code chunks[0]}
 * is the object's chunk {@code firstIndex}. Reads copy out of the arrays; nothing is looked up
 * again, so an eviction after the reader was built cannot affect it.
 */
final class ChunkStream extends InputStream {
    private final byte[][] chunks;
    private int chunk;
    private int position;
    private long left;

    /**
     * @param chunks consecutive chunks, all of {@code chunkSize} but possibly the object's last
     * @param skip how many bytes of {@code chunks[0]} precede the first byte served
     * @param length how many bytes to serve
     */
    ChunkStream(byte[][] chunks, int skip, long length) {
        this.chunks = chunks;
        this.position = skip;
        this.left = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (position == chunks[chunk].length) {
            chunk++;
            position = 0;
        }
        int n = (int) Math.min(Math.min(len, left), chunks[chunk].length - position);
        System.arraycopy(chunks[chunk], position, b, off, n);
        position += n;
        left -= n;
        return n;
    }

    /** Writes the remaining bytes straight from the chunks: no intermediate buffer, one copy fewer than the default. */
    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        return drain(out::write);
    }

    /**
     * Hands the remaining bytes to {@code sink} as read-only views of the chunks: no copy at all
     * on this side (the views cannot let a sink alter a cached chunk).
     *
     * @throws IOException if the sink throws
     */
    void transferTo(ByteSink sink) throws IOException {
        drain((chunk, off, len) -> sink.write(ByteBuffer.wrap(chunk, off, len).asReadOnlyBuffer()));
    }

    /** Where {@link #drain} puts each run of bytes, as a slice of a chunk. */
    private interface Slices {
        void write(byte[] chunk, int off, int len) throws IOException;
    }

    private long drain(Slices out) throws IOException {
        long written = 0;
        while (left > 0) {
            if (position == chunks[chunk].length) {
                chunk++;
                position = 0;
                continue;
            }
            int n = (int) Math.min(left, chunks[chunk].length - position);
            out.write(chunks[chunk], position, n);
            position += n;
            left -= n;
            written += n;
        }
        return written;
    }

    @Override
    public long skip(long n) {
        long skipped = 0;
        while (skipped < n && left > 0) {
            if (position == chunks[chunk].length) {
                chunk++;
                position = 0;
                continue;
            }
            int step = (int) Math.min(Math.min(n - skipped, left), chunks[chunk].length - position);
            position += step;
            left -= step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
