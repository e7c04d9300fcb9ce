package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The S3 flexible checksums computed without Cairn's digest code: the JDK's CRC32, CRC32C and
 * MessageDigest, and a plain bit-at-a-time CRC-64/NVME (the SPI's is table-driven), so a test
 * comparing the two catches a wrong value rather than agreeing with it.
 */
final class ReferenceChecksums {
    /** CRC-64/NVME check value: the CRC of the ASCII bytes {@code 123456789}. */
    static final long CRC64NVME_CHECK = 0xAE8B14860A799888L;

    private ReferenceChecksums() {
    }

    /** The checksum as S3 sends it: base64 of the big-endian raw value. */
    static String base64(ChecksumAlgorithm algorithm, byte[] data) {
        byte[] raw = switch (algorithm) {
            case CRC32 -> crc32Bytes(new CRC32(), data);
            case CRC32C -> crc32Bytes(new CRC32C(), data);
            case CRC64NVME -> ByteBuffer.allocate(8).putLong(crc64Nvme(data)).array();
            case SHA1 -> jdk("SHA-1", data);
            case SHA256 -> jdk("SHA-256", data);
            default -> throw new IllegalArgumentException(algorithm + " is not a flexible checksum");
        };
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final xor all ones, one bit at a time. */
    static long crc64Nvme(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc ^= b & 0xffL;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    private static byte[] crc32Bytes(Checksum c, byte[] data) {
        c.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
    }

    private static byte[] jdk(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
