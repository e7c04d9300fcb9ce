package dev.cairn.blob.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The S3 backend's settings, validated. {@code endpoint} null means AWS itself (the region's
 * endpoint); non-null means an S3-compatible server, which changes the checksum behaviour
 * (ADR 0012). The secret is held here only to build the client and is never printed:
 * {@link #toString()} redacts it.
 *
 * @param conditionalWrites {@code auto} (probe the target at start), {@code true} or {@code false}
 */
record S3Config(
        String bucket,
        String prefix,
        String region,
        URI endpoint,
        boolean pathStyle,
        String accessKeyId,
        String secretAccessKey,
        int maxConnections,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration apiCallTimeout,
        int maxAttempts,
        String conditionalWrites,
        Duration healthCacheTtl,
        Path spoolDir,
        long spoolMemoryThreshold) {

    boolean awsItself() {
        return endpoint == null;
    }

    boolean staticCredentials() {
        return accessKeyId != null;
    }

    @Override
    public String toString() {
        return "S3Config[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + ", credentials=" + (staticCredentials() ? "static " + accessKeyId + " / ****" : "default chain")
                + ", maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", apiCallTimeout=" + apiCallTimeout + ", maxAttempts=" + maxAttempts + ", conditionalWrites=" + conditionalWrites + "]";
    }
}
