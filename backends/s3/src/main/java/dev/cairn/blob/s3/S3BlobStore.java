package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * A {@link BlobStore} on one S3 bucket: gateway buckets are key prefixes and marker objects
 * ({@link S3Layout}), object metadata travels in S3 user metadata ({@link MetadataCodec}), and
 * bodies are verified before upload ({@link Spool}), so a failed verification never reaches S3.
 * Every SDK failure goes through {@link S3Errors}.
 */
final class S3BlobStore implements BlobStore, SupportsMultipart {
    static final String ID = "s3";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Config config;
    private final S3Client s3;
    private final S3Layout layout;
    private final Set<Capability> capabilities;
    private final HealthProbe health;
    private final S3Objects objects;
    private final S3Multipart multipart;
    private final ParallelCalls parallel = new ParallelCalls();
    /** False once the target answered DeleteObjects with NotImplemented: no need to ask again. */
    private volatile boolean batchDeletes = true;

    private S3BlobStore(S3Config config, S3Client s3, Set<Capability> capabilities) {
        this.config = config;
        this.s3 = s3;
        this.layout = new S3Layout(config.prefix());
        this.capabilities = capabilities;
        this.health = new HealthProbe(s3, config.bucket(), config.healthCacheTtl());
        this.objects = new S3Objects(s3, config.bucket(), layout);
        this.multipart = new S3Multipart(s3, config, layout, objects, this, parallel);
    }

