package dev.cairn.blob;

import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.digest.CrcCombine;
import dev.cairn.blob.digest.Hex;
import dev.cairn.blob.digest.StreamingDigest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The digests of a completed multipart object, derived from its parts' stored digests alone so
 * that completion never reads part data (docs/adr/0009), and the checks a completion makes on
 * them. Shared by every store that implements {@link SupportsMultipart}.
 *
 * <ul>
 *   <li>ETag: hex MD5 of the concatenated binary part MD5s, then {@code -N} (what S3 returns);
 *   <li>B3: hex BLAKE3 of the concatenated 32-byte part BLAKE3s, then {@code -N} (ADR 0007);
 *   <li>a CRC of the upload, unless its type is COMPOSITE: the FULL_OBJECT CRC of all bytes,
 *       combined from the part CRCs and lengths ({@link CrcCombine});
 *   <li>any other extra algorithm (and a CRC of a COMPOSITE upload): S3's COMPOSITE form, base64
 *       of the algorithm over the concatenated raw part checksums, then {@code -N}.
 * </ul>
 *
 * The whole-object MD5 is unknown without reading every byte, so it is never derived.
 */
public final class MultipartChecksums {
    /** What completion knows of one part: its length and its stored digests (text form). */
    public record Part(long size, Map<ChecksumAlgorithm, String> checksums) {
        public Part {
            checksums = Map.copyOf(checksums);
        }
    }

    private MultipartChecksums() {
    }

    /** The multipart ETag of parts with these (unquoted lowercase hex) MD5 ETags, or null if one is not 32 hex digits. */
    public static String etag(List<String> partEtags) {
        StreamingDigest md5 = ChecksumAlgorithm.MD5.newDigest();
        for (String etag : partEtags) {
            if (!Hex.isLowerHex(etag, 32)) {
                return null;
            }
            byte[] raw = hex(etag);
            md5.update(raw, 0, raw.length);
        }
        return ChecksumAlgorithm.MD5.toText(md5.finish()) + "-" + partEtags.size();
    }

    /**
     * The completed object's checksums: B3 always, plus every {@code extra} algorithm but MD5
     * that every part carries, in the form described above.
     *
     * @param type the upload's {@link SupportsMultipart.MultipartUpload#checksumType()}; null as FULL_OBJECT
     */
    public static Map<ChecksumAlgorithm, String> object(List<Part> parts, Set<ChecksumAlgorithm> extra, ChecksumType type) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        out.put(ChecksumAlgorithm.B3, composite(ChecksumAlgorithm.B3, parts));
        for (ChecksumAlgorithm a : extra) {
            if (a == ChecksumAlgorithm.MD5 || a == ChecksumAlgorithm.B3) {
                continue;
            }
            String value = type != ChecksumType.COMPOSITE && CrcCombine.supports(a) ? fullObject(a, parts) : composite(a, parts);
            if (value != null) {
                out.put(a, value);
            }
        }
        return out;
    }

    /**
     * What each part keeps for part reads: its checksums of the algorithms whose object value is
     * COMPOSITE (B3 and MD5 aside). Empty when the object has no COMPOSITE flexible checksum.
     *
     * @param object the completed object's checksums ({@link #object})
     */
    public static List<Map<ChecksumAlgorithm, String>> perPart(List<Part> parts, Map<ChecksumAlgorithm, String> object) {
        EnumMap<ChecksumAlgorithm, String> composites = new EnumMap<>(ChecksumAlgorithm.class);
        object.forEach((a, v) -> {
            if (a != ChecksumAlgorithm.B3 && a != ChecksumAlgorithm.MD5 && ChecksumType.ofStored(v) == ChecksumType.COMPOSITE) {
                composites.put(a, v);
            }
        });
        if (composites.isEmpty()) {
            return List.of();
        }
        List<Map<ChecksumAlgorithm, String>> out = new java.util.ArrayList<>(parts.size());
        for (Part p : parts) {
            EnumMap<ChecksumAlgorithm, String> kept = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm a : composites.keySet()) {
                kept.put(a, p.checksums().get(a)); // every part has it: the object value was derived from them
            }
            out.add(kept);
        }
        return out;
    }

    /**
     * Checks the checksums a completion request names for each part against the stored part's.
     *
     * @param stored the stored digests of each requested part, in the same order
     * @throws BlobStoreException {@link BlobError#INVALID_PART} for a value that differs or that the stored part lacks
     */
    public static void checkParts(String storeId, BlobKey key, List<CompletedPart> requested, List<Map<ChecksumAlgorithm, String>> stored) {
        for (int i = 0; i < requested.size(); i++) {
            CompletedPart p = requested.get(i);
            for (Map.Entry<ChecksumAlgorithm, String> e : p.checksums().entrySet()) {
                if (!e.getValue().equals(stored.get(i).get(e.getKey()))) {
                    throw new BlobStoreException(BlobError.INVALID_PART, storeId, key,
                            "part " + p.partNumber() + " does not have the " + e.getKey() + " checksum " + e.getValue());
                }
            }
        }
    }

    /**
     * Checks a completed object's derived checksums against the values the client expects.
     *
     * @throws BlobStoreException {@link BlobError#BAD_DIGEST} for a value that differs or was not derived
     */
    public static void checkExpected(String storeId, BlobKey key, Map<ChecksumAlgorithm, String> derived,
            Map<ChecksumAlgorithm, String> expected) {
        for (Map.Entry<ChecksumAlgorithm, String> e : expected.entrySet()) {
            String actual = derived.get(e.getKey());
            if (actual == null || !(actual.equals(e.getValue()) || withoutPartCount(actual).equals(e.getValue()))) {
                throw new BlobStoreException(BlobError.BAD_DIGEST, storeId, key,
                        "the completed object's " + e.getKey() + " is not the expected " + e.getValue());
            }
        }
    }

    private static String withoutPartCount(String value) {
        int dash = value.lastIndexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    private static String fullObject(ChecksumAlgorithm a, List<Part> parts) {
        long crc = 0; // the CRC of no bytes, for all three CRCs (initial and final xor are all ones)
        for (Part p : parts) {
            String text = p.checksums().get(a);
            if (text == null) {
                return null;
            }
            crc = CrcCombine.combine(a, crc, CrcCombine.fromText(a, text), p.size());
        }
        return CrcCombine.toText(a, crc);
    }

    private static String composite(ChecksumAlgorithm a, List<Part> parts) {
        StreamingDigest d = a.newDigest();
        for (Part p : parts) {
            String text = p.checksums().get(a);
            if (text == null) {
                return null;
            }
            byte[] raw = a == ChecksumAlgorithm.B3 ? hex(text) : Base64.getDecoder().decode(text);
            d.update(raw, 0, raw.length);
        }
        return a.toText(d.finish()) + "-" + parts.size();
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
