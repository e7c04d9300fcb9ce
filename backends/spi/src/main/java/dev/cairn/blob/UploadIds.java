package dev.cairn.blob;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Multipart upload ids: 12 hex digits of the initiation time in milliseconds, then 32 hex digits
 * (128 bits) from a {@link SecureRandom}. Lowercase hex is URL-safe and a safe file name; the time
 * prefix makes the lexicographic order of one key's ids its initiation order, which is the order
 * S3 lists them in and the order an upload-id marker continues from. The random part makes ids
 * unguessable, and a backend checks {@link #isValid} on every call, so no id can name another path.
 */
public final class UploadIds {
    public static final int LENGTH = 44;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadIds() {
    }

    /** A new id for an upload initiated at {@code initiatedMillis}. */
    public static String newId(long initiatedMillis) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return String.format(Locale.ROOT, "%012x", initiatedMillis) + dev.cairn.blob.digest.Hex.encode(random);
    }

    /** Whether {@code id} has the form {@link #newId} produces. */
    public static boolean isValid(String id) {
        return id != null && dev.cairn.blob.digest.Hex.isLowerHex(id, LENGTH);
    }

    /** Returns {@code id}; throws {@link IllegalArgumentException} for a malformed one (callers check first). */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("malformed upload id");
        }
        return id;
    }
}
