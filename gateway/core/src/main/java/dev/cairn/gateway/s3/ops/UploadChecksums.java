package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.chunked.S3RequestException;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * S3's rules for the flexible checksum of a multipart upload (docs/adr/0009), as the gateway
 * applies them; the store computes, keeps and combines the values.
 *
 * <ul>
 *   <li>CreateMultipartUpload: {@code x-amz-checksum-algorithm} names CRC32, CRC32C, CRC64NVME,
 *       SHA1 or SHA256; {@code x-amz-checksum-type} COMPOSITE or FULL_OBJECT, defaulting to
 *       FULL_OBJECT for CRC64NVME and COMPOSITE otherwise. CRC64NVME cannot be COMPOSITE, SHA1 and
 *       SHA256 cannot be FULL_OBJECT, and a type needs an algorithm (all 400 InvalidRequest). With
 *       no algorithm the object gets a CRC64NVME FULL_OBJECT checksum, as every new S3 object does.
 *   <li>UploadPart of an upload created with an algorithm: a part checksum of another algorithm,
 *       or none at all for a COMPOSITE upload, is 400 InvalidRequest "Checksum Type mismatch".
 *   <li>CompleteMultipartUpload: an {@code x-amz-checksum-type} other than the upload's is 400
 *       InvalidRequest; an {@code x-amz-checksum-*} header is the whole object's expected value,
 *       checked by the store before it publishes (400 BadDigest, upload kept).
 * </ul>
 */
final class UploadChecksums {
    static final String TYPE_HEADER = "x-amz-checksum-type";
    static final String ALGORITHM_HEADER = "x-amz-checksum-algorithm";
    /** What S3 gives an object whose client named no checksum. */
    static final ChecksumAlgorithm DEFAULT_ALGORITHM = ChecksumAlgorithm.CRC64NVME;

    /**
     * What CreateMultipartUpload asks for.
     *
     * @param algorithm the client's algorithm, or null when it named none
     * @param type the type to store with the upload: null exactly when {@code algorithm} is
     */
    record Choice(ChecksumAlgorithm algorithm, ChecksumType type) {
        /** The algorithms every part computes and the object keeps. */
        Set<ChecksumAlgorithm> computed() {
            return Set.of(algorithm == null ? DEFAULT_ALGORITHM : algorithm);
        }
    }

    private UploadChecksums() {
    }

