package dev.cairn.blob.digest;

/**
 * BLAKE3-256, behind the one interface every caller uses. The implementation today is
 * BouncyCastle's pure-Java digest (about 250 MB/s on this class of machine); a native one can be
 * swapped in here without touching callers.
 */
public final class Blake3 {
    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private Blake3() {
    }

    /** A fresh hasher. */
    public static StreamingDigest newHasher() {
        return new BouncyCastleBlake3();
    }

    /** BLAKE3 of {@code data} as 64 lowercase hex digits. */
    public static String hex(byte[] data) {
        StreamingDigest d = newHasher();
        d.update(data, 0, data.length);
        return Hex.encode(d.finish());
    }
}
