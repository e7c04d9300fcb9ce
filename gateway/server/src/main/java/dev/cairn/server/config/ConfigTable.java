package dev.cairn.server.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key the server understands: the built-in ones declared here plus the
 * options of each storage backend on the class path. The single source of truth for defaults,
 * environment variable names, {@code --help} and validation.
 */
public final class ConfigTable {

    /** The built-in keys, in the order {@code --help} shows them. */
    static final List<ConfigKey> BUILT_IN = List.of(
            ConfigKey.of("http.host", "0.0.0.0", ValueType.STRING, "Address to listen on."),
            ConfigKey.of("http.port", "8080", ValueType.PORT, "TCP port to listen on; 0 picks a free port."),
            ConfigKey.of("http.idle-timeout", "30s", ValueType.DURATION, "Close connections idle for this long."),
            ConfigKey.of("http.max-header-size", "16KiB", ValueType.SIZE,
                    "Largest request line plus headers; larger requests get 431."),
            ConfigKey.of("http.shutdown-timeout", "10s", ValueType.DURATION,
                    "On shutdown, how long in-flight requests may take to finish."),
            ConfigKey.of("http.header-timeout", "10s", ValueType.DURATION,
                    "Close a connection whose request line and headers take longer than this to arrive (slow-loris"
                            + " defence); 0 disables it."),
            ConfigKey.of("http.min-request-data-rate", "256", ValueType.SIZE,
                    "Slowest accepted request body, in bytes per second averaged over the request; slower gets 408."
                            + " 0 disables it."),
            ConfigKey.of("http.max-uri-length", "8KiB", ValueType.SIZE,
                    "Longest request target (path and query); longer gets 414."),
            ConfigKey.of("http.direct-writes", "true", ValueType.BOOLEAN,
                    "Write object bodies from local files and the chunk cache straight to Jetty as buffers, sparing"
                            + " two copies per byte (false: through Jersey's stream)."),
            ConfigKey.of("http.native-reads", "true", ValueType.BOOLEAN,
                    "Serve GET and HEAD of OAP and S3 objects from Jetty directly, skipping Jersey's per-request"
                            + " work (false: every request through Jersey)."),
            ConfigKey.of("admission.max-inflight", "1024", ValueType.COUNT,
                    "Most S3 and OAP requests served at once (reads and writes together); more get 503 SlowDown (S3)"
                            + " or 429 (OAP). 0 = unlimited.").withEnvAlias("CAIRN_MAX_INFLIGHT"),
            ConfigKey.of("admission.max-rps", "0", ValueType.COUNT,
                    "Most S3 and OAP requests started per second (token bucket, one second of burst). 0 = unlimited.")
                    .withEnvAlias("CAIRN_MAX_RPS"),
            ConfigKey.of("admission.write-share", "50%", ValueType.PERCENT,
                    "Writes' budget as a share of admission.max-inflight and admission.max-rps; reads may use all of both."),
            ConfigKey.of("admission.write-high-water", "90%", ValueType.PERCENT,
                    "Writes are refused once this share of admission.max-inflight is in use; reads keep the rest."),
            ConfigKey.of("admission.error-rate", "25%", ValueType.PERCENT,
                    "/readyz reports writes not ready while this share of S3/OAP requests in admission.error-window"
                            + " end in a 5xx from the backend (at least 20 requests)."),
            ConfigKey.of("admission.error-window", "10s", ValueType.DURATION,
                    "Sliding window for admission.error-rate (1s to 60s)."),
            ConfigKey.of("backend", "local", ValueType.STRING, "Storage backend (see the backend options below)."),
            ConfigKey.of("data.dir", "./data", ValueType.PATH,
                    "Directory for the local backend's objects and for credentials.properties."),
            ConfigKey.secret("access-key", "S3 access key id; generated on first start when unset."),
            ConfigKey.secret("secret-key", "S3 secret access key; generated on first start when unset."),
            ConfigKey.secret("oap.write-token", "Bearer token for OAP writes; generated on first start when unset."),
            ConfigKey.secret("oap.read-token", "Optional bearer token for OAP reads when oap.public-reads=false."),
            ConfigKey.of("oap.max-body", "1MiB", ValueType.SIZE, "Largest OAP body, before and after decompression."),
            ConfigKey.of("oap.max-inflate-ratio", "10", ValueType.POSITIVE_INT,
                    "Stop decompressing once output exceeds this many times the compressed input."),
            ConfigKey.of("oap.max-inflated", null, ValueType.SIZE,
                    "Absolute cap on decompressed OAP bytes (default: oap.max-body)."),
            ConfigKey.of("oap.open-writes", "false", ValueType.BOOLEAN, "Accept OAP writes without a token."),
            ConfigKey.of("oap.public-reads", "true", ValueType.BOOLEAN,
                    "Serve OAP reads without a token (the address is the capability)."),
            ConfigKey.of("s3.signing-region", "us-east-1", ValueType.STRING,
                    "Region the S3 API reports and signs for (GetBucketLocation, x-amz-bucket-region)."),
            ConfigKey.of("s3.strict-region", "false", ValueType.BOOLEAN,
                    "Reject signatures scoped to a region other than s3.signing-region."),
            ConfigKey.of("s3.virtual-host-domain", null, ValueType.STRING,
                    "Domain for virtual-hosted-style requests (bucket.DOMAIN); unset serves path-style only."),
            ConfigKey.of("s3.max-put-size", "5GiB", ValueType.SIZE, "Largest single PutObject body."),
            ConfigKey.of("s3.min-part-size", "5MiB", ValueType.SIZE,
                    "Smallest multipart part other than the last (EntityTooSmall below it)."),
            ConfigKey.of("s3.max-part-size", "5GiB", ValueType.SIZE, "Largest multipart part (UploadPart body)."),
            ConfigKey.of("s3.multipart-max-age", "7d", ValueType.DURATION,
                    "Abort multipart uploads started longer ago than this (abandoned uploads); 0 disables the sweeper."),
            ConfigKey.of("s3.multipart-sweep-interval", "1h", ValueType.DURATION,
                    "How often the sweeper looks for multipart uploads older than s3.multipart-max-age."),
            ConfigKey.of("s3.complete-keepalive-after", "5s", ValueType.DURATION,
                    "A CompleteMultipartUpload still running after this is answered 200 at once and kept alive with"
                            + " whitespace (errors then come as <Error> in the 200 body); 0 always waits for the result."),
            ConfigKey.of("s3.complete-keepalive-interval", "5s", ValueType.DURATION,
                    "Time between two keep-alive spaces; keep it below http.idle-timeout and the clients' read timeouts."),
            ConfigKey.of("s3.max-clock-skew", "15m", ValueType.DURATION,
                    "How far a signed request's time may differ from the server clock."),
            ConfigKey.of("s3.credentials-file", null, ValueType.PATH,
                    "File of further S3 key pairs, one 'ACCESS_KEY_ID = SECRET' per line; keep it mode 0600."),
            ConfigKey.secret("s3.credentials",
                    "Further S3 key pairs inline: ACCESS_KEY_ID:SECRET,ACCESS_KEY_ID:SECRET (for environments without files)."),
            ConfigKey.of("s3.public-read-buckets", null, ValueType.STRING,
                    "Comma-separated buckets anyone may read without signing (objects, HEAD and listings)."),
            ConfigKey.of("cache.max-bytes", "256MiB", ValueType.SIZE,
                    "Memory for the hot-chunk cache (chunks of verified object bytes); 0 disables it."),
            ConfigKey.of("cache.chunk-size", "64KiB", ValueType.SIZE, "Length of one cached chunk (1KiB to 16MiB)."),
            ConfigKey.of("cache.metadata-ttl", "0", ValueType.DURATION,
                    "How long an S3 object's identity may be reused without asking the backend; 0 asks on every read"
                            + " (always fresh). Above 0, writes by other nodes show after at most this long."),
            ConfigKey.of("cache.fill-limit", "8MiB", ValueType.SIZE,
                    "Largest object loaded whole into the cache on a read miss or a write (at most cache.max-bytes/4)."),
            ConfigKey.of("replication.replicas", null, ValueType.STRING,
                    "Comma-separated replicas: directories (local replicas) or names configured under replica.NAME.*;"
                            + " unset, one backend and no replication.").withEnvAlias("CAIRN_REPLICAS"),
            ConfigKey.of("replication.rf", null, ValueType.POSITIVE_INT,
                    "Replication factor (rf_target): copies every object keeps; default the number of replicas.")
                    .withEnvAlias("CAIRN_RF"),
            ConfigKey.of("replication.write-policy", "all", ValueType.WRITE_POLICY,
                    "all: a write succeeds once every replica has it; quorum: once a majority has it, the rest are"
                            + " repaired in the background.").withEnvAlias("CAIRN_WRITE_POLICY"),
            ConfigKey.of("replication.hedge-delay", "30ms", ValueType.DURATION,
                    "Ask the next replica when a read has not been answered this long.").withEnvAlias("CAIRN_HEDGE_DELAY"),
            ConfigKey.of("replication.hedge-budget", "10%", ValueType.PERCENT,
                    "Most extra (hedged) backend reads, as a share of reads."),
            ConfigKey.of("replication.verify-buffer", "8MiB", ValueType.SIZE,
                    "Whole-object reads up to this size are verified (BLAKE3) before the first byte is sent, so a corrupt"
                            + " replica is answered from another; larger ones are verified as they stream."),
            ConfigKey.of("replication.repair-rate", "50MiB", ValueType.SIZE,
                    "Bytes per second each repair worker may copy.").withEnvAlias("CAIRN_REPAIR_RATE"),
            ConfigKey.of("replication.repair-workers", "1", ValueType.POSITIVE_INT, "Repair workers."),
            ConfigKey.of("replication.scan-interval", "1h", ValueType.DURATION,
                    "Time between two anti-entropy scans (compare every replica, queue repairs); 0 disables the scan."),
            ConfigKey.of("replication.scrub-rate", "10MiB", ValueType.SIZE,
                    "Bytes per second each scan reads back from the replicas to check them against the stored BLAKE3"
                            + " (finds bit rot on copies reads never reach); 0 disables the scrub, the listing comparison still runs."),
            ConfigKey.of("log.level", "info", ValueType.LOG_LEVEL, "Log level of the server's own loggers."),
            ConfigKey.of("log.access", "true", ValueType.BOOLEAN, "Write one access-log line per request (logger cairn.access)."));

