package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.RequestBody;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UploadPart and UploadPartCopy.
 *
 * <p>UploadPart takes its body exactly as PutObject does (aws-chunked, trailers, declared
 * SHA-256, flexible checksum, Content-MD5, all verified before the part counts), capped at the
 * maximum part size (400 EntityTooLarge). It answers the part's quoted MD5 as ETag and the
 * flexible checksum the client sent (and the upload's, computed here when a FULL_OBJECT upload's
 * part came without one). A part checksum of another algorithm than the upload's is 400
 * InvalidRequest ({@link UploadChecksums#checkPart}). Errors: 400 InvalidArgument for a part number outside
 * 1..10,000, 411 MissingContentLength, 404 NoSuchUpload, the client's body failure (BadDigest,
 * IncompleteBody, ...) before the store's.
 *
 * <p>UploadPartCopy reads {@code x-amz-copy-source} (optionally {@code x-amz-copy-source-range})
 * through the store and uploads those bytes as the part; {@code x-amz-copy-source-if-*} hold
 * against the version read (412). Errors: 400 InvalidArgument for a malformed source or range,
 * 416 InvalidRange for a range past the source's end, 400 EntityTooLarge over the maximum part
 * size, 404 NoSuchKey / NoSuchBucket for the source, 404 NoSuchUpload. Its answer carries the
 * part's checksum of the upload's algorithm when the upload was created with one.
 */
final class UploadPart {
    private final BlobStore store;
    private final SupportsMultipart multipart;
    private final long maxPartSize;
    private final Counter integrityFailures;

    UploadPart(BlobStore store, SupportsMultipart multipart, long maxPartSize, Counter integrityFailures) {
        this.store = store;
        this.multipart = multipart;
        this.maxPartSize = maxPartSize;
        this.integrityFailures = integrityFailures;
    }

    S3Response upload(S3Request req) {
        BlobKey key = req.blobKey();
        int partNumber = PartNumber.parse(req.query().first("partNumber"));
        String uploadId = UploadIds.of(req);
        RequestBody body = req.body();
        if (body.length() < 0) {
            throw new S3Exception(S3ErrorCode.MissingContentLength);
        }
        // Judged before the body is read: a part of the wrong algorithm costs no upload.
        MultipartUpload upload = multipart.upload(key, uploadId);
        UploadChecksums.checkPart(upload, body.checksumAlgorithm());
        WriteOptions options = new WriteOptions(WritePrecondition.NONE, null, null, null, body.expectedChecksums(), body.extraChecksums());
        PartInfo part;
        try {
            part = multipart.uploadPart(key, uploadId, partNumber, new ObjectSource(body.stream(), body.length()), options);
        } catch (BlobStoreException e) {
            S3Exception s3 = body.translate(e);
            if (s3.code() == S3ErrorCode.BadDigest) {
                integrityFailures.increment();
            }
            throw s3;
        }
        S3Response r = S3Response.empty(200).header("ETag", ObjectHeaders.quotedEtag(part.etag()));
        if (body.checksumAlgorithm() != null) {
            r.header(S3Checksums.headerName(body.checksumAlgorithm()), part.checksums().get(body.checksumAlgorithm()));
        }
        ChecksumAlgorithm uploads = UploadChecksums.explicitAlgorithm(upload);
        if (uploads != null && uploads != body.checksumAlgorithm()) {
            // a FULL_OBJECT upload's part sent without a checksum: the store computed it
            r.header(S3Checksums.headerName(uploads), part.checksums().get(uploads));
        }
        return r;
    }

    S3Response copy(S3Request req) throws IOException {
        CopySource src = CopySource.parse(req.header(CopySource.HEADER));
        ObjectVersions.requireCurrent(src.versionId());
        BlobKey source = S3Request.blobKey(src.bucket(), src.key());
        BlobKey key = req.blobKey();
        int partNumber = PartNumber.parse(req.query().first("partNumber"));
        String uploadId = UploadIds.of(req);
        ByteRange.Closed range = CopySourceRange.parse(req.header(CopySourceRange.HEADER));
        ReadConditions conditions = Preconditions.read(req.headers(), Preconditions.COPY_SOURCE);
        PartInfo part;
        try (ObjectReader reader = store.read(source, new ReadOptions(range, conditions))) {
            long size = reader.info().size();
            if (range != null && range.last() >= size) {
                // S3 copies no partial range: the whole requested range must lie inside the source.
                throw new S3Exception(S3ErrorCode.InvalidRange, "Range specified is not valid for source object of size: " + size,
                        rangeDetails(req, size));
            }
            long length = reader.range().length();
            if (length > maxPartSize) {
                throw new S3Exception(S3ErrorCode.EntityTooLarge,
                        "The part to copy is larger than the maximum part size of " + maxPartSize + " bytes; use x-amz-copy-source-range.");
            }
            part = multipart.uploadPart(key, uploadId, partNumber, new ObjectSource(reader.stream(), length), WriteOptions.DEFAULTS);
        } catch (BlobStoreException e) {
            throw switch (e.error()) {
                // S3 answers 412 for every failed copy-source condition, never 304.
                case NOT_MODIFIED, PRECONDITION_FAILED -> new S3Exception(S3ErrorCode.PreconditionFailed);
                case INVALID_RANGE -> new S3Exception(S3ErrorCode.InvalidRange, null, rangeDetails(req, store.stat(source).size()));
                default -> e;
            };
        }
        XmlWriter w = XmlWriter.document("CopyPartResult")
                .element("LastModified", Timestamps.iso(part.lastModified()))
                .element("ETag", ObjectHeaders.quotedEtag(part.etag()));
        // the store computed the upload's algorithm over the copied bytes, as for any part
        ChecksumAlgorithm a = UploadChecksums.explicitAlgorithm(multipart.upload(key, uploadId));
        if (a != null) {
            w.element("Checksum" + S3Checksums.s3Name(a), part.checksums().get(a));
        }
        return S3Response.xml(w.finish());
    }

    private static Map<String, String> rangeDetails(S3Request req, long size) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("RangeRequested", req.header(CopySourceRange.HEADER));
        d.put("ActualObjectSize", Long.toString(size));
        return d;
    }
}
