package dev.cairn.blob;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 *
 * <p><b>Flexible checksums</b> (docs/adr/0009). Every algorithm in the upload's
 * {@code extraChecksums} is computed for every part as it streams in and stored with the part.
 * Completion derives the object's value from the part values alone, never re-reading data
 * ({@link MultipartChecksums}): a CRC is combined into the FULL_OBJECT CRC of all bytes unless the
 * upload's {@link MultipartUpload#checksumType()} is COMPOSITE; SHA1 and SHA256 are always
 * COMPOSITE ({@code base64(H(raw1 ‖ … ‖ rawN))-N}).
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
    default MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options) {
        return createMultipartUpload(key, options, ChecksumType.COMPOSITE);
    }

    /**
     * Starts an upload whose extra checksums complete in the given form.
     *
     * @param checksumType how the object's CRCs are derived: COMPOSITE, FULL_OBJECT, or null when
     *     the client named no algorithm (the CRCs then complete as FULL_OBJECT, and the caller
     *     decides which algorithm that is); stored with the upload and returned by {@link #upload}
     * @throws BlobStoreException as {@link #createMultipartUpload(BlobKey, WriteOptions)}
     */
    MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType);

    /**
     * The upload, as created. The default asks {@link #listParts} for an empty page; stores
     * override it with a direct lookup.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD}
     */
    default MultipartUpload upload(BlobKey key, String uploadId) {
        return listParts(key, uploadId, MAX_PART_NUMBER, 1).upload();
    }

    /**
     * Stores one part, replacing an earlier part with the same number. The part is verified like
     * a whole-object write (declared length, {@code options.expectedChecksums()}) before it counts.
     * Its {@link PartInfo#checksums()} hold B3, MD5, the upload's {@code extraChecksums} (so
     * completion can derive the object's) and the part's own {@code options.extraChecksums()}.
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
    default ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize) {
        return completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, Map.of());
    }

    /**
     * Assembles the listed parts and checks the object's derived checksums before publishing.
     *
     * @param parts as above; a part's {@link CompletedPart#checksums()} must equal the stored part's
     * @param expectedChecksums values the completed object's checksums must have (text form; a
     *     COMPOSITE value may be given with or without its {@code -N} suffix)
     * @throws BlobStoreException as above; {@link BlobError#INVALID_PART} also when a part's named
     *     checksum differs from (or is absent in) the stored part's; {@link BlobError#BAD_DIGEST}
     *     when an expected checksum differs, with nothing published and the upload left intact
     */
    ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums);

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

    /**
     * An upload in progress.
     *
     * @param checksumType how its extra checksums complete; null when the client named no algorithm
     */
    record MultipartUpload(BlobKey key, String uploadId, Instant initiated, WriteOptions options, ChecksumType checksumType) {
        /** An upload whose checksums complete COMPOSITE. */
        public MultipartUpload(BlobKey key, String uploadId, Instant initiated, WriteOptions options) {
            this(key, uploadId, initiated, options, ChecksumType.COMPOSITE);
        }
    }

    /** A stored part: its size, MD5 ETag (unquoted hex), and digests (always B3 and MD5). */
    record PartInfo(int partNumber, long size, String etag, Instant lastModified, Map<ChecksumAlgorithm, String> checksums) {
        public PartInfo {
            checksums = java.util.Map.copyOf(checksums);
        }
    }

    /**
     * A part named in a completion request.
     *
     * @param checksums flexible checksums the client says the part has (text form); may be empty
     */
    record CompletedPart(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {
        public CompletedPart {
            checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
        }

        public CompletedPart(int partNumber, String etag) {
            this(partNumber, etag, Map.of());
        }
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
