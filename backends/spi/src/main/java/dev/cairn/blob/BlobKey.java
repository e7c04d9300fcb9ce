package dev.cairn.blob;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A bucket and an object key.
 *
 * <p>Bucket names are 1 to 63 characters of {@code [a-z0-9._-]} and are neither {@code .} nor
 * {@code ..}; the gateway applies the stricter S3 naming rules before it gets here, and reserves
 * names starting with a dot for internal use (the OAP blob space lives in {@code .oap}).
 *
 * <p>Keys are any valid Unicode string of 1 to {@value #MAX_KEY_BYTES} UTF-8 bytes. Slashes,
 * dots, percent signs, backslashes and spaces carry no meaning to the SPI: {@code a//b} and
 * {@code ../x} are ordinary keys that every backend must store faithfully.
 *
 * @throws IllegalArgumentException if the bucket or key is malformed
 */
public record BlobKey(String bucket, String key) {
    public static final int MAX_KEY_BYTES = 1024;

    public BlobKey {
        requireValidBucket(bucket);
        requireValidKey(key);
    }

    /**
     * Checks a bucket name against the SPI's rules.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String requireValidBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isEmpty() || bucket.length() > 63) {
            throw new IllegalArgumentException("bucket name must be 1 to 63 characters");
        }
        if (bucket.equals(".") || bucket.equals("..")) {
            throw new IllegalArgumentException("bucket name must not be '.' or '..'");
        }
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("bucket name has a character outside [a-z0-9._-]");
            }
        }
        return bucket;
    }

    /** Whether {@code key} passes {@link #requireValidKey}: for names a store finds but did not necessarily write. */
    public static boolean isValidKey(String key) {
        try {
            requireValidKey(key);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * Checks an object key: non-empty, well-formed UTF-16 (so it has a UTF-8 form), at most
     * {@value #MAX_KEY_BYTES} UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String requireValidKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= key.length() || !Character.isLowSurrogate(key.charAt(i + 1))) {
                    throw new IllegalArgumentException("key is not valid Unicode (unpaired surrogate)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("key is not valid Unicode (unpaired surrogate)");
            }
        }
        if (utf8Length(key) > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key is longer than " + MAX_KEY_BYTES + " UTF-8 bytes");
        }
        return key;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The key's UTF-8 bytes. */
    public byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return bucket + "/" + key;
    }
}
