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
    private static final String HEADER = "cairn-h-";
    private static final String USER = "cairn-m-";

    private GcsMetadata() {
    }

    /** Custom metadata for an object with these properties. */
    static Map<String, String> encode(String contentType, String etag, Map<ChecksumAlgorithm, String> checksums, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, List<Long> partSizes) {
        Map<String, String> m = new HashMap<>();
        m.put(ETAG, etag);
        m.put(CONTENT_TYPE, contentType);
        checksums.forEach((a, v) -> m.put(CHECKSUM + a.name().toLowerCase(Locale.ROOT), v));
        contentHeaders.forEach((k, v) -> m.put(HEADER + k, v));
        userMetadata.forEach((k, v) -> m.put(USER + k, v));
        if (!partSizes.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Long size : partSizes) {
                sb.append(sb.length() == 0 ? "" : ",").append(size);
            }
            m.put(PARTS, sb.toString());
        }
        return m;
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
        return new ObjectInfo(key, blob.getSize() == null ? 0 : blob.getSize(), etag, modified(blob), contentType,
                contentHeaders(custom), userMetadata(custom), checksums(custom), parts(custom.get(PARTS)));
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
            out.add(Long.parseLong(s));
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
