package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ByteRange;
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
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The RAM-only store: nothing touches disk, everything is lost on close or exit. Each object is
 * an immutable {@link StoredObject} swapped into a sorted map, which makes publishes atomic,
 * conditional writes a compare-and-set, and reads snapshot-consistent for free. Multipart
 * uploads ({@link MemoryMultipart}) publish through the same map.
 */
final class MemoryBlobStore implements BlobStore, SupportsMultipart {
    static final String ID = "memory";

    private static final Set<Capability> CAPABILITIES =
            Set.copyOf(EnumSet.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH));

    private final ConcurrentSkipListMap<String, MemoryBucket> buckets = new ConcurrentSkipListMap<>();
    private final ByteBudget budget;
    private final MemoryMultipart multipart;
    private volatile boolean closed;

    MemoryBlobStore(long maxBytes) {
        this.budget = new ByteBudget(maxBytes);
        this.multipart = new MemoryMultipart(this::bucket, budget);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void createBucket(String bucket) {
        ensureOpen();
        MemoryBucket fresh = new MemoryBucket(bucket, now());
        while (true) {
            MemoryBucket existing = buckets.putIfAbsent(bucket, fresh);
            if (existing == null) {
                return;
            }
            if (!existing.isDeleted()) {
                throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, ID, bucket, null);
            }
            // A delete is between marking and unmapping the old bucket; finish it for them.
            buckets.remove(bucket, existing);
        }
    }

    @Override
    public void deleteBucket(String bucket) {
        MemoryBucket b = bucket(bucket);
        budget.release(b.markDeletedIfEmpty());
        buckets.remove(bucket, b);
    }

    @Override
    public boolean bucketExists(String bucket) {
        ensureOpen();
        MemoryBucket b = buckets.get(bucket);
        return b != null && !b.isDeleted();
    }

    @Override
    public List<BucketInfo> listBuckets() {
        ensureOpen();
        List<BucketInfo> out = new ArrayList<>();
        for (MemoryBucket b : buckets.values()) {
            if (!b.isDeleted()) {
                out.add(b.info());
            }
        }
        return out;
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        return current(key).info();
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        StoredObject object = current(key);
        ObjectInfo info = object.info();
        options.conditions().check(info.etag(), info.lastModified(), ID, key);
        ByteRange.Resolved range = options.range() == null
                ? ByteRange.Resolved.whole(info.size())
                : options.range().resolve(info.size(), ID, key);
        return new MemoryObjectReader(info, range, object.bytes().open(range.offset(), range.length()));
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        MemoryBucket bucket = bucket(key.bucket());
        // Fail fast before reading a body that could never be published; the check that counts
        // is the one repeated atomically at publish.
        WritePreconditions.check(bucket.get(key.key()), options.precondition(), key);
        BodyIngest.Body body = BodyIngest.read(key, source, options, budget);
        ObjectInfo info = new ObjectInfo(key, body.bytes().size(), body.digests().get(ChecksumAlgorithm.MD5), now(),
                options.contentType(), options.contentHeaders(), options.userMetadata(), body.digests());
        StoredObject entry = new StoredObject(info, body.bytes());
        StoredObject replaced;
        try {
            replaced = bucket.publish(key.key(), entry, current -> WritePreconditions.check(current, options.precondition(), key));
        } catch (RuntimeException e) {
            budget.release(entry.size());
            throw e;
        }
        if (replaced != null) {
            budget.release(replaced.size());
        }
        return info;
    }

    @Override
    public void delete(BlobKey key) {
        StoredObject removed = bucket(key.bucket()).remove(key.key());
        if (removed != null) {
            budget.release(removed.size());
        }
    }

    @Override
    public ListPage list(ListRequest request) {
        MemoryBucket bucket = bucket(request.bucket());
        return ListPager.page(request, bucket::keysFrom, k -> {
            StoredObject o = bucket.get(k);
            return o == null ? null : o.info();
        });
    }

    // ---- multipart: the upload state and its logic live in MemoryMultipart -----------------

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        return multipart.createMultipartUpload(key, options, checksumType);
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        return multipart.upload(key, uploadId);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        return multipart.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        return multipart.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        multipart.abortMultipartUpload(key, uploadId);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        return multipart.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        return multipart.listMultipartUploads(request);
    }

    @Override
    public HealthReport health() {
        if (closed) {
            return new HealthReport(false, false, "memory store is closed");
        }
        return budget.health();
    }

    /** Forgets every object (amnesia); later calls fail with UNAVAILABLE. */
    @Override
    public void close() {
        closed = true;
        for (MemoryBucket b : buckets.values()) {
            budget.release(b.discard());
        }
        buckets.clear();
    }

    /** Payload bytes held now, for tests. */
    long usedBytes() {
        return budget.used();
    }

    private StoredObject current(BlobKey key) {
        StoredObject object = bucket(key.bucket()).get(key.key());
        if (object == null) {
            throw new BlobStoreException(BlobError.NO_SUCH_KEY, ID, key, null);
        }
        return object;
    }

    private MemoryBucket bucket(String name) {
        ensureOpen();
        MemoryBucket b = buckets.get(name);
        if (b == null || b.isDeleted()) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, name, null);
        }
        return b;
    }

    private void ensureOpen() {
        if (closed) {
            throw new BlobStoreException(BlobError.UNAVAILABLE, ID, null, "memory store is closed");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
