package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.MultipartChecksums;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The memory store's multipart uploads. Parts are ingested like whole-object writes (verified,
 * counted against the byte cap), kept in the bucket's {@link UploadRegistry}, and completion
 * publishes an object that shares the parts' chunks, through the same atomic
 * {@link MemoryBucket#publish} and preconditions as ordinary writes.
 *
 * <p>Byte accounting: a part holds its reservation until it is replaced, aborted, or left out of
 * the completion; the parts a completion uses pass their reservation to the object.
 */
final class MemoryMultipart implements SupportsMultipart {
    private final Function<String, MemoryBucket> buckets;
    private final ByteBudget budget;
    private final UploadIds ids = new UploadIds();

    /** @param buckets the live bucket of a name, or {@link BlobError#NO_SUCH_BUCKET} */
    MemoryMultipart(Function<String, MemoryBucket> buckets, ByteBudget budget) {
        this.buckets = buckets;
        this.budget = budget;
    }

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        MemoryBucket bucket = buckets.apply(key.bucket());
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            throw invalid(key, "a precondition belongs to the completion, not the start of an upload");
        }
        if (!options.expectedChecksums().isEmpty()) {
            // Nothing could check a whole-object digest: the object is never read as a whole.
            throw invalid(key, "expected checksums belong to the parts, not the start of an upload");
        }
        UploadIds.Issued issued = ids.next();
        OpenUpload upload = new OpenUpload(new MultipartUpload(key, issued.id(), issued.initiated(), options, checksumType));
        return bucket.whileOpen(() -> {
            bucket.uploads().add(upload);
            return upload.upload();
        });
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        return buckets.apply(key.bucket()).uploads().require(key, uploadId).upload();
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        MemoryBucket bucket = buckets.apply(key.bucket());
        if (partNumber < MIN_PART_NUMBER || partNumber > MAX_PART_NUMBER) {
            throw invalid(key, "part number " + partNumber + " is outside " + MIN_PART_NUMBER + ".." + MAX_PART_NUMBER);
        }
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            throw invalid(key, "a precondition belongs to the completion, not a part");
        }
        // Fail before reading a body that could never be kept; the check that counts is in put().
        OpenUpload upload = bucket.uploads().require(key, uploadId);
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        algorithms.addAll(upload.upload().options().extraChecksums());
        algorithms.addAll(options.extraChecksums());
        WriteOptions partOptions = new WriteOptions(WritePrecondition.NONE, null, null, null, options.expectedChecksums(), algorithms);
        BodyIngest.Body body = BodyIngest.read(key, source, partOptions, budget);
        PartInfo info = new PartInfo(partNumber, body.bytes().size(), body.digests().get(ChecksumAlgorithm.MD5), now(), body.digests());
        StoredPart part = new StoredPart(info, body.bytes());
        StoredPart replaced;
        try {
            replaced = bucket.whileOpen(() -> upload.put(part));
        } catch (RuntimeException e) {
            budget.release(part.size());
            throw e;
        }
        if (replaced != null) {
            budget.release(replaced.size());
        }
        return info;
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        MemoryBucket bucket = buckets.apply(key.bucket());
        OpenUpload upload = bucket.uploads().require(key, uploadId);
        WriteOptions options = upload.upload().options();
        record Completed(ObjectInfo info, StoredObject replaced, long unusedBytes) {
        }
        Completed done = bucket.whileOpen(() -> upload.complete(stored -> {
            PartAssembly.Assembled a = PartAssembly.assemble(key, stored, parts, minPartSize, upload.upload());
            MultipartChecksums.checkExpected(MemoryBlobStore.ID, key, a.checksums(), expectedChecksums);
            ObjectInfo info = new ObjectInfo(key, a.bytes().size(), a.etag(), now(), options.contentType(), options.contentHeaders(),
                    options.userMetadata(), a.checksums(), a.partSizes(), a.partChecksums());
            StoredObject replaced = bucket.publish(key.key(), new StoredObject(info, a.bytes()),
                    current -> WritePreconditions.check(current, precondition, key));
            bucket.uploads().removeCompleted(upload);
            return new Completed(info, replaced, a.unusedBytes());
        }));
        budget.release(done.unusedBytes() + (done.replaced() == null ? 0 : done.replaced().size()));
        return done.info();
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        UploadRegistry uploads = buckets.apply(key.bucket()).uploads();
        OpenUpload upload;
        try {
            upload = uploads.require(key, uploadId);
        } catch (BlobStoreException e) {
            if (uploads.wasAborted(key, uploadId)) {
                return;
            }
            throw e;
        }
        long freed = 0;
        for (StoredPart p : upload.abort()) {
            freed += p.size();
        }
        uploads.removeAborted(upload);
        budget.release(freed);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        OpenUpload upload = buckets.apply(key.bucket()).uploads().require(key, uploadId);
        if (maxParts < 1 || partNumberMarker < 0) {
            throw invalid(key, "maxParts must be at least 1 and partNumberMarker at least 0");
        }
        // One more than asked tells whether the page is truncated without a second look.
        List<PartInfo> page = upload.partsAfter(partNumberMarker, maxParts == Integer.MAX_VALUE ? maxParts : maxParts + 1);
        boolean truncated = page.size() > maxParts;
        List<PartInfo> parts = truncated ? page.subList(0, maxParts) : page;
        int next = parts.isEmpty() ? partNumberMarker : parts.get(parts.size() - 1).partNumber();
        return new PartListing(upload.upload(), parts, truncated, next);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        return UploadLister.page(request, buckets.apply(request.bucket()).uploads().ordered());
    }

    private static BlobStoreException invalid(BlobKey key, String message) {
        return new BlobStoreException(BlobError.INVALID_ARGUMENT, MemoryBlobStore.ID, key, message);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
