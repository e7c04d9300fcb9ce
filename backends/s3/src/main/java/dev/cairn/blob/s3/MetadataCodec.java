package dev.cairn.blob.s3;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores what the SPI knows about an object in the backend object's user metadata
 * ({@code x-amz-meta-*}), so bytes and metadata are published by one PUT:
 * <pre>
 *   cairn-etag          the ETag clients got (hex MD5, or the multipart form)
 *   cairn-b3            BLAKE3 (or the composite over the parts)
 *   cairn-ck-&lt;alg&gt;     further checksums (crc32, crc32c, crc64nvme, sha1, sha256), base64
 *   cairn-h-&lt;name&gt;     content-disposition, content-encoding, cache-control, expires, ...
 *   cairn-parts         part sizes of a multipart object, run-length coded: 5242880*3,17
 *   cairn-pck-&lt;alg&gt;    each part's COMPOSITE checksum, ';'-separated, while it fits S3's 2 KB
 *   u-&lt;name&gt;           the gateway's user metadata
 * </pre>
 * The content type is S3's own. Values that are not plain printable ASCII (or that HTTP would
 * trim, or that hold a comma) are sent RFC 2047 B-encoded, as S3 itself does, and decoded back.
 */
final class MetadataCodec {
    private static final String ETAG = "cairn-etag";
    private static final String B3 = "cairn-b3";
    private static final String CHECKSUM = "cairn-ck-";
    private static final String HEADER = "cairn-h-";
    private static final String PARTS = "cairn-parts";
    private static final String USER = "u-";
    private static final String PART_CHECKSUM = "cairn-pck-";
    /**
     * S3 allows 2 KB of user metadata (names and values, UTF-8); per-part checksums are kept only
     * while everything stays under this, else part reads carry no checksum.
     */
    static final int METADATA_BUDGET = 1900;

    private MetadataCodec() {
    }

    static Map<String, String> encode(String etag, Map<ChecksumAlgorithm, String> checksums, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, List<Long> partSizes) {
        return encode(etag, checksums, contentHeaders, userMetadata, partSizes, List.of());
    }

