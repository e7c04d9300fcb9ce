package dev.cairn.perf.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {
    private static PerfConfig config(String api, Path out) {
        Map<String, String> p = Map.of("cairn.perf.target", "http://127.0.0.1:19101", "cairn.perf.api", api,
                "cairn.perf.seed", "/tmp/seed.tsv", "cairn.perf.out", out.toString(), "cairn.perf.rate", "500",
                "cairn.perf.duration", "30", "cairn.perf.oap-token", "t", "cairn.perf.access-key", "a", "cairn.perf.secret-key", "s");
        return new PerfConfig(p::get, 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void percentilesStatusesAndUnexpectedPerRoute(@TempDir Path dir) throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        PerfConfig cfg = config("oap", dir.resolve("r.json"));
        ResultRecorder rec = new ResultRecorder(cfg.api, clock::get);
        rec.measureFrom(2_000);
        rec.response(Route.FULL, 200, 99_999); // during warm-up: not recorded
        rec.connectionFailure(Route.FULL);     // during warm-up: not recorded
        clock.set(2_000);
        for (int ms = 1; ms <= 100; ms++) {
            rec.response(Route.RANGE_START, 206, ms);
        }
        rec.response(Route.RANGE_START, 200, 5);   // a whole body for a range: unexpected
        rec.response(Route.RATIO_CAP, 413, 3);
        rec.response(Route.RATIO_CAP, 500, 7);     // unexpected
        rec.response(Route.PUT, 201, 40);
        rec.response(Route.PUT, 200, 41);
        rec.connectionFailure(Route.BOMB);
        clock.set(12_000);
        rec.response(Route.HEAD, 200, 0);

        Map<String, Object> r = ResultWriter.result("ReadMixA", cfg, rec, Map.of("extra", 1L));
        assertEquals(10.0, r.get("elapsedSeconds"));
        assertEquals(106L, r.get("requests"));
        assertEquals(10.6, r.get("rps"));
        assertEquals(2L, r.get("unexpected"));
        assertEquals(Map.of("connection", 1L), r.get("failures"));
        assertEquals(1L, r.get("extra"));
        Map<String, Object> routes = (Map<String, Object>) r.get("routes");
        Map<String, Object> range = (Map<String, Object>) routes.get("GET range-start");
        assertEquals(101L, range.get("count"));
        assertEquals(50.0, range.get("p50Ms"));
        assertEquals(95.0, range.get("p95Ms"));
        assertEquals(99.0, range.get("p99Ms"));
        assertEquals(100.0, range.get("maxMs"));
        assertEquals(Map.of("200", 1L, "206", 100L), range.get("statuses"));
        assertEquals(1L, ((Map<String, Object>) routes.get("PUT bomb")).get("connectionFailures"));
        assertEquals(0L, ((Map<String, Object>) routes.get("PUT bomb")).get("count"));
        assertEquals(Map.of("200", 3L, "201", 1L, "206", 100L, "413", 1L, "500", 1L), r.get("statuses"));

        ResultWriter.write(cfg.out, r);
        String json = Files.readString(cfg.out);
        assertTrue(json.startsWith("{\"simulation\":\"ReadMixA\",\"api\":\"oap\",\"target\":\"http://127.0.0.1:19101\","
                + "\"load\":{\"mode\":\"rate\",\"value\":500.0,\"durationSeconds\":30,\"warmupSeconds\":5},\"elapsedSeconds\":10.0,"), json);
        assertTrue(json.contains("\"GET range-start\":{\"count\":101,\"rps\":10.1,\"p50Ms\":50.0,\"p95Ms\":95.0,\"p99Ms\":99.0,"
                + "\"maxMs\":100.0,\"statuses\":{\"200\":1,\"206\":100},\"connectionFailures\":0}"), json);
        assertTrue(json.contains("\"failures\":{\"connection\":1},\"unexpected\":2,\"extra\":1}"), json);
    }

    @Test
    void theSameStatusIsExpectedOrNotByApi() {
        ResultRecorder s3 = new ResultRecorder(PerfConfig.Api.S3, () -> 0);
        s3.measureFrom(0);
        s3.response(Route.OVER_CAP, 400, 1);
        s3.response(Route.OVER_CAP, 413, 1);
        assertEquals(1, s3.unexpected());
        ResultRecorder oap = new ResultRecorder(PerfConfig.Api.OAP, () -> 0);
        oap.measureFrom(0);
        oap.response(Route.OVER_CAP, 400, 1);
        oap.response(Route.PUT, 403, 1);
        assertEquals(2, oap.unexpected());
    }

    @Test
    void recordsFromManyThreadsWithoutLoss() throws Exception {
        ResultRecorder rec = new ResultRecorder(PerfConfig.Api.S3, () -> 5);
        rec.measureFrom(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    rec.response(Route.HEAD, 200, i % 50);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(80_000, rec.requests());
        assertEquals(80_000, rec.routes().get("HEAD").latency.getTotalCount());
    }

    @Test
    void closedModelReportsAWholeNumberAndNoRequestsGiveZeroRates(@TempDir Path dir) {
        Map<String, String> p = Map.of("cairn.perf.target", "http://h:1", "cairn.perf.api", "oap", "cairn.perf.seed", "s",
                "cairn.perf.out", "o", "cairn.perf.concurrency", "16", "cairn.perf.duration", "10", "cairn.perf.oap-token", "t");
        PerfConfig cfg = new PerfConfig(p::get, 0);
        Map<String, Object> r = ResultWriter.result("Soak", cfg, new ResultRecorder(cfg.api, () -> 0), Map.of());
        assertEquals(Map.of("mode", "concurrency", "value", 16L, "durationSeconds", 10, "warmupSeconds", 5), r.get("load"));
        assertEquals(0.0, r.get("rps"));
        assertEquals(0L, r.get("requests"));
    }
}
