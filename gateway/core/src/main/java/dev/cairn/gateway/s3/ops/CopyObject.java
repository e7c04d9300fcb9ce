package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.chunked.S3RequestException;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import io.micrometer.core.instrument.Counter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CopyObject ({@code PUT} with {@code x-amz-copy-source}), through {@link BlobStore#copy} so a
 * store with a native copy never streams the bytes through the gateway.
 *
 * <ul>
 * <li>{@code x-amz-metadata-directive: COPY} (default) keeps the source's Content-Type, other
 *     representation headers and user metadata; {@code REPLACE} takes them from this request.
 *     Anything else is 400 InvalidArgument.</li>
 * <li>Copying an object onto itself without REPLACE is 400 InvalidRequest, as in S3.</li>
 * <li>{@code x-amz-copy-source-if-*} conditions are checked by the store against the version it
 *     copies; S3 answers 412 PreconditionFailed for every one that fails (never 304).</li>
 * <li>The copy keeps the source's flexible checksums and adds {@code x-amz-checksum-algorithm}.</li>
 * <li>If-None-Match / If-Match on the target work as on PutObject.</li>
 * <li>{@value ObjectHeaders#BLAKE3_HEADER} is the BLAKE3 the client expects the copied bytes to
 *     have: a mismatch is 400 BadDigest and nothing is written; a malformed value 400
 *     InvalidDigest.</li>
 * </ul>
 */
final class CopyObject {
    private final BlobStore store;
    private final Counter integrityFailures;

    CopyObject(BlobStore store, Counter integrityFailures) {
        this.store = store;
        this.integrityFailures = integrityFailures;
    }

    S3Response copy(S3Request req) {
        CopySource src = CopySource.parse(req.header(CopySource.HEADER));
        ObjectVersions.requireCurrent(src.versionId());
        BlobKey source = S3Request.blobKey(src.bucket(), src.key());
        BlobKey target = req.blobKey();
        boolean replace = replaceMetadata(req.header("x-amz-metadata-directive"));
        if (source.equals(target) && !replace) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "This copy request is illegal because it is trying to copy an object "
                    + "to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        WritePrecondition precondition = Preconditions.write(req.headers(), store.capabilities());
        ReadConditions conditions = Preconditions.read(req.headers(), Preconditions.COPY_SOURCE);
        Set<ChecksumAlgorithm> checksums = checksums(req, store.stat(source));
        WriteOptions options = new WriteOptions(precondition, null, null, null, null, checksums);
        String expectedBlake3 = ObjectHeaders.expectedBlake3(req.headers());
        if (expectedBlake3 != null) {
            options = options.withExpected(ChecksumAlgorithm.B3, expectedBlake3);
        }
        if (replace) {
            options = options.withContentType(ObjectHeaders.contentType(req.headers()))
                    .withContentHeaders(ObjectHeaders.fromRequest(req.headers()))
                    .withUserMetadata(UserMetadata.fromRequest(req.headers()));
        }
        ObjectInfo info;
        try {
            info = store.copy(source, target, new ReadOptions(null, conditions), options);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NOT_MODIFIED) {
                throw new S3Exception(S3ErrorCode.PreconditionFailed);
            }
            if (e.error() == BlobError.BAD_DIGEST && expectedBlake3 != null) {
                integrityFailures.increment();
                throw new S3Exception(S3ErrorCode.BadDigest, "The x-cairn-b3 you specified did not match the source object.");
            }
            throw e;
        }
        XmlWriter w = XmlWriter.document("CopyObjectResult")
                .element("ETag", ObjectHeaders.quotedEtag(info.etag()))
                .element("LastModified", Timestamps.iso(info.lastModified()));
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String v = info.checksums().get(a);
            if (v != null) {
                w.element("Checksum" + S3Checksums.s3Name(a), v);
            }
        }
        return S3Response.xml(w.finish()).header(ObjectHeaders.BLAKE3_HEADER, info.blake3());
    }

    /** @throws S3Exception InvalidArgument for a directive other than COPY or REPLACE */
    private static boolean replaceMetadata(String directive) {
        if (directive == null || directive.equals("COPY")) {
            return false;
        }
        if (directive.equals("REPLACE")) {
            return true;
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Unknown metadata directive.",
                Map.of("ArgumentName", "x-amz-metadata-directive"));
    }

    /**
     * The flexible checksums the copy computes: the source's (so a copy verifies like its
     * original) plus any {@code x-amz-checksum-algorithm} asked for. The source's set comes from a
     * stat; if the source changes before the copy reads it, the copy may carry a different set,
     * which costs nothing but a checksum the client did not ask for.
     */
    private static Set<ChecksumAlgorithm> checksums(S3Request req, ObjectInfo source) {
        Set<ChecksumAlgorithm> out = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            if (source.checksums().containsKey(a)) {
                out.add(a);
            }
        }
        String requested = req.header("x-amz-checksum-algorithm");
        if (requested != null) {
            try {
                out.add(S3Checksums.parseAlgorithm("x-amz-checksum-algorithm", requested.toUpperCase(Locale.ROOT)));
            } catch (S3RequestException e) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, e.getMessage());
            }
        }
        return out;
    }
}
