package dev.cairn.blob.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.ComposeRequest;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Multipart uploads whose whole state lives in the GCS bucket ({@link GcsNames}): an upload is a
 * marker object carrying the key and the upload's metadata; each part is an object verified like
 * any write; completion composes the parts (32 sources per compose call, in a tree for more)
 * into the object in one final compose that carries the metadata and the precondition, then
 * deletes the marker and the parts. An aborted upload's marker stays as a tombstone, so a second
 * abort succeeds while a completed upload's id is unknown.
 */
final class GcsMultipart {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GcsMultipart.class);
    static final int MAX_COMPOSE_SOURCES = 32;
    private static final String KEY = "cairn-key";
    private static final String STATE = "cairn-state";
    private static final String INITIATED = "cairn-initiated";
    private static final String EXTRA = "cairn-extra";
    /** COMPOSITE, FULL_OBJECT, or absent when the client named no algorithm. */
    private static final String CHECKSUM_TYPE = "cairn-checksum-type";
    private static final String OPEN = "open";
    private static final String ABORTED = "aborted";

    private final Storage storage;
    private final String gcsBucket;
    private final GcsNames names;
    private final GcsBlobStore store;

    GcsMultipart(Storage storage, String gcsBucket, GcsNames names, GcsBlobStore store) {
        this.storage = storage;
        this.gcsBucket = gcsBucket;
        this.names = names;
        this.store = store;
    }

    MultipartUpload create(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        names.object(key);
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, GcsBlobStore.ID, key, "preconditions belong to completion");
        }
        store.requireBucket(key.bucket());
        long millis = System.currentTimeMillis();
        String id = UploadIds.newId(millis);
        Map<String, String> meta = new TreeMap<>(GcsMetadata.headersAndUser(options.contentHeaders(), options.userMetadata()));
        meta.put(KEY, key.key());
        meta.put(STATE, OPEN);
        meta.put(INITIATED, Long.toString(millis));
        meta.put(EXTRA, String.join(",", options.extraChecksums().stream().map(Enum::name).sorted().toList()));
        if (checksumType != null) {
            meta.put(CHECKSUM_TYPE, checksumType.name());
        }
        BlobInfo marker = BlobInfo.newBuilder(BlobId.of(gcsBucket, names.upload(key.bucket(), id)))
                .setContentType(options.contentType() == null ? ObjectInfo.DEFAULT_CONTENT_TYPE : options.contentType())
                .setMetadata(meta).build();
        try {
            storage.create(marker, new byte[0], BlobTargetOption.doesNotExist());
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, null, key, "create multipart upload");
        }
        return upload(key, id, marker);
    }

    PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        if (partNumber < SupportsMultipart.MIN_PART_NUMBER || partNumber > SupportsMultipart.MAX_PART_NUMBER) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, GcsBlobStore.ID, key, "part number must be 1 to 10000");
        }
        MultipartUpload upload = load(key, uploadId);
        // The upload's algorithms are computed for every part, so completion can derive the object's.
        Set<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
        extra.addAll(upload.options().extraChecksums());
        extra.addAll(options.extraChecksums());
        WriteOptions partOptions = new WriteOptions(WritePrecondition.NONE, null, null, null, options.expectedChecksums(), extra);
        String name = names.part(key.bucket(), uploadId, partNumber);
        VerifiedUpload.Target target = new VerifiedUpload.Target() {
            @Override
            public BlobInfo info(Map<ChecksumAlgorithm, String> digests, long size) {
                return BlobInfo.newBuilder(BlobId.of(gcsBucket, name)).setContentType(ObjectInfo.DEFAULT_CONTENT_TYPE)
                        .setMetadata(GcsMetadata.encode(ObjectInfo.DEFAULT_CONTENT_TYPE, digests.get(ChecksumAlgorithm.MD5), digests, Map.of(), Map.of(),
                                List.of()))
                        .build();
            }

            @Override
            public List<BlobTargetOption> options() {
                return List.of();
            }
        };
        return part(partNumber, store.publish(key, source, partOptions, target));
    }

    ObjectInfo complete(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition, long minPartSize,
            Map<ChecksumAlgorithm, String> expectedChecksums) {
        MultipartUpload upload = load(key, uploadId);
        Map<Integer, Blob> stored = storedParts(key, uploadId);
        MultipartCompletion plan = MultipartCompletion.plan(GcsBlobStore.ID, key, upload, parts,
                n -> stored.containsKey(n) ? part(n, stored.get(n)) : null, minPartSize, expectedChecksums);
        List<Blob> chosen = plan.parts().stream().map(p -> stored.get(p.partNumber())).toList();
        List<BlobTargetOption> options = store.precondition(key, precondition);
        BlobInfo target = BlobInfo.newBuilder(BlobId.of(gcsBucket, names.object(key)))
                .setContentType(GcsBlobStore.contentType(upload.options()))
                .setMetadata(GcsMetadata.encode(GcsBlobStore.contentType(upload.options()), plan.etag(), plan.checksums(),
                        upload.options().contentHeaders(), upload.options().userMetadata(), plan.partSizes(), plan.partChecksums()))
                .build();
        List<String> intermediates = new ArrayList<>();
        Blob done;
        try {
            done = composeTree(key, uploadId, chosen.stream().map(Blob::getName).toList(), target, options, intermediates);
        } catch (RuntimeException e) {
            if (GcsErrors.isPreconditionFailed(e)) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, GcsBlobStore.ID, key, "the current version changed", e);
            }
            throw GcsErrors.translate(e, BlobError.NO_SUCH_UPLOAD, null, key, "complete multipart upload");
        } finally {
            deleteAll(intermediates);
        }
        // Published: the upload ends (its id becomes unknown), then its parts go.
        deleteAll(List.of(names.upload(key.bucket(), uploadId)));
        deleteAll(stored.values().stream().map(Blob::getName).toList());
        return GcsMetadata.toInfo(key, done);
    }

    /** Composes up to 32 sources per call; more go through intermediate objects, level by level. */
    private Blob composeTree(BlobKey key, String uploadId, List<String> sources, BlobInfo target, List<BlobTargetOption> options,
            List<String> intermediates) {
        List<String> level = sources;
        for (int depth = 0; level.size() > MAX_COMPOSE_SOURCES; depth++) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += MAX_COMPOSE_SOURCES) {
                String name = names.intermediate(key.bucket(), uploadId, depth, i / MAX_COMPOSE_SOURCES);
                intermediates.add(name);
                storage.compose(ComposeRequest.newBuilder().addSource(level.subList(i, Math.min(i + MAX_COMPOSE_SOURCES, level.size())))
                        .setTarget(BlobInfo.newBuilder(BlobId.of(gcsBucket, name)).build()).build());
                next.add(name);
            }
            level = next;
        }
        return storage.compose(ComposeRequest.newBuilder().addSource(level).setTarget(target).setTargetOptions(options).build());
    }

    void abort(BlobKey key, String uploadId) {
        Blob marker = marker(key, uploadId);
        if (marker == null) {
            throw noSuchUpload(key, uploadId);
        }
        Map<String, String> meta = new TreeMap<>(marker.getMetadata());
        if (!ABORTED.equals(meta.get(STATE))) {
            meta.put(STATE, ABORTED);
            try {
                storage.update(marker.toBuilder().setMetadata(meta).build());
            } catch (RuntimeException e) {
                throw GcsErrors.translate(e, BlobError.NO_SUCH_UPLOAD, null, key, "abort multipart upload");
            }
        }
        deleteAll(storedParts(key, uploadId).values().stream().map(Blob::getName).toList());
    }

    PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        MultipartUpload upload = load(key, uploadId);
        if (maxParts < 1 || partNumberMarker < 0) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, GcsBlobStore.ID, key, "maxParts must be at least 1 and partNumberMarker at least 0");
        }
        List<PartInfo> page = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<Integer, Blob> e : storedParts(key, uploadId).entrySet()) {
            if (e.getKey() <= partNumberMarker) {
                continue;
            }
            if (page.size() == maxParts) {
                truncated = true;
                break;
            }
            page.add(part(e.getKey(), e.getValue()));
        }
        int next = page.isEmpty() ? partNumberMarker : page.get(page.size() - 1).partNumber();
        return new PartListing(upload, page, truncated, next);
    }

    UploadListing listUploads(UploadListRequest request) {
        store.requireBucket(request.bucket());
        List<MultipartUpload> open = new ArrayList<>();
        String root = names.uploads(request.bucket());
        try {
            for (Blob b : storage.list(gcsBucket, BlobListOption.prefix(root), BlobListOption.delimiter("/")).iterateAll()) {
                if (b.isDirectory() || b.getMetadata() == null || !OPEN.equals(b.getMetadata().get(STATE))) {
                    continue;
                }
                String id = b.getName().substring(root.length());
                String key = b.getMetadata().get(KEY);
                if (UploadIds.isValid(id) && key != null && BlobKey.isValidKey(key)) {
                    open.add(upload(new BlobKey(request.bucket(), key), id, b));
                }
            }
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, request.bucket(), null, "list multipart uploads");
        }
        return UploadPager.page(request, open);
    }

    /** Deletes every upload object of a bucket that is being deleted. */
    void dropAll(String bucket) {
        List<String> doomed = new ArrayList<>();
        for (Blob b : storage.list(gcsBucket, BlobListOption.prefix(names.uploads(bucket))).iterateAll()) {
            doomed.add(b.getName());
        }
        deleteAll(doomed);
    }

    MultipartUpload load(BlobKey key, String uploadId) {
        Blob marker = marker(key, uploadId);
        if (marker == null || !OPEN.equals(marker.getMetadata().get(STATE))) {
            throw noSuchUpload(key, uploadId);
        }
        return upload(key, uploadId, marker);
    }

    /** The upload's marker if it exists and belongs to {@code key}, else null. */
    private Blob marker(BlobKey key, String uploadId) {
        if (!UploadIds.isValid(uploadId)) {
            return null;
        }
        Blob marker;
        try {
            marker = storage.get(BlobId.of(gcsBucket, names.upload(key.bucket(), uploadId)));
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_UPLOAD, null, key, "find multipart upload");
        }
        if (marker == null || marker.getMetadata() == null || !key.key().equals(marker.getMetadata().get(KEY))) {
            return null;
        }
        return marker;
    }

    private Map<Integer, Blob> storedParts(BlobKey key, String uploadId) {
        String root = names.upload(key.bucket(), uploadId) + "/";
        Map<Integer, Blob> out = new TreeMap<>();
        try {
            for (Blob b : storage.list(gcsBucket, BlobListOption.prefix(root)).iterateAll()) {
                int n = GcsNames.partNumberOf(b.getName().substring(root.length()));
                if (n > 0) {
                    out.put(n, b);
                }
            }
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_UPLOAD, null, key, "list parts");
        }
        return out;
    }

    private static MultipartUpload upload(BlobKey key, String id, BlobInfo marker) {
        Map<String, String> meta = marker.getMetadata();
        java.util.Set<ChecksumAlgorithm> extra = new java.util.HashSet<>();
        String extraText = meta.get(EXTRA);
        if (extraText != null && !extraText.isEmpty()) {
            for (String a : extraText.split(",")) {
                extra.add(ChecksumAlgorithm.valueOf(a));
            }
        }
        WriteOptions options = new WriteOptions(WritePrecondition.NONE, marker.getContentType(), GcsMetadata.contentHeaders(meta),
                GcsMetadata.userMetadata(meta), null, extra);
        String type = meta.get(CHECKSUM_TYPE);
        return new MultipartUpload(key, id, Instant.ofEpochMilli(Long.parseLong(meta.get(INITIATED))), options,
                type == null ? null : ChecksumType.valueOf(type));
    }

    private static PartInfo part(int number, BlobInfo blob) {
        Map<String, String> meta = blob.getMetadata() == null ? Map.of() : blob.getMetadata();
        return new PartInfo(number, blob.getSize(), meta.getOrDefault(GcsMetadata.ETAG, ""), GcsMetadata.modified(blob),
                GcsMetadata.checksums(meta));
    }

    private void deleteAll(List<String> objectNames) {
        for (String name : objectNames) {
            try {
                storage.delete(BlobId.of(gcsBucket, name));
            } catch (RuntimeException e) {
                // Leftovers cost storage, not correctness: nothing lists or reads them once the upload is gone.
                LOG.warn("could not delete {}: {}", name, e.toString());
            }
        }
    }

    private static BlobStoreException noSuchUpload(BlobKey key, String uploadId) {
        return new BlobStoreException(BlobError.NO_SUCH_UPLOAD, GcsBlobStore.ID, key, "no such upload " + uploadId);
    }
}
