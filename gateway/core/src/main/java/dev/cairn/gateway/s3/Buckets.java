package dev.cairn.gateway.s3;

import dev.cairn.blob.BlobKey;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.Map;

/** Which bucket names the S3 API may address. */
final class Buckets {
    private Buckets() {
    }

    /**
     * Refuses names that cannot exist in the S3 namespace: the internal buckets (a leading dot,
     * such as the OAP blob space) and anything the storage layer cannot name.
     *
     * @throws S3Exception NoSuchBucket
     */
    static void requireAddressable(String bucket) {
        boolean ok = !bucket.startsWith(".");
        if (ok) {
            try {
                BlobKey.requireValidBucket(bucket);
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
        }
    }
}
