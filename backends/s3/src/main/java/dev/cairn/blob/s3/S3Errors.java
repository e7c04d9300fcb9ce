package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one place that turns aws-sdk-java-v2 exceptions into {@link BlobError}s, so no SDK type
 * escapes the backend. A 404 without more detail (HEAD has no body) means "no such key" here;
 * callers that need to tell a missing gateway bucket apart check its marker.
 */
final class S3Errors {
    private S3Errors() {
    }

    /** The error for an SDK failure of a call about {@code bucket}/{@code key} (key may be null). */
    static BlobStoreException translate(SdkException e, String bucket, String key, String doing) {
        BlobError error = classify(e);
        String message = doing + ": " + summary(e);
        return new BlobStoreException(error, S3BlobStore.ID, bucket, key, message, e);
    }

    static BlobError classify(SdkException e) {
        if (e instanceof S3Exception s3) {
            return classifyService(s3.statusCode(), code(s3), s3.isThrottlingException());
        }
        if (e instanceof SdkClientException) {
            // connect refused, socket and call timeouts, a reset mid-body: the medium is unreachable
            return BlobError.UNAVAILABLE;
        }
        return e.retryable() ? BlobError.UNAVAILABLE : BlobError.INTERNAL;
    }

    static BlobError classifyService(int status, String code, boolean throttling) {
        if (throttling || status == 429 || "SlowDown".equals(code) || "Throttling".equals(code) || "RequestLimitExceeded".equals(code)) {
            return BlobError.THROTTLED;
        }
        switch (code) {
            case "NoSuchKey": return BlobError.NO_SUCH_KEY;
            case "NoSuchUpload": return BlobError.NO_SUCH_UPLOAD;
            // the backend bucket itself is gone or not ours: an operator problem, not the client's
            case "NoSuchBucket", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
                    "InvalidToken", "AllAccessDisabled", "PermanentRedirect", "AuthorizationHeaderMalformed":
                return BlobError.UNAVAILABLE;
            case "PreconditionFailed", "ConditionalRequestConflict": return BlobError.PRECONDITION_FAILED;
            case "InvalidRange": return BlobError.INVALID_RANGE;
            case "BadDigest", "InvalidDigest", "IncompleteBody", "XAmzContentSHA256Mismatch": return BlobError.BAD_DIGEST;
            case "InvalidPart": return BlobError.INVALID_PART;
            case "InvalidPartOrder": return BlobError.INVALID_PART_ORDER;
            case "EntityTooSmall": return BlobError.ENTITY_TOO_SMALL;
            case "KeyTooLongError", "MetadataTooLarge", "InvalidArgument", "EntityTooLarge", "InvalidRequest":
                return BlobError.INVALID_ARGUMENT;
            case "NotImplemented": return BlobError.UNSUPPORTED;
            default: break;
        }
        return switch (status) {
            case 404 -> BlobError.NO_SUCH_KEY;
            case 304 -> BlobError.NOT_MODIFIED;
            case 409, 412 -> BlobError.PRECONDITION_FAILED;
            case 416 -> BlobError.INVALID_RANGE;
            case 501 -> BlobError.UNSUPPORTED;
            case 401, 403 -> BlobError.UNAVAILABLE;
            default -> status >= 500 ? BlobError.UNAVAILABLE : BlobError.INTERNAL;
        };
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    /** Status and code, or the client failure's message: enough for an operator, nothing secret. */
    private static String summary(SdkException e) {
        if (e instanceof S3Exception s3) {
            return "backend answered " + s3.statusCode() + " " + code(s3);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
