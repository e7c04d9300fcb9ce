package dev.cairn.blob.digest;

import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The digests of a completed multipart object, computed from its parts' stored digests alone, so
 * completion never reads part data:
 *
 * <ul>
 *   <li>ETag: hex MD5 of the concatenated binary part MD5s, then {@code -N} (what S3 returns);
 *   <li>B3: hex BLAKE3 of the concatenated 32-byte part BLAKE3s, then {@code -N} (docs/adr/0007);
 *   <li>each extra algorithm of the upload: S3's COMPOSITE form, base64 of the algorithm over
 *       the concatenated raw part checksums, then {@code -N} (the {@code -N} marks it as a
 *       digest of digests, never to be compared with a digest of the bytes).
 * </ul>
 *
 * The whole-object MD5 is unknown without reading every byte, so it is never stored. S3's
 * FULL_OBJECT CRCs (CRC combination arithmetic over the part CRCs) are left out of this first
 * cut (docs/adr/0008); the memory backend makes the same choice. Shared by the backends that
 * keep part digests as text (local, gcs).
 */
public final class CompositeDigests {
    private CompositeDigests() {
    }

    /** The multipart ETag of parts with these (unquoted hex) MD5 ETags, or null if one is not 32 hex digits. */
    public static String etag(List<String> partEtags) {
        StreamingDigest md5 = ChecksumAlgorithm.MD5.newDigest();
        for (String etag : partEtags) {
            byte[] raw = hex(etag, 16);
            if (raw == null) {
                return null;
            }
            md5.update(raw, 0, raw.length);
        }
        return ChecksumAlgorithm.MD5.toText(md5.finish()) + "-" + partEtags.size();
    }

    /**
     * The completed object's checksums: B3 always, plus every {@code extra} algorithm but MD5
     * that every part carries (the upload's algorithms are computed for each of its parts).
     *
     * @param parts each part's stored digests in their text form, in object order
     */
    public static Map<ChecksumAlgorithm, String> checksums(List<Map<ChecksumAlgorithm, String>> parts, Set<ChecksumAlgorithm> extra) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        out.put(ChecksumAlgorithm.B3, compose(ChecksumAlgorithm.B3, parts));
        for (ChecksumAlgorithm a : extra) {
            if (a != ChecksumAlgorithm.MD5) {
                String value = compose(a, parts);
                if (value != null) {
                    out.put(a, value);
                }
            }
        }
        return out;
    }

    private static String compose(ChecksumAlgorithm a, List<Map<ChecksumAlgorithm, String>> parts) {
        StreamingDigest d = a.newDigest();
        for (Map<ChecksumAlgorithm, String> part : parts) {
            String text = part.get(a);
            if (text == null) {
                return null;
            }
            byte[] raw = a == ChecksumAlgorithm.B3 ? hex(text, 32) : base64(text);
            if (raw == null) {
                return null;
            }
            d.update(raw, 0, raw.length);
        }
        return a.toText(d.finish()) + "-" + parts.size();
    }

    private static byte[] hex(String text, int bytes) {
        if (!Hex.isLowerHex(text, bytes * 2)) {
            return null;
        }
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) Integer.parseInt(text, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
