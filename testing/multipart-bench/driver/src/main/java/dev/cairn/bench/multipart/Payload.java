package dev.cairn.bench.multipart;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * The object to upload, generated once before any server starts: one random buffer of a part's
 * size, with the part number stamped into its first 8 bytes so no two parts are equal. Parts are
 * handed out one at a time (the buffer is reused), and the SHA-256 of the whole object is known
 * up front so the download can be checked without holding the object in memory.
 */
final class Payload {
    private final long size;
    private final int partSize;
    private final int partCount;
    private final byte[] buffer;
    private final String sha256;

    /** @throws IllegalArgumentException unless {@code 0 < size} and the part count is 1..10,000 */
    Payload(long size, int partSize, long seed) {
        if (size <= 0 || partSize < 8) {
            throw new IllegalArgumentException("size and part size must be positive (part size at least 8 bytes)");
        }
        long parts = (size + partSize - 1) / partSize;
        if (parts > 10_000) {
            throw new IllegalArgumentException(parts + " parts: S3 allows at most 10,000");
        }
        this.size = size;
        this.partSize = partSize;
        this.partCount = (int) parts;
        this.buffer = new byte[partSize];
        new Random(seed).nextBytes(buffer);
        this.sha256 = digestAll();
    }

    long size() {
        return size;
    }

    int partSize() {
        return partSize;
    }

    int partCount() {
        return partCount;
    }

    String sha256() {
        return sha256;
    }

    /** Bytes of part {@code number} (1-based); every part is full but the last. */
    int partLength(int number) {
        return (int) Math.min(partSize, size - (long) (number - 1) * partSize);
    }

    /** Part {@code number}'s bytes; valid until the next call (the buffer is shared). */
    ByteBuffer part(int number) {
        ByteBuffer.wrap(buffer).putLong(0, number);
        return ByteBuffer.wrap(buffer, 0, partLength(number)).asReadOnlyBuffer();
    }

    private String digestAll() {
        MessageDigest sha = sha256Digest();
        for (int n = 1; n <= partCount; n++) {
            sha.update(part(n));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
