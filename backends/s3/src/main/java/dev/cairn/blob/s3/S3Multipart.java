package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.MultipartCompletion;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.UploadIds;
import dev.cairn.blob.UploadPager;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Multipart uploads whose whole state lives in the backend bucket ({@link S3Layout}), so any
 * gateway node serves any call and a restart loses nothing: an upload is an empty marker object
 * whose metadata holds the key, the upload's options and its state; each part is an object
 * under the marker, verified like any write before it is sent (with {@code Content-MD5}) and
 * carrying its digests in its metadata. Completion derives the object's ETag, composite BLAKE3
 * and checksums from the parts' metadata alone, then assembles the object inside S3
 * ({@link S3Assembly}: a native multipart upload of server-side part copies, so the data never
 * passes through the gateway and the object's own metadata is complete when it appears). An
 * aborted upload's marker stays as a tombstone, so a second abort succeeds while a completed
 * upload's id is unknown.
 */
final class S3Multipart {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3Multipart.class);
    private static final String KEY = "cairn-mpu-key";
    private static final String STATE = "cairn-mpu-state";
    private static final String INITIATED = "cairn-mpu-initiated";
    private static final String EXTRA = "cairn-mpu-extra";
    /** COMPOSITE, FULL_OBJECT, or absent when the client named no algorithm. */
    private static final String CHECKSUM_TYPE = "cairn-mpu-checksum-type";
    private static final String OPEN = "open";
    private static final String ABORTED = "aborted";

    private final S3Client s3;
    private final String backendBucket;
    private final S3Layout layout;
    private final S3Objects objects;
    private final S3Assembly assembly;
    private final ParallelCalls parallel;
    private final S3BlobStore store;
    private final Path spoolDir;
    private final long spoolMemory;

    S3Multipart(S3Client s3, S3Config config, S3Layout layout, S3Objects objects, S3BlobStore store, ParallelCalls parallel) {
        this.parallel = parallel;
        this.s3 = s3;
        this.backendBucket = config.bucket();
        this.layout = layout;
        this.objects = objects;
        this.assembly = new S3Assembly(s3, config.bucket(), layout, parallel);
        this.store = store;
        this.spoolDir = config.spoolDir();
        this.spoolMemory = config.spoolMemoryThreshold();
    }

    MultipartUpload create(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        layout.writableKey(key);
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, S3BlobStore.ID, key, "preconditions belong to completion");
        }
        store.requireBucket(key.bucket());
        long millis = System.currentTimeMillis();
        String id = UploadIds.newId(millis);
        Map<String, String> state = new HashMap<>();
        state.put(KEY, key.key());
        state.put(INITIATED, Long.toString(millis));
        state.put(EXTRA, String.join(";", options.extraChecksums().stream().map(Enum::name).sorted().toList()));
        if (checksumType != null) {
            state.put(CHECKSUM_TYPE, checksumType.name());
        }
        putMarker(key, id, options, state, OPEN);
        return new MultipartUpload(key, id, Instant.ofEpochMilli(millis), options.withPrecondition(WritePrecondition.NONE), checksumType);
    }

    /** Writes the upload's marker: its options as an object's metadata would be, plus the upload state. */
    private void putMarker(BlobKey key, String id, WriteOptions options, Map<String, String> state, String status) {
        Map<String, String> meta = MetadataCodec.encode("", Map.of(), options.contentHeaders(), options.userMetadata(), List.of());
        state.forEach((k, v) -> meta.put(k, MetadataCodec.encodeValue(v)));
        meta.put(STATE, status);
        try {
            s3.putObject(PutObjectRequest.builder().bucket(backendBucket).key(layout.upload(key.bucket(), id))
                    .contentType(options.contentType() == null ? ObjectInfo.DEFAULT_CONTENT_TYPE : options.contentType())
                    .metadata(meta).build(), RequestBody.empty());
        } catch (SdkException e) {
            throw S3Errors.translate(e, key.bucket(), key.key(), "writing the multipart upload marker");
        }
    }

    PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        if (partNumber < SupportsMultipart.MIN_PART_NUMBER || partNumber > SupportsMultipart.MAX_PART_NUMBER) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, S3BlobStore.ID, key, "part number must be 1 to 10000");
        }
        MultipartUpload upload = load(key, uploadId);
        // The upload's algorithms are computed for every part (the gateway may not name them for a
        // part), so completion can derive the object's from the parts alone.
        Set<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
        extra.addAll(upload.options().extraChecksums());
        extra.addAll(options.extraChecksums());
        WriteOptions partOptions = new WriteOptions(WritePrecondition.NONE, null, null, null, options.expectedChecksums(), extra);
        String partKey = layout.part(key.bucket(), uploadId, partNumber);
        try (Spool body = Spool.read(key, source, partOptions, spoolDir, spoolMemory)) {
            String md5 = body.digests().get(ChecksumAlgorithm.MD5);
            try {
                s3.putObject(PutObjectRequest.builder().bucket(backendBucket).key(partKey).contentLength(body.length())
                        .contentMD5(body.contentMd5()).contentType(ObjectInfo.DEFAULT_CONTENT_TYPE)
                        .metadata(MetadataCodec.encode(md5, body.digests(), Map.of(), Map.of(), List.of())).build(), body.body());
            } catch (SdkException e) {
                throw S3Errors.translate(e, key.bucket(), key.key(), "uploading part " + partNumber);
            }
            return new PartInfo(partNumber, body.length(), md5, Instant.now(), body.digests());
        }
    }

    ObjectInfo complete(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition, long minPartSize,
            Map<ChecksumAlgorithm, String> expectedChecksums) {
        store.requireCapability(key, precondition);
        MultipartUpload upload = load(key, uploadId);
        List<String> stored = storedParts(key, uploadId);
        Set<String> present = new HashSet<>(stored);
        // One HEAD per requested part (its digests live in its metadata), side by side.
        List<Integer> wanted = parts.stream().map(CompletedPart::partNumber).distinct()
                .filter(n -> present.contains(layout.part(key.bucket(), uploadId, n))).toList();
        List<StoredPart> heads = parallel.map(wanted, n -> part(key, n, layout.part(key.bucket(), uploadId, n)));
        Map<Integer, StoredPart> found = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (heads.get(i) != null) {
                found.put(wanted.get(i), heads.get(i));
            }
        }
        MultipartCompletion plan = MultipartCompletion.plan(S3BlobStore.ID, key, upload, parts,
                n -> found.containsKey(n) ? found.get(n).info() : null, minPartSize, expectedChecksums);
        List<StoredPart> chosen = plan.parts().stream().map(p -> found.get(p.partNumber())).toList();
        String etag = plan.etag();
        Map<ChecksumAlgorithm, String> checksums = plan.checksums();
        List<Long> sizes = plan.partSizes();
        List<Map<ChecksumAlgorithm, String>> perPart = plan.partChecksums();
        Map<String, String> meta = MetadataCodec.encode(etag, checksums, upload.options().contentHeaders(), upload.options().userMetadata(),
                sizes, perPart);
        assembly.assemble(key, upload.options().contentType(), meta, chosen.stream().map(StoredPart::backendEtag).toList(),
                chosen.stream().map(sp -> sp.info().partNumber()).toList(), uploadId, precondition);
        // Published: the upload ends (its id becomes unknown), then its parts go.
        deleteQuietly(layout.upload(key.bucket(), uploadId));
        stored.forEach(this::deleteQuietly);
        HeadObjectResponse h = objects.head(layout.objectKey(key), key.bucket(), key.key());
        if (h != null) {
            ObjectInfo info = S3Objects.info(key, h);
            if (info.etag().equals(etag)) {
                return info;
            }
        }
        return new ObjectInfo(key, sizes.stream().mapToLong(Long::longValue).sum(), etag, Instant.now(), upload.options().contentType(),
                upload.options().contentHeaders(), upload.options().userMetadata(), checksums, sizes, perPart);
    }

    void abort(BlobKey key, String uploadId) {
        HeadObjectResponse marker = marker(key, uploadId);
        if (marker == null) {
            throw noSuchUpload(key, uploadId);
        }
        if (!ABORTED.equals(marker.metadata().get(STATE))) {
            MultipartUpload upload = upload(key, uploadId, marker);
            putMarker(key, uploadId, upload.options(), stateOf(marker), ABORTED);
        }
        storedParts(key, uploadId).forEach(this::deleteQuietly);
    }

    PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        MultipartUpload upload = load(key, uploadId);
        if (maxParts < 1 || partNumberMarker < 0) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, S3BlobStore.ID, key,
                    "maxParts must be at least 1 and partNumberMarker at least 0");
        }
        List<PartInfo> page = new ArrayList<>();
        boolean truncated = false;
        String root = layout.upload(key.bucket(), uploadId) + "/";
        for (String partKey : storedParts(key, uploadId)) {
            int n = Integer.parseInt(partKey.substring(root.length()));
            if (n <= partNumberMarker) {
                continue;
            }
            if (page.size() == maxParts) {
                truncated = true;
                break;
            }
            StoredPart sp = part(key, n, partKey);
            if (sp != null) {
                page.add(sp.info());
            }
        }
        int next = page.isEmpty() ? partNumberMarker : page.get(page.size() - 1).partNumber();
        return new PartListing(upload, page, truncated, next);
    }

    UploadListing listUploads(UploadListRequest request) {
        store.requireBucket(request.bucket());
        List<MultipartUpload> open = new ArrayList<>();
        String root = layout.uploads(request.bucket());
        for (String markerKey : list(root, "/", request.bucket(), null)) {
            String id = markerKey.substring(root.length());
            if (!UploadIds.isValid(id)) {
                continue;
            }
            HeadObjectResponse h = objects.head(markerKey, request.bucket(), null);
            if (h == null || !OPEN.equals(h.metadata().get(STATE)) || h.metadata().get(KEY) == null) {
                continue;
            }
            String key = MetadataCodec.decodeValue(h.metadata().get(KEY));
            if (BlobKey.isValidKey(key)) { // anything else was not written by Cairn
                open.add(upload(new BlobKey(request.bucket(), key), id, h));
            }
        }
        return UploadPager.page(request, open);
    }

    /** Deletes every upload object of a bucket that is being deleted. */
    void dropAll(String bucket) {
        list(layout.uploads(bucket), null, bucket, null).forEach(this::deleteQuietly);
    }

    /** The upload if it is open and belongs to {@code key}. @throws BlobStoreException NO_SUCH_UPLOAD */
    MultipartUpload load(BlobKey key, String uploadId) {
        HeadObjectResponse marker = marker(key, uploadId);
        if (marker == null || !OPEN.equals(marker.metadata().get(STATE))) {
            throw noSuchUpload(key, uploadId);
        }
        return upload(key, uploadId, marker);
    }

    private HeadObjectResponse marker(BlobKey key, String uploadId) {
        if (!UploadIds.isValid(uploadId)) {
            return null;
        }
        HeadObjectResponse h = objects.head(layout.upload(key.bucket(), uploadId), key.bucket(), key.key());
        if (h == null || h.metadata().get(KEY) == null || !key.key().equals(MetadataCodec.decodeValue(h.metadata().get(KEY)))) {
            return null;
        }
        return h;
    }

    private static Map<String, String> stateOf(HeadObjectResponse marker) {
        Map<String, String> state = new HashMap<>();
        for (String name : List.of(KEY, INITIATED, EXTRA, CHECKSUM_TYPE)) {
            String v = marker.metadata().get(name);
            if (v != null) {
                state.put(name, MetadataCodec.decodeValue(v));
            }
        }
        return state;
    }

    private static MultipartUpload upload(BlobKey key, String id, HeadObjectResponse marker) {
        Map<String, String> meta = marker.metadata();
        ObjectInfo asObject = MetadataCodec.decode(key, 0, marker.eTag(), marker.lastModified(), marker.contentType(), meta);
        Set<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
        String extraText = meta.get(EXTRA) == null ? "" : MetadataCodec.decodeValue(meta.get(EXTRA));
        for (String a : extraText.split(";")) {
            if (!a.isEmpty()) {
                extra.add(ChecksumAlgorithm.valueOf(a));
            }
        }
        WriteOptions options = new WriteOptions(WritePrecondition.NONE, marker.contentType(), asObject.contentHeaders(),
                asObject.userMetadata(), null, extra);
        String type = meta.get(CHECKSUM_TYPE);
        return new MultipartUpload(key, id, Instant.ofEpochMilli(Long.parseLong(meta.get(INITIATED))), options,
                type == null ? null : ChecksumType.valueOf(type));
    }

    /** A stored part's description and its backend ETag (which the server-side copy pins). */
    record StoredPart(PartInfo info, String backendEtag) {
    }

    /** The part at {@code partKey}, or null when it vanished (a concurrent abort). */
    private StoredPart part(BlobKey key, int number, String partKey) {
        HeadObjectResponse h = objects.head(partKey, key.bucket(), key.key());
        if (h == null) {
            return null;
        }
        ObjectInfo o = S3Objects.info(key, h);
        return new StoredPart(new PartInfo(number, o.size(), o.etag(), o.lastModified(), o.checksums()), h.eTag());
    }

    /** The backend keys of the upload's parts, in part-number order (their names sort numerically). */
    private List<String> storedParts(BlobKey key, String uploadId) {
        return list(layout.upload(key.bucket(), uploadId) + "/", null, key.bucket(), key.key());
    }

    private List<String> list(String prefix, String delimiter, String bucket, String key) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(backendBucket).prefix(prefix).delimiter(delimiter)
                        .continuationToken(token).build());
            } catch (SdkException e) {
                throw S3Errors.translate(e, bucket, key, "listing multipart state");
            }
            for (S3Object o : page.contents()) {
                out.add(o.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        out.sort(null);
        return out;
    }

    private void deleteQuietly(String backendKey) {
        try {
            objects.delete(backendKey, null, null);
        } catch (BlobStoreException e) {
            // Leftovers cost storage, not correctness: nothing lists or reads them once the upload is gone.
            LOG.warn("could not delete {}: {}", backendKey, e.toString());
        }
    }

    private static BlobStoreException noSuchUpload(BlobKey key, String uploadId) {
        return new BlobStoreException(BlobError.NO_SUCH_UPLOAD, S3BlobStore.ID, key, "no such upload " + uploadId);
    }
}
