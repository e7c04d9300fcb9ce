package dev.cairn.perf.gatling;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The {@code -Dcairn.perf.*} contract between the orchestrator and the simulations, read and
 * checked once. Every mistake is an {@link IllegalArgumentException} naming the property, thrown
 * before any load is sent.
 */
final class PerfConfig {
    /** The API under test. */
    enum Api { S3, OAP }

    /** Open model (arrivals per second, one request per user) or closed model (looping users). */
    enum LoadMode { RATE, CONCURRENCY }

    final URI target;
    final Api api;
    final Path seed;
    final Path out;
    final LoadMode mode;
    final double loadValue;
    final int durationSeconds;
    final int warmupSeconds;
    final String bucket;
    final String accessKey;
    final String secretKey;
    final String region;
    final String oapToken;
    final long s3MaxPutSize;
    final int slowClients;
    final int progressSeconds;
    final long randomSeed;

    private final UnaryOperator<String> props;

    /**
     * @param props the property lookup ({@code System::getProperty} in a run)
     * @param defaultProgressSeconds seconds between progress lines when {@code cairn.perf.progress} is unset (0 = none)
     * @throws IllegalArgumentException for a missing, malformed or contradictory property
     */
    PerfConfig(UnaryOperator<String> props, int defaultProgressSeconds) {
        this.props = props;
        String t = required("cairn.perf.target");
        try {
            target = URI.create(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cairn.perf.target: '" + t + "' is not a URL", e);
        }
        if (target.getHost() == null || !"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new IllegalArgumentException("cairn.perf.target: '" + t + "' is not an http(s) URL with a host");
        }
        String a = required("cairn.perf.api").toUpperCase(Locale.ROOT);
        try {
            api = Api.valueOf(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cairn.perf.api: expected s3 or oap, got '" + a.toLowerCase(Locale.ROOT) + "'", e);
        }
        seed = Path.of(required("cairn.perf.seed"));
        out = Path.of(required("cairn.perf.out"));
        String rate = props.apply("cairn.perf.rate");
        String conc = props.apply("cairn.perf.concurrency");
        if ((rate == null) == (conc == null)) {
            throw new IllegalArgumentException("give exactly one of cairn.perf.rate (open model) and cairn.perf.concurrency (closed model)");
        }
        mode = rate != null ? LoadMode.RATE : LoadMode.CONCURRENCY;
        loadValue = rate != null ? positiveDouble("cairn.perf.rate", rate) : positiveLong("cairn.perf.concurrency", conc, 1);
        durationSeconds = (int) positiveLong("cairn.perf.duration", required("cairn.perf.duration"), 1);
        warmupSeconds = (int) positiveLong("cairn.perf.warmup", orDefault("cairn.perf.warmup", "5"), 0);
        bucket = orDefault("cairn.perf.bucket", "bench");
        region = orDefault("cairn.perf.region", "us-east-1");
        accessKey = api == Api.S3 ? required("cairn.perf.access-key") : null;
        secretKey = api == Api.S3 ? required("cairn.perf.secret-key") : null;
        oapToken = api == Api.OAP ? required("cairn.perf.oap-token") : null;
        s3MaxPutSize = positiveLong("cairn.perf.s3-max-put-size", orDefault("cairn.perf.s3-max-put-size", String.valueOf(5L << 30)), 1);
        slowClients = (int) positiveLong("cairn.perf.slow-clients", orDefault("cairn.perf.slow-clients", "20"), 0);
        progressSeconds = (int) positiveLong("cairn.perf.progress", orDefault("cairn.perf.progress", String.valueOf(defaultProgressSeconds)), 0);
        randomSeed = positiveLong("cairn.perf.random-seed", orDefault("cairn.perf.random-seed", "8"), 0);
    }

    /** Host and port as a client sends them in {@code Host} (the port only when the URL names one). */
    String hostHeader() {
        return target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    }

    int port() {
        if (target.getPort() >= 0) {
            return target.getPort();
        }
        return "https".equals(target.getScheme()) ? 443 : 80;
    }

    private String required(String name) {
        String v = props.apply(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing -D" + name);
        }
        return v.trim();
    }

    private String orDefault(String name, String fallback) {
        String v = props.apply(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static double positiveDouble(String name, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": '" + v + "' is not a positive number");
    }

    private static long positiveLong(String name, String v, long min) {
        try {
            long l = Long.parseLong(v.trim());
            if (l >= min) {
                return l;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": '" + v + "' is not a whole number >= " + min);
    }
}
