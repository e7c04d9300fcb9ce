package dev.cairn.blob.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The digests Cairn computes over object bytes, with the text form each is stored and compared
 * in: lowercase hex for B3 and MD5 (the address and the S3 ETag), base64 for the S3 flexible
 * checksums (as in {@code x-amz-checksum-*} headers).
 */
public enum ChecksumAlgorithm {
    B3(true),
    MD5(true),
    CRC32(false),
    CRC32C(false),
    CRC64NVME(false),
    SHA1(false),
    SHA256(false);

    private final boolean hexText;

    ChecksumAlgorithm(boolean hexText) {
        this.hexText = hexText;
    }

    /** A fresh incremental digest for this algorithm. */
    public StreamingDigest newDigest() {
        return switch (this) {
            case B3 -> Blake3.newHasher();
            case MD5 -> jdk("MD5");
            case SHA1 -> jdk("SHA-1");
            case SHA256 -> jdk("SHA-256");
            case CRC32 -> checksum(new CRC32());
            case CRC32C -> checksum(new CRC32C());
            case CRC64NVME -> new Crc64Nvme();
        };
    }

    /** The stored text form of a raw digest. */
    public String toText(byte[] raw) {
        return hexText ? Hex.encode(raw) : Base64.getEncoder().encodeToString(raw);
    }

    private static StreamingDigest jdk(String name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
        return new StreamingDigest() {
            @Override
            public void update(byte[] buf, int off, int len) {
                md.update(buf, off, len);
            }

            @Override
            public byte[] finish() {
                return md.digest();
            }
        };
    }

    private static StreamingDigest checksum(Checksum c) {
        return new StreamingDigest() {
            @Override
            public void update(byte[] buf, int off, int len) {
                c.update(buf, off, len);
            }

            @Override
            public byte[] finish() {
                long v = c.getValue();
                return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            }
        };
    }
}
