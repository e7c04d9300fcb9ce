package dev.cairn.blob.digest;

/**
 * CRC-64/NVME (the {@code x-amz-checksum-crc64nvme} algorithm): reflected polynomial
 * 0x9A6C9329AC4BC9B5, initial value and final xor all ones. Check value for the ASCII bytes
 * {@code 123456789} is 0xAE8B14860A799888. Slicing-by-8 tables keep it near memory speed.
 */
final class Crc64Nvme implements StreamingDigest {
    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final long[][] TABLES = tables();

    private long crc = -1L;

    private static long[][] tables() {
        long[][] t = new long[8][256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[0][n] = c;
        }
        for (int n = 0; n < 256; n++) {
            for (int s = 1; s < 8; s++) {
                long prev = t[s - 1][n];
                t[s][n] = (prev >>> 8) ^ t[0][(int) (prev & 0xff)];
            }
        }
        return t;
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        long c = crc;
        int i = off;
        int end = off + len;
        long[] t0 = TABLES[0];
        while (end - i >= 8) {
            long x = c ^ ((buf[i] & 0xffL) | (buf[i + 1] & 0xffL) << 8 | (buf[i + 2] & 0xffL) << 16 | (buf[i + 3] & 0xffL) << 24
                    | (buf[i + 4] & 0xffL) << 32 | (buf[i + 5] & 0xffL) << 40 | (buf[i + 6] & 0xffL) << 48 | (buf[i + 7] & 0xffL) << 56);
            c = TABLES[7][(int) (x & 0xff)] ^ TABLES[6][(int) ((x >>> 8) & 0xff)]
                    ^ TABLES[5][(int) ((x >>> 16) & 0xff)] ^ TABLES[4][(int) ((x >>> 24) & 0xff)]
                    ^ TABLES[3][(int) ((x >>> 32) & 0xff)] ^ TABLES[2][(int) ((x >>> 40) & 0xff)]
                    ^ TABLES[1][(int) ((x >>> 48) & 0xff)] ^ t0[(int) (x >>> 56)];
            i += 8;
        }
        while (i < end) {
            c = (c >>> 8) ^ t0[(int) ((c ^ buf[i]) & 0xff)];
            i++;
        }
        crc = c;
    }

    @Override
    public byte[] finish() {
        long v = ~crc;
        byte[] out = new byte[8];
        for (int k = 0; k < 8; k++) {
            out[k] = (byte) (v >>> (56 - 8 * k)); // big-endian, as S3 encodes it
        }
        return out;
    }
}
