package dev.cairn.blob.digest;

import static dev.cairn.blob.digest.Blake3Compressor.BLOCK_LEN;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_END;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_LEN;
import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_START;
import static dev.cairn.blob.digest.Blake3Compressor.IV;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * BLAKE3's {@code hash_many} in plain Java: the chaining values of up to {@value #LANES} whole
 * chunks, compressed in lockstep so that C2's SuperWord pass turns the work into SIMD code
 * without the incubating Vector API (on x86 with 64 lanes: 128-bit AVX vectors, four chunks per
 * instruction, because C2 unrolls a loop no further than a tenth of its profiled trip count).
 *
 * <p>The layout is what SuperWord needs (ADR 0018 has the measurements): structure of arrays,
 * one {@code int[LANES]} row per state word and per message word; each G function is one short
 * counted loop over the lanes with no calls or branches, and rotations are
 * {@link Integer#rotateRight} (the {@code >>> | <<} spelling vectorises too, but runs a fifth
 * slower on JDK 25). More work in one loop body (a column step) vectorises worse, and a whole
 * round is too big to unroll, so C2 does not vectorise it at all. The lane loops only reach C2's
 * vector main loop with enough lanes, so fewer than {@value #MIN_CHUNKS} chunks go to the scalar
 * {@link Blake3Compressor} instead.
 *
 * <p>An instance is scratch space (8 KiB) for one thread; {@link #chunkCvs} hands out one per
 * thread.
 */
final class Blake3ManyCompressor {
    /** Chunks per lockstep pass: 64 KiB of input, a 64 KiB read's worth. */
    static final int LANES = 64;
    /** Below this many chunks the lane loops run mostly scalar and the unrolled compressor wins. */
    static final int MIN_CHUNKS = 16;

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Message word order per round: row r is the reference permutation applied r times. */
    private static final int[][] SCHEDULE = schedule();
    private static final ThreadLocal<Blake3ManyCompressor> PER_THREAD = ThreadLocal.withInitial(Blake3ManyCompressor::new);

    private final int[][] v = new int[16][LANES];
    private final int[][] m = new int[16][LANES];

    private Blake3ManyCompressor() {
    }

    /**
     * The chaining values of {@code chunks} whole chunks of {@code in} at {@code off}, the first
     * being chunk number {@code counter}, into {@code out[outOff + 8 * i ..+8)} for chunk i; none
     * of them may be the root (more input follows, or they are part of a larger tree).
     */
    static void chunkCvs(byte[] in, int off, int chunks, long counter, int[] out, int outOff) {
        if (chunks < MIN_CHUNKS) {
            for (int i = 0; i < chunks; i++) {
                Blake3Compressor.chunkCv(in, off + i * CHUNK_LEN, counter + i, out, outOff + 8 * i);
            }
            return;
        }
        Blake3ManyCompressor many = PER_THREAD.get();
        for (int done = 0; done < chunks; done += LANES) {
            int n = Math.min(LANES, chunks - done);
            // A short last pass would run scalar-speed lane loops; finish it with the scalar compressor.
            if (n < MIN_CHUNKS) {
                chunkCvs(in, off + done * CHUNK_LEN, n, counter + done, out, outOff + 8 * done);
            } else {
                many.lanes(in, off + done * CHUNK_LEN, n, counter + done, out, outOff + 8 * done);
            }
        }
    }

    private void lanes(byte[] in, int off, int n, long counter, int[] out, int outOff) {
        int[][] v = this.v;
        for (int w = 0; w < 8; w++) {
            Arrays.fill(v[w], 0, n, IV[w]);
        }
        for (int b = 0; b < CHUNK_LEN / BLOCK_LEN; b++) {
            loadBlock(in, off + b * BLOCK_LEN, n);
            for (int w = 0; w < 4; w++) {
                Arrays.fill(v[8 + w], 0, n, IV[w]);
            }
            int[] lo = v[12];
            int[] hi = v[13];
            for (int l = 0; l < n; l++) {
                long c = counter + l;
                lo[l] = (int) c;
                hi[l] = (int) (c >>> 32);
            }
            Arrays.fill(v[14], 0, n, BLOCK_LEN);
            Arrays.fill(v[15], 0, n, (b == 0 ? CHUNK_START : 0) | (b == CHUNK_LEN / BLOCK_LEN - 1 ? CHUNK_END : 0));
            rounds(n);
            for (int w = 0; w < 8; w++) {
                xor(v[w], v[w + 8], n);
            }
        }
        for (int l = 0; l < n; l++) {
            int o = outOff + 8 * l;
            for (int w = 0; w < 8; w++) {
                out[o + w] = v[w][l];
            }
        }
    }

    /** Transposes block {@code blockOff} of each of the n chunks into the message rows. */
    private void loadBlock(byte[] in, int blockOff, int n) {
        int[][] m = this.m;
        for (int l = 0; l < n; l++) {
            int p = blockOff + l * CHUNK_LEN;
            for (int w = 0; w < 16; w++) {
                m[w][l] = (int) LE_INT.get(in, p + 4 * w);
            }
        }
    }

    private void rounds(int n) {
        int[][] v = this.v;
        int[][] m = this.m;
        for (int[] s : SCHEDULE) {
            g(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]], n);
            g(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]], n);
            g(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]], n);
            g(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]], n);
            g(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]], n);
            g(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]], n);
            g(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]], n);
            g(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]], n);
        }
    }

    // One G function across the lanes; kept this small on purpose (see the class comment).
    private static void g(int[] a, int[] b, int[] c, int[] d, int[] x, int[] y, int n) {
        for (int l = 0; l < n; l++) {
            int va = a[l];
            int vb = b[l];
            int vc = c[l];
            int vd = d[l];
            va += vb + x[l];
            vd = Integer.rotateRight(vd ^ va, 16);
            vc += vd;
            vb = Integer.rotateRight(vb ^ vc, 12);
            va += vb + y[l];
            vd = Integer.rotateRight(vd ^ va, 8);
            vc += vd;
            vb = Integer.rotateRight(vb ^ vc, 7);
            a[l] = va;
            b[l] = vb;
            c[l] = vc;
            d[l] = vd;
        }
    }

    private static void xor(int[] a, int[] b, int n) {
        for (int l = 0; l < n; l++) {
            a[l] ^= b[l];
        }
    }

    private static int[][] schedule() {
        int[] permutation = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
        int[][] s = new int[7][16];
        for (int i = 0; i < 16; i++) {
            s[0][i] = i;
        }
        for (int r = 1; r < 7; r++) {
            for (int i = 0; i < 16; i++) {
                s[r][i] = s[r - 1][permutation[i]];
            }
        }
        return s;
    }
}
