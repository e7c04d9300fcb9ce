package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * Builds a completed object inside S3 from verified part objects: one native multipart upload
 * whose metadata is final from the start (CreateMultipartUpload), one server-side
 * UploadPartCopy per part (pinned to the part's ETag, so a part replaced meanwhile fails instead
 * of slipping in), and a CompleteMultipartUpload that carries the write's precondition. S3
 * publishes the object atomically at that last call, with its metadata; the part boundaries are
 * the client's, so S3's own ETag equals the client's {@code md5-of-md5s-N}. Any failure aborts
 * the native upload, leaving the previous version and the Cairn upload untouched. The copies run
 * side by side ({@link ParallelCalls}); S3 assembles by part number, whatever order they finish in.
 */
final class S3Assembly {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3Assembly.class);

    private final S3Client s3;
    private final String backendBucket;
    private final S3Layout layout;
    private final ParallelCalls parallel;

    S3Assembly(S3Client s3, String backendBucket, S3Layout layout, ParallelCalls parallel) {
        this.s3 = s3;
        this.backendBucket = backendBucket;
        this.layout = layout;
        this.parallel = parallel;
    }

    /**
     * @param partEtags the part objects' backend ETags, in completion order
     * @param partNumbers the client's part numbers (for messages only)
     * @throws BlobStoreException PRECONDITION_FAILED / NO_SUCH_KEY for the precondition; INVALID_PART
     *     when a part changed or vanished meanwhile; ENTITY_TOO_SMALL when the target refuses small
     *     parts (S3 wants 5 MiB for all but the last); UNAVAILABLE, THROTTLED
     */
    void assemble(BlobKey key, String contentType, Map<String, String> metadata, List<String> partEtags, List<Integer> partNumbers,
            String uploadId, WritePrecondition precondition) {
        String target = layout.writableKey(key);
        String nativeId;
        try {
            nativeId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(backendBucket).key(target)
                    .contentType(contentType == null ? ObjectInfo.DEFAULT_CONTENT_TYPE : contentType).metadata(metadata).build())
                    .uploadId();
        } catch (SdkException e) {
            throw S3Errors.translate(e, key.bucket(), key.key(), "starting the backend multipart upload");
        }
        boolean done = false;
        try {
            List<Integer> indexes = IntStream.range(0, partEtags.size()).boxed().toList();
            List<CompletedPart> copied = parallel.map(indexes, i -> copyPart(key, target, nativeId, i + 1,
                    layout.part(key.bucket(), uploadId, partNumbers.get(i)), partEtags.get(i), partNumbers.get(i)));
            CompleteMultipartUploadRequest.Builder complete = CompleteMultipartUploadRequest.builder().bucket(backendBucket).key(target)
                    .uploadId(nativeId).multipartUpload(CompletedMultipartUpload.builder().parts(copied).build());
            if (precondition instanceof WritePrecondition.IfAbsent) {
                complete.ifNoneMatch("*");
            } else if (precondition instanceof WritePrecondition.IfMatch m) {
                complete.ifMatch("\"" + m.etag() + "\"");
            }
            try {
                s3.completeMultipartUpload(complete.build());
            } catch (SdkException e) {
                BlobStoreException t = S3Errors.translate(e, key.bucket(), key.key(), "completing the backend multipart upload");
                if (t.error() == BlobError.NO_SUCH_KEY && !(precondition instanceof WritePrecondition.IfMatch)) {
                    throw new BlobStoreException(BlobError.UNAVAILABLE, S3BlobStore.ID, key, "the backend lost its own upload", e);
                }
                throw t;
            }
            done = true;
        } finally {
            if (!done) {
                abortQuietly(target, nativeId);
            }
        }
    }

    private CompletedPart copyPart(BlobKey key, String target, String nativeId, int nativeNumber, String partKey, String partEtag,
            int clientNumber) {
        UploadPartCopyResponse r;
        try {
            r = s3.uploadPartCopy(UploadPartCopyRequest.builder().sourceBucket(backendBucket).sourceKey(partKey)
                    .copySourceIfMatch(partEtag).destinationBucket(backendBucket).destinationKey(target)
                    .uploadId(nativeId).partNumber(nativeNumber).build());
        } catch (SdkException e) {
            BlobStoreException t = S3Errors.translate(e, key.bucket(), key.key(), "copying part " + clientNumber);
            if (t.error() == BlobError.NO_SUCH_KEY || t.error() == BlobError.PRECONDITION_FAILED) {
                throw new BlobStoreException(BlobError.INVALID_PART, S3BlobStore.ID, key, "part " + clientNumber + " changed or vanished", e);
            }
            throw t;
        }
        return CompletedPart.builder().partNumber(nativeNumber).eTag(r.copyPartResult().eTag()).build();
    }

    private void abortQuietly(String target, String nativeId) {
        try {
            s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(backendBucket).key(target).uploadId(nativeId).build());
        } catch (SdkException e) {
            // an incomplete upload costs storage until a lifecycle rule ends it (docs/backends.md)
            LOG.warn("could not abort backend multipart upload {} of {}: {}", nativeId, target, e.toString());
        }
    }
}