    static S3BlobStore open(S3Config config) {
        SpoolDir.removeStale(config.spoolDir());
        S3Client client = S3Clients.build(config);
        Set<Capability> caps = EnumSet.of(Capability.NATIVE_COPY, Capability.DURABLE);
        caps.addAll(ConditionalWriteProbe.capabilities(client, config, new S3Layout(config.prefix())));
        LOG.info("s3 backend: {} (capabilities {})", config, caps);
        return new S3BlobStore(config, client, Set.copyOf(caps));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    // ---- buckets ---------------------------------------------------------------------------

    @Override
    public void createBucket(String bucket) {
        BlobKey.requireValidBucket(bucket);
        String marker = layout.marker(bucket);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(config.bucket()).key(marker).contentType("application/x-directory");
        if (capabilities.contains(Capability.WRITE_IF_ABSENT)) {
            put.ifNoneMatch("*");
        } else if (bucketExists(bucket)) {
            // no atomic create-if-absent on this target: two racing creates may both succeed
            throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, ID, bucket, "bucket exists");
        }
        try {
            s3.putObject(put.build(), RequestBody.empty());
        } catch (SdkException e) {
            BlobStoreException t = S3Errors.translate(e, bucket, null, "creating the bucket marker");
            if (t.error() == BlobError.PRECONDITION_FAILED) {
                throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, ID, bucket, "bucket exists");
            }
            throw t;
        }
    }

    @Override
    public void deleteBucket(String bucket) {
        requireBucket(bucket);
        if (objects.anyUnder(layout.bucketPrefix(bucket), bucket)) {
            throw BlobStoreException.bucket(BlobError.BUCKET_NOT_EMPTY, ID, bucket, "bucket has objects");
        }
        multipart.dropAll(bucket);
        objects.delete(layout.marker(bucket), bucket, null);
    }

    @Override
    public boolean bucketExists(String bucket) {
        BlobKey.requireValidBucket(bucket);
        return objects.head(layout.marker(bucket), bucket, null) != null;
    }

    @Override
    public List<BucketInfo> listBuckets() {
        List<BucketInfo> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page;
            try {
                page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(config.bucket())
                        .prefix(layout.markersPrefix()).continuationToken(token).build());
            } catch (SdkException e) {
                throw S3Errors.translate(e, null, null, "listing bucket markers");
            }
            for (S3Object o : page.contents()) {
                String name = o.key().substring(layout.markersPrefix().length());
                out.add(new BucketInfo(name, o.lastModified()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    void requireBucket(String bucket) {
        if (!bucketExists(bucket)) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, bucket, "no such bucket");
        }
    }

    /** The error for a missing object: its bucket may be the thing that is missing. */
    private BlobStoreException missing(BlobKey key) {
        if (!bucketExists(key.bucket())) {
            return BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, key.bucket(), "no such bucket");
        }
        return new BlobStoreException(BlobError.NO_SUCH_KEY, ID, key, "no such key");
    }

    // ---- objects ---------------------------------------------------------------------------

    @Override
    public ObjectInfo stat(BlobKey key) {
        HeadObjectResponse head = objects.head(layout.objectKey(key), key.bucket(), key.key());
        if (head == null) {
            throw missing(key);
        }
        return S3Objects.info(key, head);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        try {
            return objects.read(key, options);
        } catch (BlobStoreException e) {
            throw e.error() == BlobError.NO_SUCH_KEY ? missing(key) : e;
        }
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        requireCapability(key, options.precondition());
        layout.writableKey(key);
        requireBucket(key.bucket());
        try (Spool body = Spool.read(key, source, options, config.spoolDir(), config.spoolMemoryThreshold())) {
            return objects.put(key, body, options);
        }
    }

    void requireCapability(BlobKey key, WritePrecondition precondition) {
        Capability needed = precondition instanceof WritePrecondition.IfAbsent ? Capability.WRITE_IF_ABSENT
                : precondition instanceof WritePrecondition.IfMatch ? Capability.WRITE_IF_MATCH : null;
        if (needed != null && !capabilities.contains(needed)) {
            throw new BlobStoreException(BlobError.UNSUPPORTED, ID, key, "the backend target does not support " + needed);
        }
    }

    @Override
    public void delete(BlobKey key) {
        requireBucket(key.bucket());
        objects.delete(layout.objectKey(key), key.bucket(), key.key());
    }

    /**
     * One DeleteObjects request per thousand keys instead of a DeleteObject each. A target that
     * answers DeleteObjects with NotImplemented (S3Proxy 2.6 does, for the SDK's checksum header)
     * gets one DELETE per key from then on.
     */
    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        if (!batchDeletes) {
            return BlobStore.super.deleteAll(bucket, keys);
        }
        requireBucket(bucket);
        try {
            return objects.deleteAll(bucket, keys, keys.stream().map(k -> layout.objectKey(new BlobKey(bucket, k))).toList());
        } catch (BlobStoreException e) {
            if (e.error() != BlobError.UNSUPPORTED) {
                throw e;
            }
            batchDeletes = false;
            LOG.info("the backend does not implement DeleteObjects; deleting one key at a time");
            return BlobStore.super.deleteAll(bucket, keys);
        }
    }

    @Override
    public ListPage list(ListRequest request) {
        requireBucket(request.bucket());
        return new S3Lister(s3, config.bucket(), layout).list(request);
    }

    @Override
    public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            // CopyObject's own preconditions are not portable across targets; PutObject's are
            return BlobStore.super.copy(source, target, sourceConditions, options);
        }
        HeadObjectResponse head = objects.head(layout.objectKey(source), source.bucket(), source.key());
        if (head == null) {
            throw missing(source);
        }
        ObjectInfo from = S3Objects.info(source, head);
        sourceConditions.conditions().check(from.etag(), from.lastModified(), ID, source);
        requireBucket(target.bucket());
        if (from.size() > S3Objects.MAX_COPY_SIZE) {
            return BlobStore.super.copy(source, target, sourceConditions, options);
        }
        return objects.copy(from, head.eTag(), target, options);
    }

    // ---- multipart (S3Multipart) -------------------------------------------------------------

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

    @Override
    public HealthReport health() {
        return health.check();
    }

    @Override
    public void close() {
        parallel.close();
        s3.close();
    }

    /** The longest gateway key (UTF-8 bytes) that fits S3's key limit in {@code bucket}. */
    int maxKeyBytes(String bucket) {
        return S3Layout.MAX_BACKEND_KEY_BYTES - layout.bucketPrefix(bucket).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    Path spoolDir() {
        return config.spoolDir();
    }
}
