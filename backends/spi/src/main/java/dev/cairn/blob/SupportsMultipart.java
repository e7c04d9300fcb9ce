package dev.cairn.blob;

import java.time.Instant;
import java.util.List;

/**
 * Multipart uploads whose whole state (the upload, its metadata, its parts) lives in the store,
 * so any gateway node sharing the store can serve any part, and a restart loses nothing. A
 * {@link BlobStore} that implements this interface passes {@code MultipartContract}.
 *
 * <p><b>Completed objects.</b> The ETag is the hex MD5 of the concatenated binary part MD5s
 * followed by {@code -N}. {@link ObjectInfo#partSizes()} lists the part sizes in order.
 * {@link dev.cairn.blob.digest.ChecksumAlgorithm#B3} holds the composite BLAKE3: the hex BLAKE3 of
 * the concatenated 32-byte part digests, followed by {@code -N} (docs/adr/0007). Completion
 * publishes atomically: readers see the previous version or the whole new object, never a mix,
 * and a completed upload's id is gone ({@link BlobError#NO_SUCH_UPLOAD}).
 */
public interface SupportsMultipart {
    int MIN_PART_NUMBER = 1;
    int MAX_PART_NUMBER = 10_000;

    /**
     * Starts an upload. Its metadata (content type, content headers, user metadata, the checksum
     * algorithms in {@code extraChecksums}) applies to the completed object.
     *
     * @return the upload, with an opaque URL-safe id
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}; {@link BlobError#INVALID_ARGUMENT}
     *     when {@code options} carries a precondition (preconditions belong to completion)
     */
    MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options);

    /**
     * Stores one part, replacing an earlier part with the same number. The part is verified like
     * a whole-object write (declared length, {@code options.expectedChecksums()}) before it counts.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD}; {@link BlobError#INVALID_ARGUMENT}
     *     for a part number outside 1..10,000; {@link BlobError#BAD_DIGEST}; {@link BlobError#INSUFFICIENT_STORAGE}
     */
    PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options);

    /**
     * Assembles the listed parts into the object and ends the upload.
     *
     * @param parts part numbers in strictly ascending order, each with the ETag its upload returned
     * @param precondition checked atomically with the publish, as for {@link BlobStore#write}
     * @param minPartSize every part except the last must be at least this large
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD}; {@link BlobError#INVALID_PART}
     *     for a missing part or an ETag mismatch; {@link BlobError#INVALID_PART_ORDER};
     *     {@link BlobError#ENTITY_TOO_SMALL}; {@link BlobError#PRECONDITION_FAILED} /
     *     {@link BlobError#NO_SUCH_KEY} / {@link BlobError#UNSUPPORTED} as for {@code write}
     */
    ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize);

    /**
     * Ends an upload and frees its parts. Idempotent while the upload exists or was aborted.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} for an upload that was completed or never existed
     */
    void abortMultipartUpload(BlobKey key, String uploadId);

    /**
     * The upload's parts in part-number order, after {@code partNumberMarker}.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD}
     */
    PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts);

    /**
     * Uploads in progress, ordered by key (UTF-8 byte order) then by initiation time.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}
     */
    UploadListing listMultipartUploads(UploadListRequest request);

    /** An upload in progress. */
    record MultipartUpload(BlobKey key, String uploadId, Instant initiated, WriteOptions options) {
    }

    /** A stored part: its size, MD5 ETag (unquoted hex), and digests (always B3 and MD5). */
    record PartInfo(int partNumber, long size, String etag, Instant lastModified,
            java.util.Map<dev.cairn.blob.digest.ChecksumAlgorithm, String> checksums) {
        public PartInfo {
            checksums = java.util.Map.copyOf(checksums);
        }
    }

    /** A part named in a completion request. */
    record CompletedPart(int partNumber, String etag) {
    }

    /** One page of parts; {@code nextPartNumberMarker} continues a truncated listing. */
    record PartListing(MultipartUpload upload, List<PartInfo> parts, boolean truncated, int nextPartNumberMarker) {
        public PartListing {
            parts = List.copyOf(parts);
        }
    }

    /**
     * Which uploads to list.
     *
     * @param keyMarker list uploads of keys after this one (or of this key after {@code uploadIdMarker})
     */
    record UploadListRequest(String bucket, String prefix, String delimiter, String keyMarker, String uploadIdMarker, int maxUploads) {
        public UploadListRequest {
            BlobKey.requireValidBucket(bucket);
            prefix = prefix == null ? "" : prefix;
            if (maxUploads < 1 || maxUploads > 1000) {
                throw new IllegalArgumentException("maxUploads must be 1 to 1000");
            }
        }
    }

    /** One page of uploads, with common prefixes when a delimiter was given. */
    record UploadListing(List<MultipartUpload> uploads, List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
            String nextUploadIdMarker) {
        public UploadListing {
            uploads = List.copyOf(uploads);
            commonPrefixes = List.copyOf(commonPrefixes);
        }
    }
}
