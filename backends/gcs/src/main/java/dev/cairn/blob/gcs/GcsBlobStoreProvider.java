package dev.cairn.blob.gcs;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BlobStoreProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The Google Cloud Storage backend, {@code backend: gcs}. Every gateway bucket is the prefix
 * {@code <gcs.prefix><bucket>/} of one configured GCS bucket (docs/backends.md, ADR 0013).
 *
 * <p>Settings ({@code CAIRN_GCS_*} in the environment): {@value #BUCKET} (required),
 * {@value #PREFIX}, {@value #ENDPOINT}, {@value #PROJECT}, {@value #CREDENTIALS} ({@code default}:
 * the Google application-default chain; {@code none}: no credentials, only with an endpoint, for
 * emulators), {@value #CONNECT_TIMEOUT}, {@value #READ_TIMEOUT}, {@value #MAX_ATTEMPTS},
 * {@value #UPLOAD_BUFFER}, {@value #CHUNK_SIZE}, {@value #HEALTH_TTL}.
 */
public final class GcsBlobStoreProvider implements BlobStoreProvider {
    public static final String NAME = "gcs";
    public static final String BUCKET = "gcs.bucket";
    public static final String PREFIX = "gcs.prefix";
    public static final String ENDPOINT = "gcs.endpoint";
    public static final String PROJECT = "gcs.project";
    public static final String CREDENTIALS = "gcs.credentials";
    public static final String CONNECT_TIMEOUT = "gcs.connect-timeout";
    public static final String READ_TIMEOUT = "gcs.read-timeout";
    public static final String MAX_ATTEMPTS = "gcs.max-attempts";
    public static final String UPLOAD_BUFFER = "gcs.upload-buffer";
    public static final String CHUNK_SIZE = "gcs.chunk-size";
    public static final String HEALTH_TTL = "gcs.health-ttl";

    private static final int QUARTER_MIB = 256 * 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BackendSettings.Option> options() {
        return List.of(
                new BackendSettings.Option(BUCKET, "", "the GCS bucket holding every gateway bucket (required)"),
                new BackendSettings.Option(PREFIX, "", "object-name prefix inside the GCS bucket, e.g. cairn/"),
                new BackendSettings.Option(ENDPOINT, "", "JSON API endpoint (empty: Google); e.g. http://127.0.0.1:4443 for an emulator"),
                new BackendSettings.Option(PROJECT, "", "project id (empty: from the credentials or environment)"),
                new BackendSettings.Option(CREDENTIALS, "default", "default (Google application-default chain) or none (emulators; needs an endpoint)"),
                new BackendSettings.Option(CONNECT_TIMEOUT, "5s", "connect timeout of each GCS request"),
                new BackendSettings.Option(READ_TIMEOUT, "30s", "read timeout of each GCS request"),
                new BackendSettings.Option(MAX_ATTEMPTS, "4", "attempts per retryable GCS request, with exponential backoff"),
                new BackendSettings.Option(UPLOAD_BUFFER, "4MiB", "bodies up to this size are verified in memory and sent in one request"),
                new BackendSettings.Option(CHUNK_SIZE, "8MiB", "resumable upload chunk size for larger bodies (multiple of 256KiB)"),
                new BackendSettings.Option(HEALTH_TTL, "2s", "how long one bucket probe answers the readiness check"));
    }

    /**
     * Opens the store. The GCS bucket is not contacted here, so a gateway starts while GCS is
     * unreachable and reports not-ready until it answers.
     *
     * @throws IllegalArgumentException naming the setting, when a setting is invalid or missing
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when no credentials can be found
     */
    @Override
    public BlobStore open(BackendSettings settings) {
        GcsConfig config = config(settings);
        return new GcsBlobStore(config, GcsClients.open(config));
    }

    static GcsConfig config(BackendSettings settings) {
        String bucket = settings.string(BUCKET, "");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException(BUCKET + " is required for backend gcs (CAIRN_GCS_BUCKET)");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")) {
            throw new IllegalArgumentException(BUCKET + ": '" + bucket + "' is not a GCS bucket name");
        }
        String prefix = settings.string(PREFIX, "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException(PREFIX + ": '" + prefix + "' must end with '/'");
        }
        if (prefix.startsWith("/") || prefix.contains("\r") || prefix.contains("\n") || GcsNames.utf8Length(prefix) > 512) {
            throw new IllegalArgumentException(PREFIX + ": must not start with '/', hold line breaks or exceed 512 bytes");
        }
        String endpoint = settings.string(ENDPOINT, "");
        if (!endpoint.isEmpty()) {
            try {
                URI uri = URI.create(endpoint);
                if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENDPOINT + ": '" + endpoint + "' " + e.getMessage(), e);
            }
        }
        String credentials = settings.string(CREDENTIALS, "default").toLowerCase(Locale.ROOT);
        if (!credentials.equals("default") && !credentials.equals("none")) {
            throw new IllegalArgumentException(CREDENTIALS + ": '" + credentials + "' is not default or none");
        }
        if (credentials.equals("none") && endpoint.isEmpty()) {
            throw new IllegalArgumentException(CREDENTIALS + ": none is only for emulators; set " + ENDPOINT);
        }
        int maxAttempts = intSetting(settings, MAX_ATTEMPTS, "4", 1, 20);
        long uploadBuffer = settings.size(UPLOAD_BUFFER, "4MiB");
        if (uploadBuffer < 0 || uploadBuffer > 64L << 20) {
            throw new IllegalArgumentException(UPLOAD_BUFFER + ": must be 0 to 64MiB");
        }
        long chunk = settings.size(CHUNK_SIZE, "8MiB");
        if (chunk < QUARTER_MIB || chunk > 256L << 20 || chunk % QUARTER_MIB != 0) {
            throw new IllegalArgumentException(CHUNK_SIZE + ": must be a multiple of 256KiB up to 256MiB");
        }
        String project = settings.string(PROJECT, "");
        return new GcsConfig(bucket, prefix, endpoint.isEmpty() ? null : endpoint, project.isEmpty() ? null : project,
                credentials.equals("none"), duration(settings, CONNECT_TIMEOUT, "5s"), duration(settings, READ_TIMEOUT, "30s"),
                maxAttempts, (int) uploadBuffer, (int) chunk, duration(settings, HEALTH_TTL, "2s"));
    }

    private static int intSetting(BackendSettings settings, String key, String def, int min, int max) {
        String v = settings.string(key, def);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(key + ": must be " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number", e);
        }
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}: the same forms as the gateway's own durations. */
    static Duration duration(BackendSettings settings, String key, String def) {
        String v = settings.string(key, def).toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not a duration (try 500ms, 5s, 1m)");
    }
}
