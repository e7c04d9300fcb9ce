package dev.cairn.blob.digest;

import java.util.Base64;

/**
 * Combines the CRCs of two adjacent byte runs into the CRC of their concatenation, knowing only
 * the two CRCs and the second run's length: {@code crc(A ‖ B) = combine(crc(A), crc(B), |B|)}.
 * This is zlib's {@code crc32_combine} arithmetic (multiplication by {@code x^(8·|B|)} modulo the
 * polynomial in GF(2), with {@code x^(2^k)} precomputed), generalised to the three reflected CRCs S3
 * offers as FULL_OBJECT checksums: CRC32, CRC32C and CRC64NVME. All three start from and finish
 * with all ones, which is what makes the plain form {@code (crc(A)·x^(8|B|)) xor crc(B)} exact.
 * The cost is O(log |B|) polynomial products and never touches the data.
 */
public final class CrcCombine {
    private static final CrcCombine CRC32 = new CrcCombine(32, 0xEDB88320L);
    private static final CrcCombine CRC32C = new CrcCombine(32, 0x82F63B78L);
    private static final CrcCombine CRC64NVME = new CrcCombine(64, 0x9A6C9329AC4BC9B5L);

    private final int width;
    private final long poly;
    /** {@code x^(2^k) mod p} for k = 0..66: enough for any length below 2^63 bytes. */
    private final long[] powers = new long[67];

    private CrcCombine(int width, long reflectedPoly) {
        this.width = width;
        this.poly = reflectedPoly;
        powers[0] = 1L << (width - 2); // x^1 in the reflected representation
        for (int k = 1; k < powers.length; k++) {
            powers[k] = multiply(powers[k - 1], powers[k - 1]);
        }
    }

    /** Whether {@code algorithm} is a CRC this class can combine (CRC32, CRC32C, CRC64NVME). */
    public static boolean supports(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC32 || algorithm == ChecksumAlgorithm.CRC32C
                || algorithm == ChecksumAlgorithm.CRC64NVME;
    }

    /**
     * The CRC of {@code A ‖ B}.
     *
     * @param crcA the CRC of the first run, as the final value (what {@link java.util.zip.CRC32#getValue} returns)
     * @param crcB the CRC of the second run
     * @param lengthB the second run's length in bytes, {@code >= 0}
     * @throws IllegalArgumentException for an algorithm that is not a supported CRC, or a negative length
     */
    public static long combine(ChecksumAlgorithm algorithm, long crcA, long crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
        CrcCombine c = of(algorithm);
        return c.multiply(c.xPowEightN(lengthB), crcA) ^ crcB;
    }

    /**
     * The base64 text form ({@link ChecksumAlgorithm#toText}) of a CRC value, big-endian as S3 sends it.
     *
     * @throws IllegalArgumentException for an algorithm that is not a supported CRC
     */
    public static String toText(ChecksumAlgorithm algorithm, long crc) {
        int bytes = of(algorithm).width / 8;
        byte[] out = new byte[bytes];
        for (int k = 0; k < bytes; k++) {
            out[k] = (byte) (crc >>> (8 * (bytes - 1 - k)));
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * The CRC value behind a text form.
     *
     * @throws IllegalArgumentException for an algorithm that is not a supported CRC, or text that
     *     is not the base64 form of exactly the CRC's width
     */
    public static long fromText(ChecksumAlgorithm algorithm, String text) {
        int bytes = of(algorithm).width / 8;
        byte[] raw = Base64.getDecoder().decode(text);
        if (raw.length != bytes) {
            throw new IllegalArgumentException(algorithm + " takes " + bytes + " bytes, not " + raw.length);
        }
        long v = 0;
        for (byte b : raw) {
            v = (v << 8) | (b & 0xffL);
        }
        return v;
    }

    private static CrcCombine of(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> CRC32;
            case CRC32C -> CRC32C;
            case CRC64NVME -> CRC64NVME;
            default -> throw new IllegalArgumentException(algorithm + " is not a combinable CRC");
        };
    }

    /** {@code a·b mod p}, both in the reflected representation (the top bit is x^0). */
    private long multiply(long a, long b) {
        long m = 1L << (width - 1);
        long p = 0;
        while (m != 0) {
            if ((a & m) != 0) {
                p ^= b;
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ poly : b >>> 1;
        }
        return p;
    }

    /** {@code x^(8n) mod p}: the product of {@code x^(2^k)} over the set bits of n, shifted by 3 for bytes. */
    private long xPowEightN(long n) {
        long p = 1L << (width - 1); // x^0
        int k = 3;
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiply(powers[k], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }
}
