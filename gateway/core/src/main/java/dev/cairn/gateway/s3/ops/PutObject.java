package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.RequestBody;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.Set;

/**
 * PutObject. The body arrives decoded and verified as it streams (chunk signatures, declared
 * SHA-256, flexible checksum); the store checks Content-MD5 and publishes only a body that
 * passed every check, so a failed upload leaves the previous version in place.
 *
 * <p>{@value ObjectHeaders#BLAKE3_HEADER} on the request is the BLAKE3 the client expects; the store
 * verifies it like Content-MD5, before publishing.
 *
 * <p>Errors before the body is read: 501 NotImplemented for a conditional write the store cannot
 * enforce atomically or S3 does not define, 400 MetadataTooLarge, 400 InvalidDigest for an
 * {@value ObjectHeaders#BLAKE3_HEADER} that is not 64 lowercase hex digits, 411
 * MissingContentLength for a body of undeclared length. While or after reading: the client's own failure (BadDigest,
 * SignatureDoesNotMatch, IncompleteBody, ...) wins over the store's; 412 PreconditionFailed and
 * 404 NoSuchKey (If-Match on a missing key) come from the store's atomic check.
 */
final class PutObject {
    private final BlobStore store;
    private final Counter integrityFailures;

    PutObject(BlobStore store, Counter integrityFailures) {
        this.store = store;
        this.integrityFailures = integrityFailures;
    }

    S3Response put(S3Request req) {
        BlobKey key = req.blobKey();
        WritePrecondition precondition = Preconditions.write(req.headers(), store.capabilities());
        Map<String, String> metadata = UserMetadata.fromRequest(req.headers());
        String expectedBlake3 = ObjectHeaders.expectedBlake3(req.headers());
        RequestBody body = req.body();
        if (body.length() < 0) {
            throw new S3Exception(S3ErrorCode.MissingContentLength);
        }
        // As S3 does for every new object, one without a client checksum gets CRC64NVME.
        Set<ChecksumAlgorithm> extra = body.checksumAlgorithm() == null ? Set.of(UploadChecksums.DEFAULT_ALGORITHM) : body.extraChecksums();
        WriteOptions options = new WriteOptions(precondition, ObjectHeaders.contentType(req.headers()),
                ObjectHeaders.fromRequest(req.headers()), metadata, body.expectedChecksums(), extra);
        if (expectedBlake3 != null) {
            options = options.withExpected(ChecksumAlgorithm.B3, expectedBlake3);
        }
        ObjectInfo info;
        try {
            info = store.write(key, new ObjectSource(body.stream(), body.length()), options);
        } catch (BlobStoreException e) {
            S3Exception s3 = body.translate(e);
            if (s3.code() == S3ErrorCode.BadDigest) {
                integrityFailures.increment();
            }
            throw s3;
        }
        S3Response r = S3Response.empty(200).header("ETag", ObjectHeaders.quotedEtag(info.etag()));
        // S3 answers the client's checksum, or the CRC64NVME it added when the client sent none.
        ChecksumAlgorithm stored = body.checksumAlgorithm() != null ? body.checksumAlgorithm() : UploadChecksums.DEFAULT_ALGORITHM;
        r.header(S3Checksums.headerName(stored), info.checksums().get(stored));
        r.header("x-amz-checksum-type", "FULL_OBJECT");
        return r.header(ObjectHeaders.BLAKE3_HEADER, info.blake3());
    }
}
