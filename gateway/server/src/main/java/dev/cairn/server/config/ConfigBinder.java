package dev.cairn.server.config;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.gateway.s3.route.BucketNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns raw sourced settings into a typed, validated {@link CairnConfig}. */
final class ConfigBinder {
    private final ConfigTable table;
    private final Map<String, Setting> settings;

    private ConfigBinder(ConfigTable table, Map<String, Setting> settings) {
        this.table = table;
        this.settings = settings;
    }

    /** @throws ConfigException naming the key and its source for the first bad value */
    static CairnConfig bind(ConfigTable table, Map<String, Setting> settings) {
        return new ConfigBinder(table, settings).bind();
    }

    private CairnConfig bind() {
        // parse every key first so a bad value anywhere fails, even in an unused backend's option
        for (String key : settings.keySet()) {
            value(key);
        }
        CairnConfig.Http http = new CairnConfig.Http(
                (String) value("http.host"),
                (Integer) value("http.port"),
                (Duration) value("http.idle-timeout"),
                maxHeaderSize(),
                (Duration) value("http.shutdown-timeout"),
                (Boolean) value("http.direct-writes"),
                (Boolean) value("http.native-reads"));
        String backend = (String) value("backend");
        if (!table.backends().has(backend)) {
            throw new ConfigException("backend", table.backends().unknownBackendMessage(backend) + " (from " + source("backend") + ")");
        }
        Map<String, String> backendSettings = new TreeMap<>();
        settings.forEach((key, s) -> {
            if (table.isBackendOption(key)) {
                backendSettings.put(key, s.value());
            }
        });
        CairnConfig.Storage storage = new CairnConfig.Storage(backend, (Path) value("data.dir"), backendSettings);
        long maxBody = (Long) value("oap.max-body");
        Long maxInflated = (Long) value("oap.max-inflated");
        CairnConfig.Oap oap = new CairnConfig.Oap(
                positive("oap.max-body", maxBody),
                (Integer) value("oap.max-inflate-ratio"),
                maxInflated == null ? maxBody : positive("oap.max-inflated", maxInflated),
                (Boolean) value("oap.open-writes"),
                (Boolean) value("oap.public-reads"),
                (String) value("oap.read-token"));
        CairnConfig.S3 s3 = new CairnConfig.S3(
                region(),
                (Boolean) value("s3.strict-region"),
                virtualHostDomain(),
                positive("s3.max-put-size", (Long) value("s3.max-put-size")),
                positiveDuration("s3.max-clock-skew"),
                (Path) value("s3.credentials-file"),
                inlineCredentials(),
                publicReadBuckets(),
                partSizes()[0],
                partSizes()[1],
                (Duration) value("s3.multipart-max-age"),
                positiveDuration("s3.multipart-sweep-interval"),
                (Duration) value("s3.complete-keepalive-after"),
                positiveDuration("s3.complete-keepalive-interval"));
        CairnConfig.Credentials credentials = new CairnConfig.Credentials(
                (String) value("access-key"), (String) value("secret-key"), (String) value("oap.write-token"));
        CairnConfig.Logging logging = new CairnConfig.Logging((String) value("log.level"), (Boolean) value("log.access"));
        return new CairnConfig(http, storage, oap, s3, credentials, logging, cache(),
                new ReplicationBinder(table, settings, this::value, this::bad).bind(storage), admission());
    }

    private CairnConfig.Admission admission() {
        double writeShare = (Double) value("admission.write-share");
        if (writeShare == 0) {
            throw bad("admission.write-share", "must be above 0% (writes would never be admitted)");
        }
        double highWater = (Double) value("admission.write-high-water");
        if (highWater == 0) {
            throw bad("admission.write-high-water", "must be above 0% (writes would never be admitted)");
        }
        Duration window = (Duration) value("admission.error-window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofSeconds(60)) > 0) {
            throw bad("admission.error-window", "must be between 1s and 60s");
        }
        Duration headerTimeout = (Duration) value("http.header-timeout");
        if (headerTimeout.isNegative()) {
            throw bad("http.header-timeout", "must not be negative");
        }
        long maxUri = (Long) value("http.max-uri-length");
        if (maxUri < 16 || maxUri > Integer.MAX_VALUE) {
            throw bad("http.max-uri-length", "must be between 16 bytes and 2GiB");
        }
        return new CairnConfig.Admission((Integer) value("admission.max-inflight"), (Integer) value("admission.max-rps"), writeShare,
                highWater, (Double) value("admission.error-rate"), window, headerTimeout, (Long) value("http.min-request-data-rate"),
                (int) maxUri);
    }

