package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final String GET = "GET range-start";

    /** Cairn and nginx over read-a/s3 for two rounds; {@code f} scales Cairn's p95, {@code slow} everything. */
    private static JsonNode readA(double cairnP95Factor, double slow, double cairnRpsFactor, double cpuFactor, double rssFactor) {
        Summaries s = Summaries.create();
        for (int round = 1; round <= 2; round++) {
            s.run("read-a", "s3", "cairn", round, 500 * cairnRpsFactor / slow, Map.of(GET, 4.0 * cairnP95Factor * slow),
                    0.4 * cpuFactor * slow, 300 * rssFactor);
            s.run("read-a", "s3", "nginx", round, 500 / slow, Map.of(GET, 1.0 * slow), 0.05 * slow, 10);
        }
        return s.json();
    }

    private static Gate.Outcome gate(JsonNode baseline, JsonNode current) {
        return Gate.check(baseline, current, Gate.Thresholds.DEFAULT, Optional.empty());
    }

    private static Gate.Check check(Gate.Outcome outcome, String what) {
        return outcome.checks().stream().filter(c -> c.what().equals(what)).findFirst().orElseThrow();
    }

    @Test
    void aP95NinePercentWorsePassesElevenPercentFails() {
        JsonNode baseline = readA(1, 1, 1, 1, 1);
        Gate.Outcome nine = gate(baseline, readA(1.09, 1, 1, 1, 1));
        assertEquals(Gate.Check.PASS, check(nine, "p95 " + GET).verdict());
        assertEquals(0.09, check(nine, "p95 " + GET).change().getAsDouble(), 1e-9);
        assertFalse(nine.failed());

        Gate.Outcome eleven = gate(baseline, readA(1.11, 1, 1, 1, 1));
        assertEquals(Gate.Check.FAIL, check(eleven, "p95 " + GET).verdict());
        assertEquals(Gate.Check.FAIL, check(eleven, "p95").verdict());
        assertEquals("÷ nginx", check(eleven, "p95").basis());
        assertTrue(eleven.failed());
    }

    @Test
    void throughputCpuAndMemoryHaveTheirOwnLimits() {
        JsonNode baseline = readA(1, 1, 1, 1, 1);
        assertEquals(Gate.Check.PASS, check(gate(baseline, readA(1, 1, 0.91, 1, 1)), "req/s").verdict());
        assertEquals(Gate.Check.FAIL, check(gate(baseline, readA(1, 1, 0.89, 1, 1)), "req/s").verdict());
        assertEquals(Gate.Check.PASS, check(gate(baseline, readA(1, 1, 1, 1.14, 1)), "CPU ms/req").verdict());
        assertEquals(Gate.Check.FAIL, check(gate(baseline, readA(1, 1, 1, 1.16, 1)), "CPU ms/req").verdict());
        assertEquals(Gate.Check.PASS, check(gate(baseline, readA(1, 1, 1, 1, 1.14)), "peak RSS").verdict());
        assertEquals(Gate.Check.FAIL, check(gate(baseline, readA(1, 1, 1, 1, 1.16)), "peak RSS").verdict());
        // a faster Cairn is never a failure
        assertFalse(gate(baseline, readA(0.5, 1, 1.5, 0.5, 0.5)).failed());
    }

    @Test
    void aUniformlySlowerMachinePassesBecauseTheReferenceSlowsToo() {
        JsonNode baseline = readA(1, 1, 1, 1, 1);
        JsonNode slowMachine = readA(1, 1.6, 1, 1, 1);
        Gate.Outcome outcome = gate(baseline, slowMachine);
        assertFalse(outcome.failed(), Compare.table(outcome));
        assertTrue(outcome.warnings().isEmpty());
        // the same numbers without the reference would fail: the ratio is what saves them
        JsonNode baselineAlone = Summaries.create().run("read-a", "s3", "cairn", 1, 500, Map.of(GET, 4.0), 0.4, 300).json();
        JsonNode slowAlone = Summaries.create().run("read-a", "s3", "cairn", 1, 500 / 1.6, Map.of(GET, 6.4), 0.64, 300).json();
        assertTrue(gate(baselineAlone, slowAlone).failed());
    }

    @Test
    void aSummaryWithoutTheReferenceFallsBackToAbsoluteValuesWithAWarning() {
        JsonNode baseline = readA(1, 1, 1, 1, 1);
        JsonNode cairnOnly = Summaries.create()
                .run("read-a", "s3", "cairn", 1, 500, Map.of(GET, 4.2), 0.4, 300)
                .run("read-a", "s3", "cairn", 2, 500, Map.of(GET, 4.2), 0.4, 300).json();
        Gate.Outcome outcome = gate(baseline, cairnOnly);
        assertEquals("absolute", check(outcome, "p95 " + GET).basis());
        assertEquals(0.05, check(outcome, "p95 " + GET).change().getAsDouble(), 1e-9);
        assertFalse(outcome.failed());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("no nginx run in the current summary")), outcome.warnings().toString());
    }

    @Test
    void aRouteTheReferenceLacksIsComparedAbsolute() {
        Summaries base = Summaries.create();
        Summaries now = Summaries.create();
        for (int round = 1; round <= 2; round++) {
            base.run("write-b", "s3", "cairn", round, 100, Map.of("PUT 1MiB", 50.0, GET, 4.0), 2, 400);
            base.run("write-b", "s3", "s3proxy", round, 100, Map.of(GET, 2.0), 1, 300);
            now.run("write-b", "s3", "cairn", round, 100, Map.of("PUT 1MiB", 60.0, GET, 4.0), 2, 400);
            now.run("write-b", "s3", "s3proxy", round, 100, Map.of(GET, 2.0), 1, 300);
        }
        Gate.Outcome outcome = gate(base.json(), now.json());
        assertEquals("absolute", check(outcome, "p95 PUT 1MiB").basis());
        assertEquals(Gate.Check.FAIL, check(outcome, "p95 PUT 1MiB").verdict());
        assertEquals("÷ s3proxy", check(outcome, "p95 " + GET).basis());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("no route 'PUT 1MiB'")));
    }

    @Test
    void theReferenceIsNotGatedAndAForcedReferenceIsUsed() {
        JsonNode baseline = readA(1, 1, 1, 1, 1);
        Gate.Outcome outcome = gate(baseline, readA(1, 1, 1, 1, 1));
        assertTrue(outcome.checks().stream().noneMatch(c -> c.target().equals("nginx")));
        Gate.Outcome forced = Gate.check(baseline, readA(1, 1, 1, 1, 1), Gate.Thresholds.DEFAULT, Optional.of(TargetKind.S3PROXY));
        // no s3proxy runs: every check of both targets falls back to absolute values
        assertTrue(forced.checks().stream().allMatch(c -> c.basis().equals("absolute")));
        assertTrue(forced.checks().stream().anyMatch(c -> c.target().equals("nginx")));
    }

    @Test
    void theRunsChosenReferenceIsRespected() {
        Summaries base = Summaries.create().reference("s3proxy");
        Summaries now = Summaries.create().reference("s3proxy");
        for (Summaries s : new Summaries[] {base, now}) {
            s.run("read-a", "s3", "cairn", 1, 500, Map.of(GET, 4.0), 0.4, 300)
                    .run("read-a", "s3", "s3proxy", 1, 400, Map.of(GET, 5.0), 0.6, 350)
                    .run("read-a", "s3", "nginx", 1, 500, Map.of(GET, 1.0), 0.05, 10);
        }
        Gate.Outcome outcome = gate(base.json(), now.json());
        assertEquals("÷ s3proxy", check(outcome, "p95").basis());
        assertTrue(outcome.checks().stream().noneMatch(c -> c.target().equals("s3proxy")));
    }
}
