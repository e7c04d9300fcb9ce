package dev.cairn.blob.digest;

import static dev.cairn.blob.digest.Blake3Compressor.BLOCK_LEN;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_END;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_LEN;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_START;
import static dev.cairn.blob.digest.Blake3Compressor.compressBlock;

/**
 * The chunk being filled: its running chaining value and its last (possibly partial) block. A
 * block is compressed only once a later byte of the same chunk arrives, because the chunk's last
 * block needs CHUNK_END (and ROOT, if the chunk turns out to be the whole input).
 */
final class Blake3ChunkState {
    private final int[] cv = new int[8];
    private final byte[] block = new byte[BLOCK_LEN];
    private int blockLen;
    private int blocksCompressed;
    private long counter;

    Blake3ChunkState() {
        reset(0);
    }

    /** Starts chunk number {@code chunkCounter}, empty. */
    void reset(long chunkCounter) {
        System.arraycopy(Blake3Compressor.IV, 0, cv, 0, 8);
        blockLen = 0;
        blocksCompressed = 0;
        counter = chunkCounter;
    }

    long counter() {
        return counter;
    }

    /** Bytes absorbed into this chunk so far (0..1024). */
    int length() {
        return blocksCompressed * BLOCK_LEN + blockLen;
    }

    /** Absorbs as much of {@code in} as fits in this chunk and returns how many bytes that was. */
    int update(byte[] in, int off, int len) {
        int take = Math.min(len, CHUNK_LEN - length());
        int end = off + take;
        while (off < end) {
            if (blockLen == BLOCK_LEN) {
                compressBlock(cv, 0, cv, 0, block, 0, BLOCK_LEN, counter, startFlag());
                blocksCompressed++;
                blockLen = 0;
            }
            if (blockLen == 0) {
                // Straight from the caller's array while a later byte of this chunk is already here.
                while (end - off > BLOCK_LEN) {
                    compressBlock(cv, 0, cv, 0, in, off, BLOCK_LEN, counter, startFlag());
                    blocksCompressed++;
                    off += BLOCK_LEN;
                }
            }
            int n = Math.min(BLOCK_LEN - blockLen, end - off);
            System.arraycopy(in, off, block, blockLen, n);
            blockLen += n;
            off += n;
        }
        return take;
    }

    /**
     * Compresses the last block: the chunk's chaining value, or with {@code extraFlags} =
     * {@link Blake3Compressor#ROOT} the first 32 bytes of the root output (single-chunk input).
     */
    void output(int[] out, int outOff, int extraFlags) {
        java.util.Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
        compressBlock(cv, 0, out, outOff, block, 0, blockLen, counter, startFlag() | CHUNK_END | extraFlags);
    }

    private int startFlag() {
        return blocksCompressed == 0 ? CHUNK_START : 0;
    }
}
