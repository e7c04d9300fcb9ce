package dev.cairn.blob.gcs;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one GCS store, validated.
 *
 * @param bucket the one GCS bucket every gateway bucket lives in
 * @param prefix prepended to every object name ("" or ending in {@code /})
 * @param endpoint the JSON API root, e.g. {@code http://127.0.0.1:4443} for an emulator; null for Google
 * @param project the project id, or null to let the client library find it
 * @param anonymous true to send no credentials (emulators); false for the application-default chain
 * @param connectTimeout TCP connect timeout of each request
 * @param readTimeout socket read timeout of each request
 * @param maxAttempts attempts per retryable request (1 = no retries)
 * @param uploadBuffer bodies up to this size are verified in memory and sent in one request
 * @param chunkSize resumable-upload chunk size for larger bodies (a multiple of 256 KiB)
 * @param healthTtl how long one bucket probe answers {@code health()}
 */
record GcsConfig(String bucket, String prefix, String endpoint, String project, boolean anonymous, Duration connectTimeout,
        Duration readTimeout, int maxAttempts, int uploadBuffer, int chunkSize, Duration healthTtl) {
    GcsConfig {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }
}
