package dev.cairn.gateway.s3;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.s3.chunked.AwsChunkedMode;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.S3Operation;

/**
 * S3 takes trailing headers (a checksum sent after an aws-chunked body) on PutObject and
 * UploadPart only. Checked once for every routed request, before any handler runs and whether or
 * not the handler would read a body, so no operation added later (CompleteMultipartUpload,
 * DeleteObjects' body, CreateBucket's configuration) can accept a trailer it never verifies.
 */
final class TrailerPolicy {
    private static final String TRAILER = "x-amz-trailer";
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private TrailerPolicy() {
    }

    /**
     * @throws S3Exception InvalidRequest (400) when {@code operation} is neither PutObject nor
     *     UploadPart and the request announces a trailer ({@code x-amz-trailer}) or uses a
     *     {@code -TRAILER} {@code x-amz-content-sha256}
     */
    static void check(S3Operation operation, Headers headers) {
        if (operation == S3Operation.PUT_OBJECT || operation == S3Operation.UPLOAD_PART) {
            return;
        }
        if (headers.has(TRAILER) || trailerMode(headers.first(CONTENT_SHA256))) {
            throw new S3Exception(S3ErrorCode.InvalidRequest,
                    "Trailing headers (x-amz-trailer) are only supported on PutObject and UploadPart.");
        }
    }

    private static boolean trailerMode(String contentSha256) {
        AwsChunkedMode mode = contentSha256 == null ? null : AwsChunkedMode.forContentSha256(contentSha256.trim());
        return mode != null && mode.hasTrailer();
    }
}