    /** @throws S3Exception InvalidRequest for an unknown value, a refused pair, or a type without an algorithm */
    static Choice forCreate(Headers headers) {
        String algorithmHeader = headers.first(ALGORITHM_HEADER);
        String typeHeader = headers.first(TYPE_HEADER);
        ChecksumAlgorithm algorithm = null;
        if (algorithmHeader != null) {
            try {
                algorithm = S3Checksums.parseAlgorithm(ALGORITHM_HEADER, algorithmHeader);
            } catch (S3RequestException e) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, e.getMessage(), Map.of());
            }
        }
        ChecksumType type = typeHeader == null ? null : parseType(typeHeader);
        if (type != null && algorithm == null) {
            throw invalid("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }
        if (algorithm == null) {
            return new Choice(null, null);
        }
        if (type == null) {
            type = ChecksumType.defaultFor(algorithm);
        }
        if (!type.allows(algorithm)) {
            throw invalid("The " + type + " checksum type cannot be used with the " + algorithm.name().toLowerCase(Locale.ROOT)
                    + " checksum algorithm.");
        }
        return new Choice(algorithm, type);
    }

    /** The algorithm the client created the upload with, or null when it named none. */
    static ChecksumAlgorithm explicitAlgorithm(MultipartUpload upload) {
        if (upload.checksumType() == null) {
            return null;
        }
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            if (upload.options().extraChecksums().contains(a)) {
                return a;
            }
        }
        return null;
    }

    /**
     * @param partAlgorithm the flexible checksum the part was sent with, or null
     * @throws S3Exception InvalidRequest when the upload was created with another algorithm, or
     *     is COMPOSITE and the part has none
     */
    static void checkPart(MultipartUpload upload, ChecksumAlgorithm partAlgorithm) {
        ChecksumAlgorithm expected = explicitAlgorithm(upload);
        if (expected == null || expected == partAlgorithm) {
            return;
        }
        if (partAlgorithm == null && upload.checksumType() != ChecksumType.COMPOSITE) {
            return; // FULL_OBJECT: the store computes the part's CRC as it streams in
        }
        throw invalid("Checksum Type mismatch occurred, expected checksum Type: " + expected.name() + ", actual checksum Type: "
                + (partAlgorithm == null ? "null" : partAlgorithm.name()));
    }

    /**
     * The whole-object checksum a CompleteMultipartUpload request expects, after checking its
     * {@code x-amz-checksum-type} against the upload's.
     *
     * @param uploads looks the upload up; asked only when the request names a type
     * @return at most one algorithm and its value; empty when the request names none
     * @throws S3Exception InvalidRequest for a malformed or repeated value, or another type than the upload's
     */
    static Map<ChecksumAlgorithm, String> expectedOnComplete(Headers headers, Supplier<MultipartUpload> uploads) {
        String typeHeader = headers.first(TYPE_HEADER);
        if (typeHeader != null) {
            ChecksumType type = parseType(typeHeader);
            MultipartUpload upload = uploads.get();
            ChecksumType actual = upload.checksumType() == null ? ChecksumType.FULL_OBJECT : upload.checksumType();
            if (type != actual) {
                throw invalid("The upload was created using the " + actual + " checksum mode. The complete request must use the same"
                        + " checksum mode.");
            }
        }
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            List<String> values = headers.all(S3Checksums.headerName(a));
            if (values.isEmpty()) {
                continue;
            }
            if (values.size() > 1 || !out.isEmpty()) {
                throw invalid("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }
            try {
                out.put(a, S3Checksums.validate(a, values.get(0), "header"));
            } catch (S3RequestException e) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, e.getMessage(), Map.of());
            }
        }
        return out;
    }

    /**
     * Checks that a completion of a COMPOSITE upload created with an algorithm names that
     * algorithm's checksum for every part, as S3 requires (the composite value is computed from
     * them, so a client that omits one cannot check what it gets). Costs no lookup when every part
     * names a checksum.
     *
     * @param uploads looks the upload up; asked only when some part names no checksum. An upload
     *     that is gone is left to the store (a retried completion may still succeed).
     * @throws S3Exception InvalidRequest naming the first part without the checksum
     */
    static void checkCompletionParts(List<CompletedPart> parts, Supplier<MultipartUpload> uploads) {
        if (parts.stream().allMatch(p -> !p.checksums().isEmpty())) {
            return;
        }
        MultipartUpload upload;
        try {
            upload = uploads.get();
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NO_SUCH_UPLOAD) {
                return;
            }
            throw e;
        }
        ChecksumAlgorithm algorithm = explicitAlgorithm(upload);
        if (algorithm == null || upload.checksumType() != ChecksumType.COMPOSITE) {
            return;
        }
        for (CompletedPart p : parts) {
            if (!p.checksums().containsKey(algorithm)) {
                throw invalid("The upload was created using a " + algorithm.name().toLowerCase(Locale.ROOT) + " checksum. The"
                        + " complete request must include the checksum for each part. It was missing for part "
                        + p.partNumber() + " in the request.");
            }
        }
    }

    private static ChecksumType parseType(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (ChecksumType t : ChecksumType.values()) {
            if (t.name().equals(v)) {
                return t;
            }
        }
        throw invalid("Value for x-amz-checksum-type header is invalid.");
    }

    private static S3Exception invalid(String message) {
        return new S3Exception(S3ErrorCode.InvalidRequest, message, Map.of());
    }
}
