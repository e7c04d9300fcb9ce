package dev.cairn.blob;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a store knows about one version of an object.
 *
 * @param key where it lives
 * @param size its length in bytes
 * @param etag the entity tag, unquoted: the hex MD5 of the bytes for a single-part write
 * @param lastModified when this version was published
 * @param contentType the media type stored with it (never null; {@code application/octet-stream} by default)
 * @param contentHeaders other representation headers stored with it, lower-case names
 *     ({@code content-disposition}, {@code content-encoding}, {@code content-language},
 *     {@code cache-control}, {@code expires})
 * @param userMetadata user metadata, lower-case names without the {@code x-amz-meta-} prefix
 * @param checksums digests of the bytes, in each algorithm's text form; always has {@link ChecksumAlgorithm#B3}.
 *     For a multipart object the values are composites over the part digests with a {@code -N}
 *     suffix (ADR 0007), not digests of the whole byte stream
 * @param partSizes the sizes of a multipart object's parts, in order; empty for a single-part object
 * @param partChecksums for a multipart object with COMPOSITE checksums, each part's checksums of
 *     those algorithms, in part order (what S3 answers for a part read with checksum mode);
 *     empty otherwise (docs/adr/0009)
 */
public record ObjectInfo(
        BlobKey key,
        long size,
        String etag,
        Instant lastModified,
        String contentType,
        Map<String, String> contentHeaders,
        Map<String, String> userMetadata,
        Map<ChecksumAlgorithm, String> checksums,
        java.util.List<Long> partSizes,
        java.util.List<Map<ChecksumAlgorithm, String>> partChecksums) {

    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        contentType = contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType;
        contentHeaders = sortedCopy(contentHeaders);
        userMetadata = sortedCopy(userMetadata);
        partSizes = partSizes == null ? java.util.List.of() : java.util.List.copyOf(partSizes);
        checksums = checksums == null ? Map.of() : Collections.unmodifiableMap(new java.util.EnumMap<>(checksumsOrEmpty(checksums)));
        partChecksums = partChecksums == null ? java.util.List.of() : partChecksums.stream().map(Map::copyOf).toList();
        if (!partChecksums.isEmpty() && partChecksums.size() != partSizes.size()) {
            throw new IllegalArgumentException("partChecksums must be empty or have one entry per part");
        }
    }

    /** An object without per-part checksums. */
    public ObjectInfo(BlobKey key, long size, String etag, Instant lastModified, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Map<ChecksumAlgorithm, String> checksums, java.util.List<Long> partSizes) {
        this(key, size, etag, lastModified, contentType, contentHeaders, userMetadata, checksums, partSizes, null);
    }

    /** A single-part object. */
    public ObjectInfo(BlobKey key, long size, String etag, Instant lastModified, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Map<ChecksumAlgorithm, String> checksums) {
        this(key, size, etag, lastModified, contentType, contentHeaders, userMetadata, checksums, null, null);
    }

    /**
     * The stored checksums of part {@code partNumber} (1-based) of a multipart object with
     * COMPOSITE checksums; empty when the object keeps none for its parts.
     */
    public Map<ChecksumAlgorithm, String> partChecksums(int partNumber) {
        return partNumber >= 1 && partNumber <= partChecksums.size() ? partChecksums.get(partNumber - 1) : Map.of();
    }

    /** How many parts the object was assembled from; 0 for a single-part object. */
    public int partCount() {
        return partSizes.size();
    }

    private static Map<ChecksumAlgorithm, String> checksumsOrEmpty(Map<ChecksumAlgorithm, String> m) {
        return m.isEmpty() ? new java.util.EnumMap<>(ChecksumAlgorithm.class) : m;
    }

    private static Map<String, String> sortedCopy(Map<String, String> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /**
     * The BLAKE3 digest: 64 lowercase hex digits for a single-part object, the composite
     * {@code <hex>-N} over the part digests for a multipart object (ADR 0007); null if unknown.
     */
    public String blake3() {
        return checksums.get(ChecksumAlgorithm.B3);
    }
}