    private CairnConfig.Cache cache() {
        long maxBytes = (Long) value("cache.max-bytes");
        long chunk = (Long) value("cache.chunk-size");
        if (chunk < 1024 || chunk > 16L << 20) {
            throw bad("cache.chunk-size", "must be between 1KiB and 16MiB");
        }
        long fill = (Long) value("cache.fill-limit");
        if (maxBytes > 0 && fill > maxBytes / 4) {
            throw bad("cache.fill-limit", "must not exceed a quarter of cache.max-bytes (" + maxBytes / 4 + " bytes)");
        }
        return new CairnConfig.Cache(maxBytes, (int) chunk, (Duration) value("cache.metadata-ttl"), fill);
    }

    private long maxHeaderSize() {
        long size = (Long) value("http.max-header-size");
        // Jetty holds the header in one buffer sized by an int; below 1 KiB no real client gets through
        if (size < 1024 || size > 1L << 20) {
            throw bad("http.max-header-size", "must be between 1KiB and 1MiB");
        }
        return size;
    }

    private String region() {
        String region = ((String) value("s3.signing-region")).trim();
        // the region is part of every credential scope, which is '/'-separated
        if (!region.matches("[a-z0-9-]+")) {
            throw bad("s3.signing-region", "'" + region + "' is not a region name (lower-case letters, digits, '-')");
        }
        return region;
    }

    private String virtualHostDomain() {
        String domain = (String) value("s3.virtual-host-domain");
        if (domain == null || domain.isBlank()) {
            return null;
        }
        domain = domain.trim();
        if (!domain.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            throw bad("s3.virtual-host-domain", "'" + domain + "' is not a DNS name (no scheme, port or path)");
        }
        return domain;
    }

    /** {@code KEY:SECRET,KEY:SECRET}; messages name key ids (not secret) and never a secret. */
    private Map<String, String> inlineCredentials() {
        String key = "s3.credentials";
        String text = (String) value(key);
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null) {
            return pairs;
        }
        int n = 0;
        for (String item : text.split(",", -1)) {
            n++;
            String pair = item.trim();
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw bad(key, "pair " + n + " is not ACCESS_KEY_ID:SECRET");
            }
            String id = pair.substring(0, colon).trim();
            String secret = pair.substring(colon + 1).trim();
            String problem = AccessKeys.keyIdProblem(id);
            if (problem != null) {
                throw bad(key, "pair " + n + ": " + problem);
            }
            if (secret.isEmpty()) {
                throw bad(key, "access key id '" + id + "' has an empty secret");
            }
            if (pairs.putIfAbsent(id, secret) != null) {
                throw bad(key, "access key id '" + id + "' is given twice");
            }
        }
        return pairs;
    }

    private Set<String> publicReadBuckets() {
        String key = "s3.public-read-buckets";
        String text = (String) value(key);
        Set<String> buckets = new LinkedHashSet<>();
        if (text == null) {
            return buckets;
        }
        for (String item : text.split(",")) {
            String bucket = item.trim();
            if (bucket.isEmpty()) {
                continue;
            }
            String problem = BucketNames.problem(bucket);
            if (problem != null) {
                throw bad(key, "'" + bucket + "' is not a bucket name: " + problem);
            }
            buckets.add(bucket);
        }
        return buckets;
    }

    private Duration positiveDuration(String key) {
        Duration d = (Duration) value(key);
        if (d.isZero() || d.isNegative()) {
            throw bad(key, "must be longer than zero");
        }
        return d;
    }

    private long positive(String key, long value) {
        if (value < 1) {
            throw bad(key, "must be at least 1 byte");
        }
        return value;
    }

    /** The parsed value, or null when the key is unset. */
    private Object value(String key) {
        ConfigKey k = table.find(key);
        if (k == null) {
            throw new IllegalStateException("undeclared key " + key);
        }
        Setting s = settings.get(key);
        if (s == null) {
            return null;
        }
        try {
            return k.type().parse(s.value());
        } catch (IllegalArgumentException e) {
            // a secret's value must not reach the message: the parse error quotes it
            throw bad(key, k.secret() ? "invalid value" : e.getMessage());
        }
    }

    private String source(String key) {
        Setting s = settings.get(key);
        return s == null ? Setting.DEFAULT : s.source();
    }

    /** {min, max} multipart part sizes, checked against each other. */
    private long[] partSizes() {
        long min = (Long) value("s3.min-part-size");
        long max = positive("s3.max-part-size", (Long) value("s3.max-part-size"));
        if (min > max) {
            throw bad("s3.min-part-size", "must not exceed s3.max-part-size (" + max + " bytes)");
        }
        return new long[] {min, max};
    }

    private ConfigException bad(String key, String problem) {
        return new ConfigException(key, key + ": " + problem + " (from " + source(key) + ")");
    }
}
