package dev.cairn.perf.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns a {@link ResultRecorder} into the one JSON object of the orchestrator contract. */
final class ResultWriter {
    private ResultWriter() {
    }

    /**
     * The result object, keys in contract order; {@code extra} entries (e.g. {@code slowClients})
     * are appended at the end.
     */
    static Map<String, Object> result(String simulation, PerfConfig cfg, ResultRecorder rec, Map<String, Object> extra) {
        double elapsed = rec.elapsedSeconds();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulation", simulation);
        m.put("api", cfg.api.name().toLowerCase(Locale.ROOT));
        m.put("target", cfg.target.toString());
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("mode", cfg.mode == PerfConfig.LoadMode.RATE ? "rate" : "concurrency");
        load.put("value", cfg.mode == PerfConfig.LoadMode.RATE ? (Object) cfg.loadValue : (Object) (long) cfg.loadValue);
        load.put("durationSeconds", cfg.durationSeconds);
        load.put("warmupSeconds", cfg.warmupSeconds);
        m.put("load", load);
        m.put("elapsedSeconds", elapsed);
        long requests = rec.requests();
        m.put("requests", requests);
        m.put("rps", rate(requests, elapsed));
        Map<String, Object> routes = new LinkedHashMap<>();
        Map<Integer, Long> all = new TreeMap<>();
        rec.routes().forEach((name, s) -> {
            Histogram h = s.latency.copy();
            long count = s.count.sum();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("count", count);
            r.put("rps", rate(count, elapsed));
            r.put("p50Ms", percentile(h, 50));
            r.put("p95Ms", percentile(h, 95));
            r.put("p99Ms", percentile(h, 99));
            r.put("maxMs", count == 0 ? 0.0 : (double) h.getMaxValue());
            Map<Integer, Long> st = new TreeMap<>();
            s.statuses.forEach((code, n) -> st.put(code, n.sum()));
            st.forEach((code, n) -> all.merge(code, n, Long::sum));
            r.put("statuses", stringKeys(st));
            // an addition to the contract: which route the connection failures hit
            r.put("connectionFailures", s.connectionFailures.sum());
            routes.put(name, r);
        });
        m.put("routes", routes);
        m.put("statuses", stringKeys(all));
        m.put("failures", Map.of("connection", rec.connectionFailures()));
        m.put("unexpected", rec.unexpected());
        m.putAll(extra);
        return m;
    }

    /** @throws UncheckedIOException when the file cannot be written */
    static void write(Path out, Map<String, Object> result) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, Json.render(result) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result file " + out, e);
        }
    }

    private static double percentile(Histogram h, double p) {
        return h.getTotalCount() == 0 ? 0.0 : (double) h.getValueAtPercentile(p);
    }

    private static double rate(long n, double seconds) {
        return seconds <= 0 ? 0.0 : Math.round(n / seconds * 10.0) / 10.0;
    }

    private static Map<String, Object> stringKeys(Map<Integer, Long> m) {
        Map<String, Object> r = new LinkedHashMap<>();
        m.forEach((k, v) -> r.put(String.valueOf(k), v));
        return r;
    }
}
