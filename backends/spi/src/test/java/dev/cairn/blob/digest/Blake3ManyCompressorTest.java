package dev.cairn.blob.digest;

import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_LEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD-lane chunk compressor against the scalar one, lane by lane, and the run reduction that
 * batches use against pushing chunk by chunk; the end-to-end comparison with BouncyCastle is in
 * {@link JavaBlake3Test}.
 */
class Blake3ManyCompressorTest {
    private static final int MAX = 2 * Blake3ManyCompressor.LANES + 3;
    private static final byte[] DATA = new byte[(MAX + 1) * CHUNK_LEN + 5];

    static {
        new Random(18).nextBytes(DATA);
    }

    private static int[] scalar(int off, int chunks, long counter) {
        int[] out = new int[8 * chunks];
        for (int i = 0; i < chunks; i++) {
            Blake3Compressor.chunkCv(DATA, off + i * CHUNK_LEN, counter + i, out, 8 * i);
        }
        return out;
    }

    @Test
    void everyChunkCountOffsetAndCounterMatchesTheScalarCompressor() {
        // Counters around 2^32 put a carry into the high counter word part-way through the lanes.
        long[] counters = {0, 1, 63, 1000, (1L << 32) - 40, (1L << 40) + 7};
        for (int chunks = 1; chunks <= MAX; chunks++) {
            for (int off : new int[] {0, 1, 3, 1024}) {
                for (long counter : counters) {
                    int[] out = new int[8 * chunks + 16];
                    Arrays.fill(out, 0x5A5A5A5A);
                    Blake3ManyCompressor.chunkCvs(DATA, off, chunks, counter, out, 8);
                    int[] expected = new int[8 * chunks + 16];
                    Arrays.fill(expected, 0x5A5A5A5A);
                    System.arraycopy(scalar(off, chunks, counter), 0, expected, 8, 8 * chunks);
                    assertArrayEquals(expected, out, chunks + " chunks at offset " + off + ", counter " + counter);
                }
            }
        }
    }

    @Test
    void reducedRunsPushTheSameTreeAsSingleChunks() {
        for (long start : new long[] {0, 1, 5, 32, 63, 64, 96, 1000}) {
            for (int chunks = 1; chunks <= 70; chunks++) {
                Blake3ChunkState last = new Blake3ChunkState();
                last.reset(start + chunks);
                last.update(DATA, 0, 100);

                int[] cvs = scalar(0, chunks, start);
                Blake3Tree one = prefix(start);
                for (int i = 0; i < chunks; i++) {
                    one.push(cvs, 8 * i, start + i, 0);
                }
                Blake3Tree run = prefix(start);
                Blake3Tree.mergeRun(cvs, 0, start, chunks);
                run.pushRun(cvs, 0, start, chunks);
                Blake3ChunkState again = new Blake3ChunkState();
                again.reset(start + chunks);
                again.update(DATA, 0, 100);
                assertArrayEquals(one.finish(last), run.finish(again), chunks + " chunks from " + start);
            }
        }
    }

    /** A tree that already holds chunks 0..start-1 (their content does not matter here). */
    private static Blake3Tree prefix(long start) {
        Blake3Tree t = new Blake3Tree();
        int[] cv = new int[8];
        for (long i = 0; i < start; i++) {
            Blake3Compressor.chunkCv(DATA, 0, i, cv, 0);
            t.push(cv, 0, i, 0);
        }
        return t;
    }
}
