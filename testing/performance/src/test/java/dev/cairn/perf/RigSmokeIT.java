package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rig's CI smoke (issue 8): runs the real command for Cairn alone, read-a over S3 and write-b
 * over OAP at a low rate, on a freshly started gateway, and checks the summary's shape and that
 * nothing failed, never its numbers; then runs compare.sh against a committed baseline. Needs the
 * gateway's jar, the Gatling simulations and their classpath file, which the module's build-order
 * dependencies make before this runs in {@code ./mvnw verify}.
 */
class RigSmokeIT {
    private static final Path REPO = Path.of(System.getProperty("perf.repo.root", "../..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("perf.work.dir", "target/smoke")).toAbsolutePath();

    @Test
    void theRigRunsCairnAndWritesAWellFormedSummaryThatCompareReads() throws Exception {
        Path summaryFile = WORK.resolve("summary.json");
        Files.deleteIfExists(summaryFile);
        int exit = Rig.run(new String[] {"--targets", "cairn", "--pair", "read-a:s3", "--pair", "write-b:oap", "--rate", "50",
            "--duration", "12", "--warmup", "3", "--prewarm", "2", "--rounds", "1", "--hot", "4/4/1", "--cold", "8",
            "--out", summaryFile.toString(), "--work-dir", WORK.resolve("work").toString()}, REPO);
        assertEquals(0, exit, "the rig failed; its output is in this test's output file");

        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertEquals(Summary.FORMAT, summary.path("format").asInt());
        assertTrue(summary.path("machine").path("cores").asInt() > 0);
        assertFalse(summary.path("machine").path("loadAverageAfter").asText().isEmpty());
        assertEquals(List.of("cairn"), names(summary.path("targets")));
        assertTrue(summary.path("failures").isEmpty(), summary.path("failures").toString());
        assertTrue(summary.path("ratios").isArray());
        JsonNode runs = summary.path("runs");
        assertEquals(2, runs.size());
        assertRun(runs.get(0), "read-a", "s3", "GET range-start");
        assertRun(runs.get(1), "write-b", "oap", "PUT 1MiB");

        Path baseline = REPO.resolve("testing/performance/baselines/read-a-s3.json");
        assertTrue(Files.isRegularFile(baseline), "the committed baseline " + baseline);
        Process compare = new ProcessBuilder("bash", REPO.resolve("testing/performance/compare.sh").toString(), baseline.toString(),
                summaryFile.toString(), "--no-fail").directory(REPO.toFile()).redirectErrorStream(true).start();
        String output = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(compare.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, compare.exitValue(), output);
        assertTrue(output.contains("| mix | api | target | check | basis | baseline | current | change | verdict |"), output);
        assertTrue(output.contains("| read-a | s3 | cairn | p95 GET range-start |"), output);
        assertTrue(output.contains("comparing absolute values"), "no nginx here: the fallback is announced\n" + output);
    }

    private static void assertRun(JsonNode run, String mix, String api, String route) {
        String what = mix + " " + api + ": " + run;
        assertEquals("cairn", run.path("target").asText());
        assertEquals(mix, run.path("mix").asText());
        assertEquals(api, run.path("api").asText());
        assertEquals(1, run.path("round").asInt());
        assertEquals("rate", run.path("load").path("mode").asText());
        JsonNode sim = run.path("simulation");
        assertTrue(sim.path("requests").asLong() > 0, what);
        assertEquals(0, sim.path("unexpected").asLong(), what);
        for (Iterator<Map.Entry<String, JsonNode>> it = sim.path("statuses").fields(); it.hasNext(); ) {
            String status = it.next().getKey();
            assertFalse(status.startsWith("5") || status.equals("403"), "status " + status + " in " + what);
        }
        assertTrue(sim.path("routes").path(route).path("count").asLong() > 0, route + " in " + what);
        assertTrue(sim.path("routes").path(route).path("p95Ms").isNumber(), what);
        assertTrue(run.path("serverCpuSeconds").asDouble() > 0, "server CPU measured: " + what);
        assertTrue(run.path("cpuMsPerRequest").asDouble() > 0, what);
        assertTrue(run.path("peakRssMiB").asDouble() > 10, "a JVM's peak RSS: " + what);
        assertTrue(run.path("loadGeneratorCpuSecondsWholeRun").asDouble() > 0, what);
        assertTrue(run.path("problems").isEmpty(), what);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
