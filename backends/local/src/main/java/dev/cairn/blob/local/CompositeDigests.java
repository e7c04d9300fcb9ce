package dev.cairn.blob.local;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.StreamingDigest;
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
 *   <li>each extra algorithm of the upload that S3 combines this way (CRC32, CRC32C, SHA1,
 *       SHA256): S3's COMPOSITE form, base64 of the algorithm over the concatenated raw part
 *       checksums, then {@code -N}.
 * </ul>
 *
 * MD5 and CRC64NVME have no composite form (CRC64NVME is FULL_OBJECT only in S3), and a
 * FULL_OBJECT CRC would need CRC combination arithmetic that this first cut leaves out; those
 * algorithms are omitted rather than stored with a value that is not the bytes' digest.
 */
final class CompositeDigests {
    private static final Set<ChecksumAlgorithm> COMPOSABLE =
            Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);

    private CompositeDigests() {
    }

    /** The multipart ETag of parts with these (unquoted hex) MD5 ETags, or null if one is not 32 hex digits. */
    static String etag(List<String> partEtags) {
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
     * The completed object's checksums: B3 always, plus the composable {@code extra} algorithms
     * that every part carries.
     */
    static Map<ChecksumAlgorithm, String> checksums(List<StoredMeta> parts, Set<ChecksumAlgorithm> extra) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        out.put(ChecksumAlgorithm.B3, compose(ChecksumAlgorithm.B3, parts));
        for (ChecksumAlgorithm a : extra) {
            if (COMPOSABLE.contains(a)) {
                String value = compose(a, parts);
                if (value != null) {
                    out.put(a, value);
                }
            }
        }
        return out;
    }

    private static String compose(ChecksumAlgorithm a, List<StoredMeta> parts) {
        StreamingDigest d = a.newDigest();
        for (StoredMeta part : parts) {
            String text = part.checksums().get(a);
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
        if (!dev.cairn.blob.digest.Hex.isLowerHex(text, bytes * 2)) {
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
