package dev.cairn.blob.testkit.faults;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.util.List;
import java.util.Map;

/**
 * The multipart half of {@link FaultyBlobStore#wrap}: object calls go to the faulty object store
 * underneath (so they meet their faults once), multipart calls meet the faults aimed at
 * {@link Operation#MULTIPART} here.
 */
final class FaultyMultipartCalls extends ForwardingMultipartBlobStore {
    private final Faults faults;

    /** @param objectsAndMultipart object calls through a {@link FaultyBlobStore}, multipart calls to the real store */
    FaultyMultipartCalls(BlobStore objectsAndMultipart, Faults faults) {
        super(objectsAndMultipart);
        this.faults = faults;
    }

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        faults.before(Operation.MULTIPART, id(), key);
        return super.createMultipartUpload(key, options, checksumType);
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        faults.before(Operation.MULTIPART, id(), key);
        return super.upload(key, uploadId);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        faults.before(Operation.MULTIPART, id(), key);
        return super.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        faults.before(Operation.MULTIPART, id(), key);
        return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        faults.before(Operation.MULTIPART, id(), key);
        super.abortMultipartUpload(key, uploadId);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        faults.before(Operation.MULTIPART, id(), key);
        return super.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        faults.before(Operation.MULTIPART, id(), request.bucket(), null);
        return super.listMultipartUploads(request);
    }
}
