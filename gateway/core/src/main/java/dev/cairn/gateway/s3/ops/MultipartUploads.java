package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.KeepAliveRunner;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The life of an upload: CreateMultipartUpload, CompleteMultipartUpload, AbortMultipartUpload.
 *
 * <ul>
 * <li>Create stores Content-Type, the other representation headers and user metadata as
 *     PutObject does, and the flexible checksum the completed object keeps
 *     ({@link UploadChecksums}: {@code x-amz-checksum-algorithm}, {@code x-amz-checksum-type},
 *     CRC64NVME FULL_OBJECT by default); errors: 400 MetadataTooLarge, 400 InvalidRequest for an
 *     unknown or refused algorithm and type, 404 NoSuchBucket.</li>
 * <li>Complete reads the part list ({@link CompleteRequest}); {@code If-None-Match: *} and
 *     {@code If-Match} are write preconditions checked atomically with the publish, as on
 *     PutObject (501 where the store cannot); {@code x-amz-checksum-type} must be the upload's and an
 *     {@code x-amz-checksum-*} header is the object's expected checksum. Errors: 400 MalformedXML,
 *     InvalidPart (also for a per-part checksum that differs from the stored part's), BadDigest
 *     (the expected checksum differs; the upload stays), InvalidRequest,
 *     InvalidPartOrder, EntityTooSmall (parts but the last below the minimum part size); 404
 *     NoSuchUpload; 412 PreconditionFailed. The answer is sent once the object is published (no
 *     keep-alive whitespace during a long completion).</li>
 * <li>Abort answers 204; an upload that was completed or never existed is 404 NoSuchUpload.</li>
 * </ul>
 */
final class MultipartUploads {
    private final BlobStore store;
    private final SupportsMultipart multipart;
    private final long minPartSize;
    private final KeepAliveRunner keepAlive;

    /**
     * @param minPartSize every part but the last must be at least this large (S3: 5 MiB)
     * @param keepAlive runs the store's completion, sending whitespace while it is slow
     */
    MultipartUploads(BlobStore store, SupportsMultipart multipart, long minPartSize, KeepAliveRunner keepAlive) {
        this.store = store;
        this.multipart = multipart;
        this.minPartSize = minPartSize;
        this.keepAlive = keepAlive;
    }

    S3Response create(S3Request req) {
        BlobKey key = req.blobKey();
        UploadChecksums.Choice checksum = UploadChecksums.forCreate(req.headers());
        WriteOptions options = new WriteOptions(WritePrecondition.NONE, ObjectHeaders.contentType(req.headers()),
                ObjectHeaders.fromRequest(req.headers()), UserMetadata.fromRequest(req.headers()), null, checksum.computed());
        MultipartUpload upload = multipart.createMultipartUpload(key, options, checksum.type());
        String xml = XmlWriter.document("InitiateMultipartUploadResult")
                .element("Bucket", key.bucket())
                .element("Key", key.key())
                .element("UploadId", upload.uploadId())
                .finish();
        S3Response r = S3Response.xml(xml);
        if (checksum.algorithm() != null) {
            r.header(UploadChecksums.ALGORITHM_HEADER, S3Checksums.s3Name(checksum.algorithm()));
            r.header(UploadChecksums.TYPE_HEADER, checksum.type().name());
        }
        return r;
    }

    S3Response complete(S3Request req) throws IOException {
        BlobKey key = req.blobKey();
        String uploadId = UploadIds.of(req);
        // Judged before the body is read, so an impossible condition costs no parsing.
        WritePrecondition precondition = Preconditions.write(req.headers(), store.capabilities());
        // Looked up only when needed: a retried completion whose upload is already gone must still reach the store.
        Supplier<MultipartUpload> upload = once(() -> multipart.upload(key, uploadId));
        Map<ChecksumAlgorithm, String> expected = UploadChecksums.expectedOnComplete(req.headers(), upload);
        List<CompletedPart> parts = CompleteRequest.parse(req.body().stream());
        UploadChecksums.checkCompletionParts(parts, upload);
        // the body is read here, on the request's thread; only the store's work may run long
        return keepAlive.run(req, () -> completed(key, completeOrRetried(key, uploadId, parts, precondition, expected)));
    }

    /**
     * Completes the upload; a completion retried after an earlier one committed (the client
     * never saw the answer) gets that object back, as on S3 ({@link CompletedRetry}).
     */
    private ObjectInfo completeOrRetried(BlobKey key, String uploadId, List<CompletedPart> parts,
            WritePrecondition precondition, Map<ChecksumAlgorithm, String> expected) {
        try {
            return multipart.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expected);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.BAD_DIGEST && !expected.isEmpty()) {
                throw new S3Exception(S3ErrorCode.BadDigest, S3Checksums.badDigestMessage(expected.keySet().iterator().next()));
            }
            ObjectInfo earlier = e.error() == BlobError.NO_SUCH_UPLOAD ? CompletedRetry.find(store, key, parts) : null;
            if (earlier == null) {
                throw e;
            }
            return earlier;
        }
    }

    /** At most one store lookup per request, however many checks ask for the upload. */
    private static Supplier<MultipartUpload> once(Supplier<MultipartUpload> lookup) {
        MultipartUpload[] found = new MultipartUpload[1];
        return () -> {
            if (found[0] == null) {
                found[0] = lookup.get();
            }
            return found[0];
        };
    }

    private static S3Response completed(BlobKey key, ObjectInfo info) {
        XmlWriter w = XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", location(key))
                .element("Bucket", key.bucket())
                .element("Key", key.key())
                .element("ETag", ObjectHeaders.quotedEtag(info.etag()));
        boolean any = false;
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String v = info.checksums().get(a);
            if (v != null) {
                w.element("Checksum" + S3Checksums.s3Name(a), v);
                any = true;
            }
        }
        if (any) {
            w.element("ChecksumType", ObjectHeaders.checksumType(info).name());
        }
        return S3Response.xml(w.finish()).header(ObjectHeaders.BLAKE3_HEADER, info.blake3());
    }

    S3Response abort(S3Request req) {
        multipart.abortMultipartUpload(req.blobKey(), UploadIds.of(req));
        return S3Response.empty(204);
    }

    /**
     * The object's path. S3 sends an absolute URL; the gateway cannot know the scheme and host a
     * client used behind a proxy, and clients treat Location as an opaque string.
     */
    private static String location(BlobKey key) {
        return "/" + key.bucket() + "/" + NameEncoding.URL.apply(key.key());
    }
}
