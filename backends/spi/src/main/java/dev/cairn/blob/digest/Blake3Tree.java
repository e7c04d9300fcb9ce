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
     * Pushes a run of {@code chunks} consecutive chunks starting at chunk {@code start}, already
     * reduced by {@link #mergeRun}: one entry per aligned block, at {@code cvs[cvOff + 8 * i]} where
     * i is the block's first chunk within the run.
     */
    void pushRun(int[] cvs, int cvOff, long start, int chunks) {
        for (int i = 0; i < chunks; ) {
            int log2 = alignedLog2(start + i, chunks - i);
            push(cvs, cvOff + 8 * i, start + i, log2);
            i += 1 << log2;
        }
    }

    /**
     * Reduces the chunk chaining values {@code cvs[cvOff + 8 * i ..+8)} of a run of {@code chunks}
     * consecutive chunks starting at chunk {@code start}, in place, to one chaining value per
     * maximal aligned power-of-two block of the run, left at the block's first chunk. Runs hashed
     * by different threads are reduced in parallel this way; only the merges across runs are left
     * for {@link #pushRun}. No block can be the root, because more input follows every run.
     */
    static void mergeRun(int[] cvs, int cvOff, long start, int chunks) {
        for (int i = 0; i < chunks; ) {
            int size = 1 << alignedLog2(start + i, chunks - i);
            int base = cvOff + 8 * i;
            for (int step = 1; step < size; step <<= 1) {
                for (int j = 0; j < size; j += 2 * step) {
                    compressParent(cvs, base + 8 * j, cvs, base + 8 * (j + step), cvs, base + 8 * j, 0);
                }
            }
            i += size;
        }
    }

    /** log2 of the largest block that starts at chunk {@code start}, is aligned to its size and fits in {@code left}. */
    private static int alignedLog2(long start, int left) {
        long size = Integer.highestOneBit(left);
        if (start != 0) {
            size = Math.min(size, Long.lowestOneBit(start));
        }
        return Long.numberOfTrailingZeros(size);
    }
}
