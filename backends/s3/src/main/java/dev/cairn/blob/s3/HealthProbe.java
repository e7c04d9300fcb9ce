package dev.cairn.blob.s3;

import dev.cairn.blob.HealthReport;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;

/**
 * HEADs the backend bucket, reusing the answer for a short time so a readiness probe per second
 * does not become a request per second per probe. The detail names the failure class and status,
 * never credentials.
 */
final class HealthProbe {
    private final S3Client s3;
    private final String bucket;
    private final long ttlNanos;
    private volatile HealthReport last;
    private volatile long lastAt;

    HealthProbe(S3Client s3, String bucket, Duration ttl) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ttlNanos = ttl.toNanos();
    }

    HealthReport check() {
        HealthReport cached = last;
        long now = System.nanoTime();
        if (cached != null && now - lastAt < ttlNanos) {
            return cached;
        }
        HealthReport fresh;
        try {
            // one bounded attempt: a probe must answer quickly even when the backend hangs
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket)
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(3))).build());
            fresh = HealthReport.ok();
        } catch (SdkException e) {
            String why = S3Errors.translate(e, null, null, "HEAD backend bucket " + bucket).getMessage();
            fresh = new HealthReport(false, false, "s3 backend unreachable: " + why);
        }
        last = fresh;
        lastAt = System.nanoTime();
        return fresh;
    }
}
