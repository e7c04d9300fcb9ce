package dev.cairn.blob.gcs;

import com.google.cloud.storage.BlobInfo;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an object's Cairn metadata rides in GCS custom metadata, so bytes and metadata are
 * published by one GCS call: {@code cairn-etag}, {@code cairn-ck-<algorithm>} (B3, MD5 and the
 * client's checksums, in their text form), {@code cairn-parts} (a multipart object's part sizes),
 * {@code cairn-h-<header>} (content headers) and {@code cairn-m-<name>} (user metadata). The
 * content type is GCS's own field and, because compose onto an existing object keeps the old
 * one's in fake-gcs-server, also {@code cairn-content-type}, which wins. Content headers are not GCS's fields because GCS acts on
 * {@code Content-Encoding: gzip} (decompressive transcoding) and Cairn must serve bytes as stored.
 */
final class GcsMetadata {
    static final String ETAG = "cairn-etag";
    static final String PARTS = "cairn-parts";
    static final String CONTENT_TYPE = "cairn-content-type";
    private static final String CHECKSUM = "cairn-ck-";
    private static final String PART_CHECKSUM = "cairn-part-ck-";
    /** GCS allows 8 KiB of custom metadata; what Cairn adds beyond the essentials stays below this. */
    static final int METADATA_BUDGET = 7 * 1024;
    private static final String HEADER = "cairn-h-";
    private static final String USER = "cairn-m-";

    private GcsMetadata() {
    }

    /** Custom metadata for a single-part object with these properties. */
    static Map<String, String> encode(String contentType, String etag, Map<ChecksumAlgorithm, String> checksums, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, List<Long> partSizes) {
        return encode(contentType, etag, checksums, contentHeaders, userMetadata, partSizes, List.of());
    }

    /**
     * Custom metadata for an object with these properties. GCS caps custom metadata at 8 KiB per
     * object, so the part layout is run-length encoded ({@code 5242880*999,1234}: uploads mostly
     * use one part size) and per-part checksums are kept only while everything fits in
     * {@value #METADATA_BUDGET} bytes; without them, part reads carry no checksum (docs/adr/0013).
     */
    static Map<String, String> encode(String contentType, String etag, Map<ChecksumAlgorithm, String> checksums, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, List<Long> partSizes, List<Map<ChecksumAlgorithm, String>> partChecksums) {
        Map<String, String> m = new HashMap<>();
        m.put(ETAG, etag);
        m.put(CONTENT_TYPE, contentType);
        checksums.forEach((a, v) -> m.put(CHECKSUM + a.name().toLowerCase(Locale.ROOT), v));
        contentHeaders.forEach((k, v) -> m.put(HEADER + k, v));
        userMetadata.forEach((k, v) -> m.put(USER + k, v));
        if (!partSizes.isEmpty()) {
            m.put(PARTS, runLength(partSizes));
        }
        if (!partChecksums.isEmpty()) {
            Map<String, String> perPart = new HashMap<>();
            for (ChecksumAlgorithm a : partChecksums.get(0).keySet()) {
                perPart.put(PART_CHECKSUM + a.name().toLowerCase(Locale.ROOT),
                        String.join(",", partChecksums.stream().map(c -> c.getOrDefault(a, "")).toList()));
            }
            if (size(m) + size(perPart) <= METADATA_BUDGET) {
                m.putAll(perPart);
            }
        }
        return m;
    }

