package dev.cairn.blob.memory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable object bytes held in chunks of at most {@link #CHUNK} bytes, so a large object needs
 * neither one huge array nor the copies a growing buffer makes. A {@link Builder} fills every
 * chunk but the last; {@link #concat} shares the chunks of several values without copying (a
 * completed multipart object is its parts' chunks), so chunks may be shorter anywhere and are
 * located by their start offsets.
 */
final class ChunkedBytes {
    static final int CHUNK = 64 * 1024;
    static final ChunkedBytes EMPTY = new ChunkedBytes(new byte[0][]);

    private final byte[][] chunks;
    /** Offset of each chunk's first byte, ascending; chunks are never empty, so strictly ascending. */
    private final long[] starts;
    private final long size;

    private ChunkedBytes(byte[][] chunks) {
        this.chunks = chunks;
        this.starts = new long[chunks.length];
        long at = 0;
        for (int i = 0; i < chunks.length; i++) {
            starts[i] = at;
            at += chunks[i].length;
        }
        this.size = at;
    }

    long size() {
        return size;
    }

    /**
     * The bytes of {@code parts} one after another. The chunk arrays are shared, not copied:
     * they are never written after {@link Builder#build()}, so sharing is safe.
     */
    static ChunkedBytes concat(List<ChunkedBytes> parts) {
        List<byte[]> all = new ArrayList<>();
        for (ChunkedBytes p : parts) {
            all.addAll(Arrays.asList(p.chunks));
        }
        return all.isEmpty() ? EMPTY : new ChunkedBytes(all.toArray(new byte[0][]));
    }

    /** The index of the chunk holding byte {@code position} ({@code position < size}). */
    private int chunkAt(long position) {
        int i = Arrays.binarySearch(starts, position);
        return i >= 0 ? i : -i - 2;
    }

    /** A stream over {@code length} bytes from {@code offset}; the caller resolved the range. */
    InputStream open(long offset, long length) {
        return new ChunkedInputStream(offset, offset + length);
    }

    /** Collects bytes into chunks; sized exactly when the length is known in advance. */
    static final class Builder {
        private final long expected;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int fill;
        private long size;

        /** @param expected the final size, or -1 when unknown */
        Builder(long expected) {
            this.expected = expected;
        }

        void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (current == null || fill == current.length) {
                    long left = expected >= 0 ? expected - size : CHUNK;
                    // A body longer than declared is rejected by the digesting stream before it
                    // gets here; the floor of one byte only keeps this class self-consistent.
                    current = new byte[(int) Math.max(1, Math.min(CHUNK, left))];
                    chunks.add(current);
                    fill = 0;
                }
                int n = Math.min(len, current.length - fill);
                System.arraycopy(b, off, current, fill, n);
                fill += n;
                off += n;
                len -= n;
                size += n;
            }
        }

        ChunkedBytes build() {
            if (size == 0) {
                return EMPTY;
            }
            byte[][] out = chunks.toArray(new byte[0][]);
            if (fill < current.length) {
                byte[] trimmed = new byte[fill];
                System.arraycopy(current, 0, trimmed, 0, fill);
                out[out.length - 1] = trimmed;
            }
            return new ChunkedBytes(out);
        }
    }

    private final class ChunkedInputStream extends InputStream {
        private long position;
        private final long end;

        ChunkedInputStream(long position, long end) {
            this.position = position;
            this.end = end;
        }

        @Override
        public int read() {
            if (position >= end) {
                return -1;
            }
            int i = chunkAt(position);
            int b = chunks[i][(int) (position - starts[i])] & 0xff;
            position++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int i = chunkAt(position);
            byte[] chunk = chunks[i];
            int at = (int) (position - starts[i]);
            int n = (int) Math.min(Math.min(len, chunk.length - at), end - position);
            System.arraycopy(chunk, at, b, off, n);
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
    }
}
