package dev.cairn.gateway.s3.error;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps storage errors to S3 errors. The switch is exhaustive: a new BlobError breaks the build here. */
public final class BlobErrors {
    private BlobErrors() {
    }

    public static S3ErrorCode code(BlobError error) {
        return switch (error) {
            case NO_SUCH_BUCKET -> S3ErrorCode.NoSuchBucket;
            case NO_SUCH_KEY -> S3ErrorCode.NoSuchKey;
            case NO_SUCH_UPLOAD -> S3ErrorCode.NoSuchUpload;
            // A single-tenant gateway: whoever holds the keys owns every bucket.
            case BUCKET_ALREADY_EXISTS -> S3ErrorCode.BucketAlreadyOwnedByYou;
            case BUCKET_NOT_EMPTY -> S3ErrorCode.BucketNotEmpty;
            case PRECONDITION_FAILED -> S3ErrorCode.PreconditionFailed;
            case NOT_MODIFIED -> S3ErrorCode.NotModified;
            case INVALID_RANGE -> S3ErrorCode.InvalidRange;
            case BAD_DIGEST -> S3ErrorCode.BadDigest;
            case INVALID_ARGUMENT -> S3ErrorCode.InvalidArgument;
            case INVALID_PART -> S3ErrorCode.InvalidPart;
            case INVALID_PART_ORDER -> S3ErrorCode.InvalidPartOrder;
            case ENTITY_TOO_SMALL -> S3ErrorCode.EntityTooSmall;
            case UNSUPPORTED -> S3ErrorCode.NotImplemented;
            case INSUFFICIENT_STORAGE -> S3ErrorCode.InsufficientStorage;
            case THROTTLED -> S3ErrorCode.SlowDown;
            case UNAVAILABLE -> S3ErrorCode.ServiceUnavailable;
            case INTERNAL -> S3ErrorCode.InternalError;
        };
    }

    /** The S3 error for a storage failure, naming the bucket and key where S3 does. */
    public static S3Exception toS3(BlobStoreException e) {
        S3ErrorCode code = code(e.error());
        Map<String, String> details = new LinkedHashMap<>();
        switch (code) {
            case NoSuchBucket, BucketAlreadyOwnedByYou, BucketNotEmpty -> {
                if (e.bucket() != null) {
                    details.put("BucketName", e.bucket());
                }
            }
            case NoSuchKey -> {
                if (e.key() != null) {
                    details.put("Key", e.key());
                }
            }
            default -> {
            }
        }
        // The store's message may hold paths or SDK text: it stays in the log, the client gets S3's wording.
        return new S3Exception(code, null, details);
    }
}
