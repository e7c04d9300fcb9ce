package dev.cairn.blob.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The translation table of {@link S3Errors}, for answers the emulators never give (throttling, auth). */
class S3ErrorsTest {
    private static BlobError of(int status, String code) {
        return S3Errors.classify((S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build());
    }

    @Test
    void throttlingIsThrottled() {
        assertEquals(BlobError.THROTTLED, of(503, "SlowDown"));
        assertEquals(BlobError.THROTTLED, of(429, "TooManyRequests"));
        assertEquals(BlobError.THROTTLED, of(400, "RequestLimitExceeded"));
    }

    @Test
    void unreachableOrMisconfiguredBackendIsUnavailable() {
        assertEquals(BlobError.UNAVAILABLE, S3Errors.classify(SdkClientException.create("connect", new ConnectException("refused"))));
        assertEquals(BlobError.UNAVAILABLE, S3Errors.classify(ApiCallTimeoutException.create(1000)));
        assertEquals(BlobError.UNAVAILABLE, of(500, "InternalError"));
        assertEquals(BlobError.UNAVAILABLE, of(503, "ServiceUnavailable"));
        // the backend bucket or our credentials are wrong: an operator problem, never the client's 403/404
        assertEquals(BlobError.UNAVAILABLE, of(403, "AccessDenied"));
        assertEquals(BlobError.UNAVAILABLE, of(403, "SignatureDoesNotMatch"));
        assertEquals(BlobError.UNAVAILABLE, of(404, "NoSuchBucket"));
    }

    @Test
    void clientVisibleOutcomesKeepTheirMeaning() {
        assertEquals(BlobError.NO_SUCH_KEY, of(404, "NoSuchKey"));
        assertEquals(BlobError.NO_SUCH_KEY, of(404, ""));
        assertEquals(BlobError.NO_SUCH_UPLOAD, of(404, "NoSuchUpload"));
        assertEquals(BlobError.PRECONDITION_FAILED, of(412, "PreconditionFailed"));
        assertEquals(BlobError.PRECONDITION_FAILED, of(409, "ConditionalRequestConflict"));
        assertEquals(BlobError.NOT_MODIFIED, of(304, ""));
        assertEquals(BlobError.INVALID_RANGE, of(416, "InvalidRange"));
        assertEquals(BlobError.BAD_DIGEST, of(400, "BadDigest"));
        assertEquals(BlobError.INVALID_ARGUMENT, of(400, "KeyTooLongError"));
        assertEquals(BlobError.INVALID_PART, of(400, "InvalidPart"));
        assertEquals(BlobError.ENTITY_TOO_SMALL, of(400, "EntityTooSmall"));
        assertEquals(BlobError.UNSUPPORTED, of(501, "NotImplemented"));
        assertEquals(BlobError.INTERNAL, of(400, "SomethingNew"));
    }
}
