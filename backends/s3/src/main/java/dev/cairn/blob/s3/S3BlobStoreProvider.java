package dev.cairn.blob.s3;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BlobStoreProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The AWS S3 backend, {@code backend: s3}: every gateway bucket is a prefix of one backend bucket
 * (docs/backends.md, ADR 0012). Works against AWS and S3-compatible servers (LocalStack,
 * S3Proxy, MinIO ...) through {@value #ENDPOINT}.
 *
 * <p>Credentials come from the AWS default chain (environment, profile, container or instance
 * role) unless both {@value #ACCESS_KEY_ID} and {@value #SECRET_ACCESS_KEY} are set.
 */
public final class S3BlobStoreProvider implements BlobStoreProvider {
    public static final String NAME = "s3";
    public static final String BUCKET = "s3.bucket";
    public static final String PREFIX = "s3.prefix";
    public static final String REGION = "s3.region";
    public static final String ENDPOINT = "s3.endpoint";
    public static final String PATH_STYLE = "s3.path-style";
    public static final String ACCESS_KEY_ID = "s3.access-key-id";
    public static final String SECRET_ACCESS_KEY = "s3.secret-access-key";
    public static final String MAX_CONNECTIONS = "s3.max-connections";
    public static final String CONNECT_TIMEOUT = "s3.connect-timeout";
    public static final String SOCKET_TIMEOUT = "s3.socket-timeout";
    public static final String CALL_TIMEOUT = "s3.call-timeout";
    public static final String MAX_ATTEMPTS = "s3.max-attempts";
    public static final String CONDITIONAL_WRITES = "s3.conditional-writes";
    public static final String HEALTH_CACHE = "s3.health-cache";
    public static final String SPOOL_DIR = "s3.spool-dir";
    public static final String SPOOL_MEMORY = "s3.spool-memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BackendSettings.Option> options() {
        return List.of(
                new BackendSettings.Option(BUCKET, "", "backend bucket holding every gateway bucket (required)"),
                new BackendSettings.Option(PREFIX, "", "key prefix inside the backend bucket, e.g. cairn/ (empty: the bucket root)"),
                new BackendSettings.Option(REGION, "us-east-1", "region of the backend bucket"),
                new BackendSettings.Option(ENDPOINT, "", "endpoint of an S3-compatible server, e.g. http://127.0.0.1:4566 (empty: AWS)"),
                new BackendSettings.Option(PATH_STYLE, "false", "address the bucket in the path instead of the host name"),
                new BackendSettings.Option(ACCESS_KEY_ID, "", "static access key id (empty: the AWS default credentials chain)"),
                new BackendSettings.Option(SECRET_ACCESS_KEY, "", "static secret access key; never logged"),
                new BackendSettings.Option(MAX_CONNECTIONS, "64", "HTTP connection pool size"),
                new BackendSettings.Option(CONNECT_TIMEOUT, "2s", "TCP connect timeout"),
                new BackendSettings.Option(SOCKET_TIMEOUT, "30s", "longest wait for bytes on an open connection"),
                new BackendSettings.Option(CALL_TIMEOUT, "0", "longest time for one call including retries, e.g. 2m (0: none, bodies may be large)"),
                new BackendSettings.Option(MAX_ATTEMPTS, "4", "attempts per call, with backoff on throttling and 5xx (1: no retries)"),
                new BackendSettings.Option(CONDITIONAL_WRITES, "auto",
                        "If-None-Match/If-Match on PUT: auto (probe the target at start), true or false"),
                new BackendSettings.Option(HEALTH_CACHE, "2s", "how long a backend health probe result is reused"),
                new BackendSettings.Option(SPOOL_DIR, "", "directory for bodies being verified before upload (empty: <data dir>/s3-spool)"),
                new BackendSettings.Option(SPOOL_MEMORY, "1MiB", "bodies up to this size are verified in memory instead of on disk"));
    }

    /**
     * Opens the store. It does not fail when the backend is unreachable (the gateway then starts
     * not-ready), but a conditional-write probe that cannot run leaves the capabilities off.
     *
     * @throws IllegalArgumentException naming the setting, when a setting is invalid
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when the spool directory cannot be created
     */
    @Override
    public BlobStore open(BackendSettings settings) {
        return S3BlobStore.open(config(settings));
    }

    static S3Config config(BackendSettings s) {
        String bucket = s.string(BUCKET, "");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException(BUCKET + ": required for backend s3 (CAIRN_S3_BUCKET)");
        }
        String prefix = s.string(PREFIX, "");
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException(PREFIX + ": '" + prefix + "' must not start with '/'");
        }
        String region = s.string(REGION, "us-east-1");
        if (!region.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException(REGION + ": '" + region + "' is not a region name");
        }
        URI endpoint = endpoint(s.string(ENDPOINT, ""));
        String keyId = s.string(ACCESS_KEY_ID, null);
        String secret = s.string(SECRET_ACCESS_KEY, null);
        if ((keyId == null) != (secret == null)) {
            throw new IllegalArgumentException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ": set both or neither");
        }
        String conditional = s.string(CONDITIONAL_WRITES, "auto").toLowerCase(Locale.ROOT);
        if (!List.of("auto", "true", "false").contains(conditional)) {
            throw new IllegalArgumentException(CONDITIONAL_WRITES + ": '" + conditional + "' is not auto, true or false");
        }
        String spool = s.string(SPOOL_DIR, "");
        return new S3Config(bucket, prefix, region, endpoint, s.bool(PATH_STYLE, false), keyId, secret,
                positive(s, MAX_CONNECTIONS, "64"),
                duration(s, CONNECT_TIMEOUT, "2s"), duration(s, SOCKET_TIMEOUT, "30s"), duration(s, CALL_TIMEOUT, "0"),
                positive(s, MAX_ATTEMPTS, "4"), conditional, duration(s, HEALTH_CACHE, "2s"),
                spool.isEmpty() ? s.dataDir().resolve("s3-spool") : Path.of(spool),
                s.size(SPOOL_MEMORY, "1MiB"));
    }

    private static URI endpoint(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(ENDPOINT + ": '" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ENDPOINT + ": '" + text + "' is not a URL", e);
        }
    }

    private static int positive(BackendSettings s, String key, String def) {
        String v = s.string(key, def);
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new IllegalArgumentException(key + ": must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number", e);
        }
    }

    /** {@code 250ms}, {@code 30s}, {@code 2m}, or {@code 0}. */
    static Duration duration(BackendSettings s, String key, String def) {
        String v = s.string(key, def).toLowerCase(Locale.ROOT);
        try {
            if (v.equals("0")) {
                return Duration.ZERO;
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a duration such as 250ms, 30s or 2m", e);
        }
    }
}