    private final Map<String, ConfigKey> keys;
    private final BackendCatalog backends;

    private ConfigTable(Map<String, ConfigKey> keys, BackendCatalog backends) {
        this.keys = Collections.unmodifiableMap(keys);
        this.backends = backends;
    }

    /**
     * The built-in keys plus every backend's options.
     *
     * @throws IllegalStateException when a backend option collides with another key (a packaging bug)
     */
    public static ConfigTable create(BackendCatalog backends) {
        Map<String, ConfigKey> all = new LinkedHashMap<>();
        List<ConfigKey> declared = new ArrayList<>(BUILT_IN);
        declared.addAll(backends.optionKeys());
        for (ConfigKey k : declared) {
            if (all.putIfAbsent(k.key(), k) != null) {
                throw new IllegalStateException("configuration key declared twice: " + k.key());
            }
        }
        return new ConfigTable(all, backends);
    }

    /**
     * The key, or null when unknown. Besides the declared keys this knows every
     * {@code replica.NAME.KEY} where KEY describes one store: {@code backend}, {@code data.dir} or
     * a backend option. (A replica is one store; nested replica sets are not supported.)
     */
    public ConfigKey find(String key) {
        ConfigKey k = keys.get(key);
        if (k != null || !key.startsWith(ReplicaKeys.PREFIX)) {
            return k;
        }
        String[] nameAndRest = ReplicaKeys.split(key);
        if (nameAndRest == null) {
            return null;
        }
        ConfigKey inner = find(nameAndRest[1]);
        if (inner == null || !isStorageKey(inner.key())) {
            return null;
        }
        return inner.renamed(key, inner.description() + " (replica " + nameAndRest[0] + ")");
    }

    /** Keys that describe one store: a replica may set each of them, and every backend option, for itself. */
    static final java.util.Set<String> STORAGE_KEYS = java.util.Set.of("backend", "data.dir");

    private boolean isStorageKey(String key) {
        return STORAGE_KEYS.contains(key) || isBackendOption(key);
    }

    public Collection<ConfigKey> keys() {
        return keys.values();
    }

    public BackendCatalog backends() {
        return backends;
    }

    /** True for keys contributed by a storage backend. */
    boolean isBackendOption(String key) {
        return keys.containsKey(key) && !BUILT_IN.contains(keys.get(key));
    }
}
