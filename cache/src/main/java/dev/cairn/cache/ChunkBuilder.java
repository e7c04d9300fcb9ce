package dev.cairn.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a byte stream into chunk-sized arrays, up to a limit. Past the limit it gives up and
 * drops what it holds, so a stream larger than expected costs at most {@code limit} bytes of heap.
 */
final class ChunkBuilder {
    private final int chunkSize;
    private final long limit;
    private List<byte[]> full = new ArrayList<>();
    private byte[] current;
    private int filled;
    private long total;

    ChunkBuilder(int chunkSize, long limit) {
        this.chunkSize = chunkSize;
        this.limit = limit;
    }

    /** Appends bytes; abandons the collection once it would exceed the limit. */
    void append(byte[] b, int off, int len) {
        if (full == null) {
            return;
        }
        total += len;
        if (total > limit) {
            abandon();
            return;
        }
        while (len > 0) {
            if (current == null) {
                // the last chunk is allocated no larger than the limit allows, as the object will be
                current = new byte[(int) Math.min(chunkSize, limit - (total - len))];
                filled = 0;
            }
            int n = Math.min(len, current.length - filled);
            System.arraycopy(b, off, current, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == current.length) {
                full.add(current);
                current = null;
            }
        }
    }

    /** Drops everything; later appends are ignored. */
    void abandon() {
        full = null;
        current = null;
    }

    /** Bytes appended so far (counting those past an abandonment). */
    long total() {
        return total;
    }

    /** The chunks, the last trimmed to its length; null when abandoned. */
    byte[][] chunks() {
        if (full == null) {
            return null;
        }
        List<byte[]> out = new ArrayList<>(full);
        if (current != null && filled > 0) {
            out.add(filled == current.length ? current : java.util.Arrays.copyOf(current, filled));
        }
        return out.toArray(new byte[0][]);
    }
}
