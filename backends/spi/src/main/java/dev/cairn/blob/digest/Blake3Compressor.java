package dev.cairn.blob.digest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The BLAKE3 compression function, written for the JIT: the sixteen state words and sixteen
 * message words live in int locals, the seven rounds are unrolled with the message permutation
 * folded into the word order of each round (round r reads the words the reference permutation
 * would have moved there after r-1 steps), and message words are loaded little-endian straight
 * from the caller's array through a {@link VarHandle}. Nothing is allocated per block.
 *
 * <p>Only the first eight output words are produced: they are the chaining value of a non-root
 * node and the first 32 bytes of a root output, which is all {@link Blake3#LENGTH} needs.
 */
final class Blake3Compressor {
    static final int BLOCK_LEN = 64;
    static final int CHUNK_LEN = 1024;
    static final int CHUNK_START = 1;
    static final int CHUNK_END = 2;
    static final int PARENT = 4;
    static final int ROOT = 8;
    /** The initial chaining value (SHA-256's IV), also the key words of every parent node. */
    static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
    };

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Blake3Compressor() {
    }

    /**
     * Compresses one 64-byte block of {@code block} at {@code blockOff} (the caller zero-pads a short
     * final block) under chaining value {@code cv[cvOff..+8)} into {@code out[outOff..+8)}; the two
     * ranges may be the same.
     */
    static void compressBlock(int[] cv, int cvOff, int[] out, int outOff, byte[] block, int blockOff, int blockLen, long counter, int flags) {
        compress(cv, cvOff, out, outOff,
                (int) LE_INT.get(block, blockOff), (int) LE_INT.get(block, blockOff + 4),
                (int) LE_INT.get(block, blockOff + 8), (int) LE_INT.get(block, blockOff + 12),
                (int) LE_INT.get(block, blockOff + 16), (int) LE_INT.get(block, blockOff + 20),
                (int) LE_INT.get(block, blockOff + 24), (int) LE_INT.get(block, blockOff + 28),
                (int) LE_INT.get(block, blockOff + 32), (int) LE_INT.get(block, blockOff + 36),
                (int) LE_INT.get(block, blockOff + 40), (int) LE_INT.get(block, blockOff + 44),
                (int) LE_INT.get(block, blockOff + 48), (int) LE_INT.get(block, blockOff + 52),
                (int) LE_INT.get(block, blockOff + 56), (int) LE_INT.get(block, blockOff + 60),
                counter, blockLen, flags);
    }

    /**
     * The chaining value of a parent node whose children's chaining values are {@code left[lOff..+8)}
     * and {@code right[rOff..+8)}, into {@code out[outOff..+8)} (which may overlap either child).
     * {@code extraFlags} is 0 or {@link #ROOT}.
     */
    static void compressParent(int[] left, int lOff, int[] right, int rOff, int[] out, int outOff, int extraFlags) {
        compress(IV, 0, out, outOff,
                left[lOff], left[lOff + 1], left[lOff + 2], left[lOff + 3],
                left[lOff + 4], left[lOff + 5], left[lOff + 6], left[lOff + 7],
                right[rOff], right[rOff + 1], right[rOff + 2], right[rOff + 3],
                right[rOff + 4], right[rOff + 5], right[rOff + 6], right[rOff + 7],
                0, BLOCK_LEN, PARENT | extraFlags);
    }

    /**
     * The chaining value of one whole 1 KiB chunk of {@code in} at {@code off}, known not to be the
     * root (more input follows it or it is part of a larger tree), into {@code out[outOff..+8)}.
     */
    static void chunkCv(byte[] in, int off, long counter, int[] out, int outOff) {
        System.arraycopy(IV, 0, out, outOff, 8);
        compressBlock(out, outOff, out, outOff, in, off, BLOCK_LEN, counter, CHUNK_START);
        int last = off + CHUNK_LEN - BLOCK_LEN;
        for (int p = off + BLOCK_LEN; p < last; p += BLOCK_LEN) {
            compressBlock(out, outOff, out, outOff, in, p, BLOCK_LEN, counter, 0);
        }
        compressBlock(out, outOff, out, outOff, in, last, BLOCK_LEN, counter, CHUNK_END);
    }

    // Twenty-one parameters on purpose: the message arrives in registers/stack slots, not an array.
    private static void compress(int[] cv, int cvOff, int[] out, int outOff,
            int m0, int m1, int m2, int m3, int m4, int m5, int m6, int m7,
            int m8, int m9, int m10, int m11, int m12, int m13, int m14, int m15,
            long counter, int blockLen, int flags) {
        int v0 = cv[cvOff];
        int v1 = cv[cvOff + 1];
        int v2 = cv[cvOff + 2];
        int v3 = cv[cvOff + 3];
        int v4 = cv[cvOff + 4];
        int v5 = cv[cvOff + 5];
        int v6 = cv[cvOff + 6];
        int v7 = cv[cvOff + 7];
        int v8 = 0x6A09E667;
        int v9 = 0xBB67AE85;
        int v10 = 0x3C6EF372;
        int v11 = 0xA54FF53A;
        int v12 = (int) counter;
        int v13 = (int) (counter >>> 32);
        int v14 = blockLen;
        int v15 = flags;
        // round 1: message words permuted 0 times
        v0 += v4 + m0; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m1; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m2; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m3; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m4; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m5; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m6; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m7; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m8; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m9; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m10; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m11; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m12; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m13; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m14; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m15; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 2: message words permuted 1 times
        v0 += v4 + m2; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m6; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m3; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m10; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m7; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m0; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m4; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m13; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m1; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m11; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m12; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m5; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m9; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m14; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m15; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m8; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 3: message words permuted 2 times
        v0 += v4 + m3; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m4; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m10; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m12; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m13; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m2; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m7; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m14; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m6; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m5; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m9; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m0; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m11; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m15; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m8; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m1; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 4: message words permuted 3 times
        v0 += v4 + m10; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m7; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m12; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m9; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m14; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m3; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m13; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m15; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m4; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m0; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m11; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m2; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m5; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m8; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m1; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m6; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 5: message words permuted 4 times
        v0 += v4 + m12; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m13; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m9; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m11; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m15; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m10; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m14; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m8; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m7; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m2; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m5; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m3; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m0; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m1; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m6; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m4; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 6: message words permuted 5 times
        v0 += v4 + m9; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m14; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m11; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m5; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m8; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m12; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m15; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m1; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m13; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m3; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m0; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m10; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m2; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m6; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m4; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m7; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        // round 7: message words permuted 6 times
        v0 += v4 + m11; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
        v0 += v4 + m15; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
        v1 += v5 + m5; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
        v1 += v5 + m0; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
        v2 += v6 + m1; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
        v2 += v6 + m9; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
        v3 += v7 + m8; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
        v3 += v7 + m6; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
        v0 += v5 + m14; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
        v0 += v5 + m10; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
        v1 += v6 + m2; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
        v1 += v6 + m12; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
        v2 += v7 + m3; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
        v2 += v7 + m4; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
        v3 += v4 + m7; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
        v3 += v4 + m13; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
        out[outOff] = v0 ^ v8;
        out[outOff + 1] = v1 ^ v9;
        out[outOff + 2] = v2 ^ v10;
        out[outOff + 3] = v3 ^ v11;
        out[outOff + 4] = v4 ^ v12;
        out[outOff + 5] = v5 ^ v13;
        out[outOff + 6] = v6 ^ v14;
        out[outOff + 7] = v7 ^ v15;
    }
}
