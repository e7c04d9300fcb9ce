package dev.cairn.blob.digest;

import static dev.cairn.blob.digest.Blake3Compressor.ROOT;
import static dev.cairn.blob.digest.Blake3Compressor.compressParent;

/**
 * The stack of chaining values of completed subtrees, largest first: one entry per set bit of the
 * number of chunks pushed so far. Pushing a subtree merges it with its left neighbours for as
 * many levels as the new chunk count has trailing zeros (counted in units of the subtree's size).
 * Callers push only subtrees that more input follows, so no merge here can be the root.
 */
final class Blake3Tree {
    /** 2^64 bytes are 2^54 chunks; one more slot for the entry pushed before merging. */
    private static final int MAX_DEPTH = 55;

    private final int[] stack = new int[MAX_DEPTH * 8];
    private int depth;

    /**
     * Pushes the chaining value {@code cv[cvOff..+8)} of the subtree of {@code 2^log2Chunks} chunks
     * that starts at chunk {@code start}; {@code start} must be a multiple of its size and follow
     * the chunks pushed before.
     */
    void push(int[] cv, int cvOff, long start, int log2Chunks) {
        System.arraycopy(cv, cvOff, stack, depth * 8, 8);
        depth++;
        long total = (start >>> log2Chunks) + 1;
        while ((total & 1) == 0) {
            depth--;
            compressParent(stack, (depth - 1) * 8, stack, depth * 8, stack, (depth - 1) * 8, 0);
            total >>>= 1;
        }
    }

    /** The 32-byte digest of everything pushed followed by {@code last}, the final chunk. */
    byte[] finish(Blake3ChunkState last) {
        int[] cur = new int[8];
        if (depth == 0) {
            last.output(cur, 0, ROOT);
        } else {
            last.output(cur, 0, 0);
            for (int i = depth - 1; i >= 0; i--) {
                compressParent(stack, i * 8, cur, 0, cur, 0, i == 0 ? ROOT : 0);
            }
        }
        byte[] out = new byte[Blake3.LENGTH];
        for (int i = 0; i < 8; i++) {
            int w = cur[i];
            out[4 * i] = (byte) w;
            out[4 * i + 1] = (byte) (w >>> 8);
            out[4 * i + 2] = (byte) (w >>> 16);
            out[4 * i + 3] = (byte) (w >>> 24);
        }
        return out;
    }

    /**
     * The chaining value of the aligned subtree of {@code 2^log2Chunks} whole chunks at {@code in[off..]}
     * starting at chunk {@code start}, into {@code out[outOff..+8)}; a subtree is never the root.
     */
    static void subtreeCv(byte[] in, int off, long start, int log2Chunks, int[] out, int outOff) {
        if (log2Chunks == 0) {
            Blake3Compressor.chunkCv(in, off, start, out, outOff);
            return;
        }
        int[] local = new int[(log2Chunks + 1) * 8];
        int top = 0;
        int chunks = 1 << log2Chunks;
        for (int i = 0; i < chunks; i++) {
            Blake3Compressor.chunkCv(in, off + i * Blake3Compressor.CHUNK_LEN, start + i, local, top * 8);
            top++;
            for (int t = i + 1; (t & 1) == 0; t >>>= 1) {
                top--;
                compressParent(local, (top - 1) * 8, local, top * 8, local, (top - 1) * 8, 0);
            }
        }
        System.arraycopy(local, 0, out, outOff, 8);
    }
}