    /** As above, plus each part's COMPOSITE checksums when they fit {@link #METADATA_BUDGET}. */
    static Map<String, String> encode(String etag, Map<ChecksumAlgorithm, String> checksums, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, List<Long> partSizes, List<Map<ChecksumAlgorithm, String>> partChecksums) {
        Map<String, String> m = new HashMap<>();
        m.put(ETAG, etag);
        for (Map.Entry<ChecksumAlgorithm, String> e : checksums.entrySet()) {
            switch (e.getKey()) {
                case B3 -> m.put(B3, e.getValue());
                case MD5 -> { } // the ETag of a single-part object; unknown for a multipart one
                default -> m.put(CHECKSUM + e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        contentHeaders.forEach((k, v) -> m.put(HEADER + k, v));
        userMetadata.forEach((k, v) -> m.put(USER + k, v));
        if (!partSizes.isEmpty()) {
            m.put(PARTS, runLength(partSizes));
        }
        m.replaceAll((k, v) -> encodeValue(v));
        if (!partChecksums.isEmpty()) {
            Map<String, String> perPart = new HashMap<>();
            for (ChecksumAlgorithm a : partChecksums.get(0).keySet()) {
                perPart.put(PART_CHECKSUM + a.name().toLowerCase(Locale.ROOT),
                        encodeValue(String.join(";", partChecksums.stream().map(c -> c.getOrDefault(a, "")).toList())));
            }
            if (size(m) + size(perPart) <= METADATA_BUDGET) {
                m.putAll(perPart);
            }
        }
        return m;
    }

    private static int size(Map<String, String> m) {
        int n = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    /** Each part's checksums, or an empty list when the object keeps none (or they did not fit). */
    private static List<Map<ChecksumAlgorithm, String>> partChecksums(Map<ChecksumAlgorithm, String[]> columns, int parts) {
        if (columns.isEmpty() || parts == 0) {
            return List.of();
        }
        List<Map<ChecksumAlgorithm, String>> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            Map<ChecksumAlgorithm, String> one = new EnumMap<>(ChecksumAlgorithm.class);
            for (Map.Entry<ChecksumAlgorithm, String[]> c : columns.entrySet()) {
                if (c.getValue().length != parts) {
                    return List.of();
                }
                if (!c.getValue()[i].isEmpty()) {
                    one.put(c.getKey(), c.getValue()[i]);
                }
            }
            out.add(one);
        }
        return out;
    }

    /** Rebuilds the SPI view from a HEAD or GET response's fields. */
    static ObjectInfo decode(BlobKey key, long size, String backendEtag, Instant lastModified, String contentType,
            Map<String, String> metadata) {
        Map<String, String> contentHeaders = new TreeMap<>();
        Map<String, String> user = new TreeMap<>();
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        String etag = null;
        List<Long> parts = List.of();
        Map<ChecksumAlgorithm, String[]> perPart = new EnumMap<>(ChecksumAlgorithm.class);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String value = decodeValue(e.getValue());
            if (name.equals(ETAG)) {
                etag = value;
            } else if (name.equals(B3)) {
                checksums.put(ChecksumAlgorithm.B3, value);
            } else if (name.equals(PARTS)) {
                parts = parseRunLength(value);
            } else if (name.startsWith(PART_CHECKSUM)) {
                try {
                    perPart.put(ChecksumAlgorithm.valueOf(name.substring(PART_CHECKSUM.length()).toUpperCase(Locale.ROOT)),
                            value.split(";", -1));
                } catch (IllegalArgumentException unknown) {
                    // written by a newer Cairn; ignore
                }
            } else if (name.startsWith(CHECKSUM)) {
                checksums.put(ChecksumAlgorithm.valueOf(name.substring(CHECKSUM.length()).toUpperCase(Locale.ROOT)), value);
            } else if (name.startsWith(HEADER)) {
                contentHeaders.put(name.substring(HEADER.length()), value);
            } else if (name.startsWith(USER)) {
                user.put(name.substring(USER.length()), value);
            }
        }
        if (etag == null) {
            // written by something other than Cairn: S3's own tag is the best we have
            etag = unquote(backendEtag);
        }
        if (parts.isEmpty()) {
            checksums.put(ChecksumAlgorithm.MD5, etag);
        }
        return new ObjectInfo(key, size, etag, lastModified, contentType, contentHeaders, user, checksums, parts,
                partChecksums(perPart, parts.size()));
    }

    static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    static String encodeValue(String v) {
        boolean plain = !v.startsWith("=?") && (v.isEmpty() || (v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' '));
        for (int i = 0; plain && i < v.length(); i++) {
            char c = v.charAt(i);
            // commas too: some servers (S3Proxy) split header values on them before checking signatures
            plain = c >= 0x20 && c < 0x7f && c != ',';
        }
        return plain ? v : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    static String decodeValue(String v) {
        if (v.startsWith("=?UTF-8?B?") && v.endsWith("?=")) {
            try {
                return new String(Base64.getDecoder().decode(v.substring(10, v.length() - 2)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return v;
            }
        }
        return v;
    }

    static String runLength(List<Long> sizes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sizes.size()) {
            long s = sizes.get(i);
            int run = 1;
            while (i + run < sizes.size() && sizes.get(i + run) == s) {
                run++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(s);
            if (run > 1) {
                sb.append('*').append(run);
            }
            i += run;
        }
        return sb.toString();
    }

    static List<Long> parseRunLength(String text) {
        List<Long> out = new ArrayList<>();
        for (String item : text.split(",")) {
            int star = item.indexOf('*');
            long size = Long.parseLong(star < 0 ? item : item.substring(0, star));
            int run = star < 0 ? 1 : Integer.parseInt(item.substring(star + 1));
            for (int i = 0; i < run; i++) {
                out.add(size);
            }
        }
        return out;
    }
}
