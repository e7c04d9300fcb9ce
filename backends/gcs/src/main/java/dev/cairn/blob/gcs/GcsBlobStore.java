package dev.cairn.blob.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListPager;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.Utf8Order;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link BlobStore} on one Google Cloud Storage bucket (ADR 0013): gateway buckets are name
 * prefixes ({@link GcsNames}), metadata rides in GCS custom metadata ({@link GcsMetadata}), writes
 * are verified before GCS publishes them ({@link VerifiedUpload}), preconditions are GCS
 * generation preconditions, and multipart uploads keep their state in the bucket
 * ({@link GcsMultipart}), so any gateway node serves any call.
 */
final class GcsBlobStore implements BlobStore, SupportsMultipart {
    static final String ID = "gcs";
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
            Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH, Capability.DURABLE));

    private final GcsConfig config;
    private final Storage storage;
    private final GcsNames names;
    private final VerifiedUpload uploads;
    private final GcsReads reads;
    private final GcsMultipart multipart;
    private final GcsHealth health;

    GcsBlobStore(GcsConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
        this.names = new GcsNames(config.prefix());
        this.uploads = new VerifiedUpload(storage, config.bucket(), names, config.uploadBuffer(), config.chunkSize());
        this.reads = new GcsReads(storage, config.bucket(), names, this::missing);
        this.multipart = new GcsMultipart(storage, config.bucket(), names, this);
        this.health = new GcsHealth(storage, config.bucket(), names, config.healthTtl());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    // ---- buckets -------------------------------------------------------------------------------

    @Override
    public void createBucket(String bucket) {
        BlobInfo marker = BlobInfo.newBuilder(BlobId.of(config.bucket(), names.bucketMarker(bucket))).build();
        try {
            storage.create(marker, new byte[0], BlobTargetOption.doesNotExist());
        } catch (RuntimeException e) {
            if (GcsErrors.isPreconditionFailed(e)) {
                throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, ID, bucket, "bucket exists");
            }
            throw GcsErrors.translate(e, BlobError.UNAVAILABLE, bucket, null, "create bucket");
        }
    }

    /**
     * Deletes the marker of an empty bucket and whatever uploads it still holds. The emptiness
     * check and the marker's deletion are two calls: a write racing with the deletion of its
     * bucket can leave an object behind that reappears if the bucket is created again.
     */
    @Override
    public void deleteBucket(String bucket) {
        requireBucket(bucket);
        try {
            Page<Blob> page = storage.list(config.bucket(), BlobListOption.prefix(names.bucketRoot(bucket)), BlobListOption.pageSize(1));
            if (page.getValues().iterator().hasNext()) {
                throw BlobStoreException.bucket(BlobError.BUCKET_NOT_EMPTY, ID, bucket, "bucket holds objects");
            }
            multipart.dropAll(bucket);
            storage.delete(BlobId.of(config.bucket(), names.bucketMarker(bucket)));
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, bucket, null, "delete bucket");
        }
    }

    @Override
    public boolean bucketExists(String bucket) {
        try {
            return storage.get(BlobId.of(config.bucket(), names.bucketMarker(bucket))) != null;
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.UNAVAILABLE, bucket, null, "bucket exists");
        }
    }

    @Override
    public List<BucketInfo> listBuckets() {
        List<BucketInfo> out = new ArrayList<>();
        try {
            String markers = names.bucketMarkers();
            for (Blob b : storage.list(config.bucket(), BlobListOption.prefix(markers)).iterateAll()) {
                String name = b.getName().substring(markers.length());
                if (validBucketName(name)) {
                    out.add(new BucketInfo(name, GcsMetadata.modified(b)));
                }
            }
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.UNAVAILABLE, null, null, "list buckets");
        }
        // GCS lists in byte order, which for bucket names ([a-z0-9._-]) is name order
        return out;
    }

    /** The UTF-8 length of {@code <gcs.prefix><bucket>/}, which a key's name budget of 1024 bytes loses. */
    int prefixBytes(String bucket) {
        return GcsNames.utf8Length(names.bucketRoot(bucket));
    }

    void requireBucket(String bucket) {
        if (!bucketExists(bucket)) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, bucket, "no such bucket");
        }
    }

    /** The error for a key whose object is missing: NO_SUCH_BUCKET if its bucket is gone too. */
    BlobStoreException missing(BlobKey key) {
        if (!bucketExists(key.bucket())) {
            return BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, key.bucket(), "no such bucket");
        }
        return new BlobStoreException(BlobError.NO_SUCH_KEY, ID, key, "no such key");
    }

    // ---- objects -------------------------------------------------------------------------------

    @Override
    public ObjectInfo stat(BlobKey key) {
        return GcsMetadata.toInfo(key, reads.current(key));
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        return reads.read(key, options);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        String name = names.object(key);
        requireBucket(key.bucket());
        List<BlobTargetOption> precondition = precondition(key, options.precondition());
        VerifiedUpload.Target target = new VerifiedUpload.Target() {
            @Override
            public BlobInfo info(Map<dev.cairn.blob.digest.ChecksumAlgorithm, String> digests, long size) {
                return objectInfo(name, options, digests);
            }

            @Override
            public List<BlobTargetOption> options() {
                return precondition;
            }
        };
        return GcsMetadata.toInfo(key, publish(key, source, options, target));
    }

    /** Writes through {@link VerifiedUpload}, translating every failure. */
    Blob publish(BlobKey key, ObjectSource source, WriteOptions options, VerifiedUpload.Target target) {
        try {
            return uploads.write(source, options.expectedChecksums(), options.extraChecksums(), target);
        } catch (IntegrityException e) {
            throw new BlobStoreException(BlobError.BAD_DIGEST, ID, key, e.getMessage(), e);
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.INTERNAL, ID, key, "reading the body failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (GcsErrors.isPreconditionFailed(e)) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, ID, key, "the current version changed", e);
            }
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, null, key, "write");
        }
    }

    BlobInfo objectInfo(String name, WriteOptions options, Map<dev.cairn.blob.digest.ChecksumAlgorithm, String> digests) {
        String etag = digests.get(dev.cairn.blob.digest.ChecksumAlgorithm.MD5);
        return BlobInfo.newBuilder(BlobId.of(config.bucket(), name))
                .setContentType(contentType(options))
                .setMetadata(GcsMetadata.encode(contentType(options), etag, digests, options.contentHeaders(), options.userMetadata(), List.of()))
                .build();
    }

    /**
     * The GCS precondition for a write precondition: {@code ifGenerationMatch=0} for IfAbsent;
     * for IfMatch, the generation of the current version if its ETag matches (GCS then refuses
     * the publish if any other write landed in between).
     */
    List<BlobTargetOption> precondition(BlobKey key, WritePrecondition p) {
        if (p instanceof WritePrecondition.IfAbsent) {
            // Refuse early when the key is taken (saves sending a body that cannot land); the
            // GCS precondition below is what makes the check atomic.
            if (exists(key)) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, ID, key, "If-None-Match: the key exists");
            }
            return List.of(BlobTargetOption.doesNotExist());
        }
        if (p instanceof WritePrecondition.IfMatch m) {
            Blob current = reads.current(key);
            if (!GcsMetadata.toInfo(key, current).etag().equals(unquote(m.etag()))) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, ID, key, "If-Match");
            }
            return List.of(BlobTargetOption.generationMatch(current.getGeneration()));
        }
        return List.of();
    }

    private boolean exists(BlobKey key) {
        try {
            return storage.get(BlobId.of(config.bucket(), names.object(key))) != null;
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_KEY, null, key, "stat");
        }
    }

    @Override
    public void delete(BlobKey key) {
        String name = names.object(key);
        try {
            if (!storage.delete(BlobId.of(config.bucket(), name))) {
                requireBucket(key.bucket());
            }
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, null, key, "delete");
        }
    }

    @Override
    public ListPage list(ListRequest request) {
        requireBucket(request.bucket());
        String root = names.bucketRoot(request.bucket());
        // The listing carries each object's metadata: keep it, so the pager's stats cost nothing.
        Map<String, ObjectInfo> seen = new HashMap<>();
        try {
            return ListPager.page(request, from -> keys(request, root, from, seen), seen::get);
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_BUCKET, request.bucket(), null, "list");
        }
    }

    private Iterator<String> keys(ListRequest request, String root, String from, Map<String, ObjectInfo> seen) {
        // Pages of at least 200: the pager may skip many names (rolled-up prefixes, hidden keys).
        long pageSize = Math.min(1000, Math.max(200, request.maxKeys() + 1L));
        String prefix = root + request.prefix();
        String start = root + from;
        Iterator<Blob> blobs = storage.list(config.bucket(), BlobListOption.prefix(prefix),
                BlobListOption.startOffset(start), BlobListOption.pageSize(pageSize)).iterateAll().iterator();
        return new Iterator<>() {
            private String next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done && blobs.hasNext()) {
                    Blob b = blobs.next();
                    String name = b.getName();
                    // Defensive, for servers that drop a query parameter (fake-gcs-server drops any
                    // holding a raw ';'): names outside [start, end of prefix) are skipped or end the walk.
                    if (!name.startsWith(prefix)) {
                        done = Utf8Order.compare(name, prefix) > 0;
                    } else if (Utf8Order.compare(name, start) >= 0) {
                        next = name;
                        String key = name.substring(root.length());
                        seen.put(key, GcsMetadata.toInfo(new BlobKey(request.bucket(), key), b));
                    }
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                String key = next.substring(root.length());
                next = null;
                return key;
            }
        };
    }

    @Override
    public HealthReport health() {
        return health.report();
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception e) {
            // closing releases pooled connections only; nothing to report
        }
    }

    // ---- multipart -----------------------------------------------------------------------------

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        return multipart.create(key, options, checksumType);
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        return multipart.load(key, uploadId);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        return multipart.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        return multipart.complete(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        multipart.abort(key, uploadId);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        return multipart.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        return multipart.listUploads(request);
    }

    static String contentType(WriteOptions options) {
        return options.contentType() == null ? ObjectInfo.DEFAULT_CONTENT_TYPE : options.contentType();
    }

    static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static boolean validBucketName(String name) {
        try {
            BlobKey.requireValidBucket(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