    /** Each part's checksums, or an empty list when the object keeps none (or they did not fit). */
    static List<Map<ChecksumAlgorithm, String>> partChecksums(Map<String, String> custom, int parts) {
        Map<ChecksumAlgorithm, String[]> columns = new EnumMap<>(ChecksumAlgorithm.class);
        for (Map.Entry<String, String> e : custom.entrySet()) {
            if (e.getKey().startsWith(PART_CHECKSUM)) {
                try {
                    String[] values = e.getValue().split(",", -1);
                    if (values.length == parts) {
                        columns.put(ChecksumAlgorithm.valueOf(e.getKey().substring(PART_CHECKSUM.length()).toUpperCase(Locale.ROOT)), values);
                    }
                } catch (IllegalArgumentException unknown) {
                    // written by a newer Cairn; ignore
                }
            }
        }
        if (columns.isEmpty()) {
            return List.of();
        }
        List<Map<ChecksumAlgorithm, String>> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            Map<ChecksumAlgorithm, String> one = new EnumMap<>(ChecksumAlgorithm.class);
            for (Map.Entry<ChecksumAlgorithm, String[]> c : columns.entrySet()) {
                if (!c.getValue()[i].isEmpty()) {
                    one.put(c.getKey(), c.getValue()[i]);
                }
            }
            out.add(one);
        }
        return out;
    }

    private static String runLength(List<Long> sizes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.size();) {
            int j = i;
            while (j < sizes.size() && sizes.get(j).equals(sizes.get(i))) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(sizes.get(i));
            if (j - i > 1) {
                sb.append('*').append(j - i);
            }
            i = j;
        }
        return sb.toString();
    }

    private static int size(Map<String, String> m) {
        int n = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            n += e.getKey().length() + e.getValue().length();
        }
        return n;
    }

    static Map<String, String> headersAndUser(Map<String, String> contentHeaders, Map<String, String> userMetadata) {
        Map<String, String> m = new HashMap<>();
        contentHeaders.forEach((k, v) -> m.put(HEADER + k, v));
        userMetadata.forEach((k, v) -> m.put(USER + k, v));
        return m;
    }

    static Map<String, String> contentHeaders(Map<String, String> custom) {
        return withPrefix(custom, HEADER);
    }

    static Map<String, String> userMetadata(Map<String, String> custom) {
        return withPrefix(custom, USER);
    }

    static Map<ChecksumAlgorithm, String> checksums(Map<String, String> custom) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        for (Map.Entry<String, String> e : custom.entrySet()) {
            if (e.getKey().startsWith(CHECKSUM)) {
                try {
                    out.put(ChecksumAlgorithm.valueOf(e.getKey().substring(CHECKSUM.length()).toUpperCase(Locale.ROOT)), e.getValue());
                } catch (IllegalArgumentException unknown) {
                    // written by a newer Cairn; ignore
                }
            }
        }
        return out;
    }

    /**
     * What a stored object says about itself. An object written by something other than Cairn
     * has no Cairn metadata: its ETag is then GCS's MD5 (or the generation, for composites).
     */
    static ObjectInfo toInfo(BlobKey key, BlobInfo blob) {
        Map<String, String> custom = blob.getMetadata() == null ? Map.of() : blob.getMetadata();
        String etag = custom.get(ETAG);
        if (etag == null) {
            etag = blob.getMd5() != null ? Hex.encode(Base64.getDecoder().decode(blob.getMd5())) : Long.toString(blob.getGeneration());
        }
        String contentType = custom.getOrDefault(CONTENT_TYPE, blob.getContentType());
        List<Long> parts = parts(custom.get(PARTS));
        return new ObjectInfo(key, blob.getSize() == null ? 0 : blob.getSize(), etag, modified(blob), contentType,
                contentHeaders(custom), userMetadata(custom), checksums(custom), parts, partChecksums(custom, parts.size()));
    }

    /** When this generation was written (to the millisecond, as GCS reports it). */
    static Instant modified(BlobInfo blob) {
        OffsetDateTime t = blob.getCreateTimeOffsetDateTime();
        if (t == null) {
            t = blob.getUpdateTimeOffsetDateTime();
        }
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private static List<Long> parts(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (String s : text.split(",")) {
            int star = s.indexOf('*');
            long size = Long.parseLong(star < 0 ? s : s.substring(0, star));
            for (int n = star < 0 ? 1 : Integer.parseInt(s.substring(star + 1)); n > 0; n--) {
                out.add(size);
            }
        }
        return out;
    }

    private static Map<String, String> withPrefix(Map<String, String> custom, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : custom.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue() != null) {
                out.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }
}
