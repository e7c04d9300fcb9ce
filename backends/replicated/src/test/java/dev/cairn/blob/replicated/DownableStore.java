package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.util.List;
import java.util.Map;

/**
 * Test-only stand-in for an unreachable replica until the testkit's fault-injecting store lands:
 * while {@link #down} is set every call fails with UNAVAILABLE, as a store that cannot reach its
 * medium does. The real store underneath is untouched.
 */
final class DownableStore extends ForwardingMultipartBlobStore {
    volatile boolean down;

    DownableStore(BlobStore delegate) {
        super(delegate);
    }

    /** The real store's answer, whether or not the replica is down. */
    ObjectInfo delegateStat(BlobKey key) {
        return delegate().stat(key);
    }

    private void check() {
        if (down) {
            throw new BlobStoreException(BlobError.UNAVAILABLE, "downable", (BlobKey) null, "replica is down (test)");
        }
    }

    @Override
    public void createBucket(String bucket) {
        check();
        super.createBucket(bucket);
    }

    @Override
    public void deleteBucket(String bucket) {
        check();
        super.deleteBucket(bucket);
    }

    @Override
    public boolean bucketExists(String bucket) {
        check();
        return super.bucketExists(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        check();
        return super.listBuckets();
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        check();
        return super.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        check();
        return super.read(key, options);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        check();
        return super.write(key, source, options);
    }

    @Override
    public void delete(BlobKey key) {
        check();
        super.delete(key);
    }

    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        check();
        return super.deleteAll(bucket, keys);
    }

    @Override
    public ListPage list(ListRequest request) {
        check();
        return super.list(request);
    }

    @Override
    public HealthReport health() {
        return down ? new HealthReport(false, false, "down (test)") : super.health();
    }

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        check();
        return super.createMultipartUpload(key, options, checksumType);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        check();
        return super.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        check();
        return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        check();
        return super.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        check();
        return super.listMultipartUploads(request);
    }
}
