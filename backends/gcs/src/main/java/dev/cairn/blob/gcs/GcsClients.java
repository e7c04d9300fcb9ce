package dev.cairn.blob.gcs;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import java.io.IOException;
import java.time.Duration;

/** Builds the JSON-API {@link Storage} client a {@link GcsConfig} describes. */
final class GcsClients {
    private GcsClients() {
    }

    /**
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when credentials are wanted and the
     *     application-default chain finds none
     */
    static Storage open(GcsConfig config) {
        StorageOptions.Builder b = StorageOptions.http();
        if (config.endpoint() != null) {
            b.setHost(config.endpoint());
        }
        if (config.anonymous()) {
            b.setCredentials(NoCredentials.getInstance());
            // The library wants a project even where nothing needs one (emulators).
            b.setProjectId(config.project() == null ? "cairn" : config.project());
        } else {
            try {
                b.setCredentials(GoogleCredentials.getApplicationDefault());
            } catch (IOException e) {
                throw new BlobStoreException(BlobError.UNAVAILABLE, GcsBlobStore.ID, null, null,
                        "no Google application-default credentials (set GOOGLE_APPLICATION_CREDENTIALS, run on GCP,"
                                + " or use gcs.credentials=none with an emulator): " + e.getMessage(), e);
            }
            if (config.project() != null) {
                b.setProjectId(config.project());
            }
        }
        b.setTransportOptions(HttpTransportOptions.newBuilder()
                .setConnectTimeout(millis(config.connectTimeout()))
                .setReadTimeout(millis(config.readTimeout()))
                .build());
        // Exponential backoff for what the library deems retryable (429, 5xx, connection resets on
        // idempotent calls); the total bound keeps a dead backend from holding requests for minutes.
        Duration perAttempt = config.connectTimeout().plus(config.readTimeout());
        b.setRetrySettings(RetrySettings.newBuilder()
                .setMaxAttempts(config.maxAttempts())
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(2))
                .setTotalTimeoutDuration(perAttempt.multipliedBy(config.maxAttempts()))
                .build());
        return b.build().getService();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
