package dev.cairn.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The server's whole configuration, immutable and validated. Built from, in increasing
 * precedence: built-in defaults, one file ({@code --config FILE} or {@code CAIRN_CONFIG}),
 * environment variables ({@code CAIRN_HTTP_PORT} for {@code http.port}) and command-line flags
 * ({@code --http.port=9000}). The keys are declared in {@link ConfigTable}.
 *
 * <p>{@link #toString()} of every part redacts secrets.
 */
public record CairnConfig(Http http, Storage storage, Oap oap, S3 s3, Credentials credentials, Logging logging, Cache cache,
        Replication replication, Admission admission) {

    /**
     * @param replication null when objects live in the one backend of {@code storage}; otherwise
     *     the replica set, and {@code storage} only gives the data directory
     */
    public CairnConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(oap, "oap");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(admission, "admission");
    }

    /**
     * Jetty settings. {@code port} 0 picks a free port; {@code directWrites} lets object bodies
     * bypass Jersey's entity stream (docs/adr/0019); {@code nativeReads} serves object GET/HEAD
     * from Jetty without Jersey (docs/adr/0020).
     */
    public record Http(String host, int port, Duration idleTimeout, long maxHeaderSize, Duration shutdownTimeout,
            boolean directWrites, boolean nativeReads) {
    }

    /**
     * The storage backend by name, the data directory, and every backend option's effective value
     * (dotted keys such as {@code memory.max-bytes}).
     */
    public record Storage(String backend, Path dataDir, Map<String, String> settings) {
        public Storage {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * The hot-chunk cache.
     *
     * @param maxBytes 0 disables it
     */
    public record Cache(long maxBytes, int chunkSize, Duration metadataTtl, long fillLimit) {
        public boolean enabled() {
            return maxBytes > 0;
        }
    }

    /**
     * A replica set: every object on every replica (ADR 0015), reads hedged (ADR 0016).
     *
     * @param replicas in preference order for reads; names unique
     * @param writePolicy {@code all} or {@code quorum}
     * @param hedgeBudget extra reads as a share of reads, 0 to 1
     * @param scrubRate bytes per second the scan's scrub reads back and verifies; 0 turns the scrub off
     */
    public record Replication(java.util.List<Replica> replicas, int rf, String writePolicy, Duration hedgeDelay, double hedgeBudget,
            long verifyBuffer, long repairRate, int repairWorkers, Duration scanInterval, long scrubRate) {
        public Replication {
            replicas = java.util.List.copyOf(replicas);
        }
    }

    /** One replica: its name (metric label) and its store. */
    public record Replica(String name, Storage storage) {
    }

    /**
     * OAP settings except the write token, which lives in {@link Credentials}.
     *
     * @param readToken may be null
     */
    public record Oap(long maxBody, int maxInflateRatio, long maxInflated, boolean openWrites, boolean publicReads, String readToken) {
        @Override
        public String toString() {
            return "Oap[maxBody=" + maxBody + ", maxInflateRatio=" + maxInflateRatio + ", maxInflated=" + maxInflated
                    + ", openWrites=" + openWrites + ", publicReads=" + publicReads + ", readToken=" + Redact.secret(readToken) + "]";
        }
    }

    /**
     * S3 API settings. The owner's key pair (configured or generated) lives in {@link Credentials};
     * these are the further pairs, still unread when they are in a file.
     *
     * @param virtualHostDomain null when only path-style requests are served
     * @param credentialsFile {@code s3.credentials-file}, read at start; null when unset
     * @param inlineCredentials {@code s3.credentials}: access key id to secret, in the given order
     * @param publicReadBuckets buckets anonymous callers may read
     */
    public record S3(String region, boolean strictRegion, String virtualHostDomain, long maxPutSize, Duration maxClockSkew,
            Path credentialsFile, Map<String, String> inlineCredentials, Set<String> publicReadBuckets, long minPartSize,
            long maxPartSize, Duration multipartMaxAge, Duration multipartSweepInterval, Duration completeKeepAliveAfter,
            Duration completeKeepAliveInterval) {
        public static final long DEFAULT_MIN_PART_SIZE = 5L << 20;
        public static final long DEFAULT_MAX_PART_SIZE = 5L << 30;
        public static final Duration DEFAULT_MULTIPART_MAX_AGE = Duration.ofDays(7);
        public static final Duration DEFAULT_MULTIPART_SWEEP_INTERVAL = Duration.ofHours(1);
        public static final Duration DEFAULT_COMPLETE_KEEPALIVE = Duration.ofSeconds(5);

        public S3 {
            if (minPartSize > maxPartSize) {
                throw new IllegalArgumentException("s3.min-part-size must not exceed s3.max-part-size");
            }
            if (multipartMaxAge.isNegative()) {
                throw new IllegalArgumentException("s3.multipart-max-age must not be negative");
            }
            if (multipartSweepInterval.isZero() || multipartSweepInterval.isNegative()) {
                throw new IllegalArgumentException("s3.multipart-sweep-interval must be longer than zero");
            }
            if (completeKeepAliveAfter.isNegative()) {
                throw new IllegalArgumentException("s3.complete-keepalive-after must not be negative");
            }
            if (completeKeepAliveInterval.isZero() || completeKeepAliveInterval.isNegative()) {
                throw new IllegalArgumentException("s3.complete-keepalive-interval must be longer than zero");
            }
            inlineCredentials = Collections.unmodifiableMap(new LinkedHashMap<>(inlineCredentials));
            publicReadBuckets = Collections.unmodifiableSet(new LinkedHashSet<>(publicReadBuckets));
        }

        /** No further key pairs and no public buckets. */
        public S3(String region, boolean strictRegion, String virtualHostDomain, long maxPutSize, Duration maxClockSkew) {
            this(region, strictRegion, virtualHostDomain, maxPutSize, maxClockSkew, null, Map.of(), Set.of(), DEFAULT_MIN_PART_SIZE,
                    DEFAULT_MAX_PART_SIZE, DEFAULT_MULTIPART_MAX_AGE, DEFAULT_MULTIPART_SWEEP_INTERVAL, DEFAULT_COMPLETE_KEEPALIVE,
                    DEFAULT_COMPLETE_KEEPALIVE);
        }

        /** Whether abandoned multipart uploads are swept ({@code s3.multipart-max-age} is not 0). */
        public boolean sweepsMultipart() {
            return !multipartMaxAge.isZero();
        }

        @Override
        public String toString() {
            return "S3[region=" + region + ", strictRegion=" + strictRegion + ", virtualHostDomain=" + virtualHostDomain
                    + ", maxPutSize=" + maxPutSize + ", maxClockSkew=" + maxClockSkew + ", minPartSize=" + minPartSize
                    + ", maxPartSize=" + maxPartSize + ", multipartMaxAge=" + multipartMaxAge
                    + ", multipartSweepInterval=" + multipartSweepInterval + ", completeKeepAliveAfter=" + completeKeepAliveAfter
                    + ", completeKeepAliveInterval=" + completeKeepAliveInterval + ", credentialsFile=" + credentialsFile
                    + ", inlineCredentials=" + inlineCredentials.keySet() + " (secrets redacted), publicReadBuckets="
                    + publicReadBuckets + "]";
        }
    }

    /** Configured credentials; any of them may be null, meaning "generate or load from the data directory". */
    public record Credentials(String accessKey, String secretKey, String oapWriteToken) {
        public boolean complete() {
            return accessKey != null && secretKey != null && oapWriteToken != null;
        }

        @Override
        public String toString() {
            return "Credentials[accessKey=" + Redact.secret(accessKey) + ", secretKey=" + Redact.secret(secretKey)
                    + ", oapWriteToken=" + Redact.secret(oapWriteToken) + "]";
        }
    }

    /**
     * What the gateway lets in (ADR 0017): request budgets and the connection limits that guard
     * against slow or oversized requests.
     *
     * @param maxInflight S3 and OAP requests served at once; 0 = unlimited
     * @param maxRps S3 and OAP requests started per second; 0 = unlimited
     * @param writeShare writes' share of both budgets, above 0 and at most 1
     * @param writeHighWater share of {@code maxInflight} in use at which writes are refused, above 0 and at most 1
     * @param errorRate share of requests ending in a backend 5xx that turns write readiness off
     * @param errorWindow the sliding window of {@code errorRate}, 1 to 60 seconds
     * @param headerTimeout longest time a request line and headers may take to arrive; zero disables it
     * @param minRequestDataRate slowest accepted request body in bytes per second; 0 disables it
     * @param maxUriLength longest request target in bytes
     */
    public record Admission(int maxInflight, int maxRps, double writeShare, double writeHighWater, double errorRate,
            Duration errorWindow, Duration headerTimeout, long minRequestDataRate, int maxUriLength) {
    }

    /** @param level error, warn, info, debug or trace; @param access whether to write the access log */
    public record Logging(String level, boolean access) {
    }

    /**
     * Defaults plus {@code dottedKeys}: no environment, no file, no flags. For tests and embedding.
     *
     * @throws ConfigException for an unknown key or a bad value
     */
    public static CairnConfig fromMap(Map<String, String> dottedKeys) {
        ConfigTable table = ConfigTable.create(BackendCatalog.discover());
        ConfigLayers layers = new ConfigLayers(table);
        layers.overlay(dottedKeys, k -> "setting " + k);
        return ConfigBinder.bind(table, layers.settings());
    }

    /**
     * Defaults &lt; config file &lt; environment &lt; flags.
     *
     * @param env the process environment; unknown {@code CAIRN_*} variables are ignored
     * @throws ConfigException for an unknown key in the file or flags, a bad value anywhere, or an
     *     unreadable file; the message names the key and its source
     */
    public static CairnConfig load(String[] args, Map<String, String> env) {
        ConfigTable table = ConfigTable.create(BackendCatalog.discover());
        return load(table, CommandLine.parse(args, table), env);
    }

    /** As {@link #load(String[], Map)}, with arguments already parsed against {@code table}. */
    public static CairnConfig load(ConfigTable table, CommandLine commandLine, Map<String, String> env) {
        ConfigLayers layers = new ConfigLayers(table);
        Path file = commandLine.configFile();
        String fileSource;
        if (file != null) {
            fileSource = "config file " + file;
        } else if (env.get("CAIRN_CONFIG") != null && !env.get("CAIRN_CONFIG").isBlank()) {
            file = Path.of(env.get("CAIRN_CONFIG"));
            fileSource = "config file " + file + " (from CAIRN_CONFIG)";
        } else {
            fileSource = null;
        }
        if (file != null) {
            String source = fileSource;
            layers.overlay(ConfigFile.read(file), k -> source);
        }
        layers.overlayEnvironment(env);
        layers.overlaySettings(commandLine.settings());
        return ConfigBinder.bind(table, layers.settings());
    }

    /** The environment-variable name of a key: {@code http.port} → {@code CAIRN_HTTP_PORT}. */
    public static String envName(String key) {
        return ConfigKey.envName(key);
    }
}
