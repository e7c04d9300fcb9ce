package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatiosTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Ratios.median(List.of(3.0, 1.0, 2.0)).getAsDouble());
        assertEquals(2.5, Ratios.median(List.of(4.0, 1.0, 2.0, 3.0)).getAsDouble());
        assertTrue(Ratios.median(List.of()).isEmpty());
    }

    @Test
    void cairnToEachPeerPerRoundAndMedian() {
        JsonNode runs = Summaries.create()
                .run("read-a", "s3", "cairn", 1, 400, Map.of("HEAD", 2.0), 0.4, 300)
                .run("read-a", "s3", "s3proxy", 1, 400, Map.of("HEAD", 4.0), 0.8, 600)
                .run("read-a", "s3", "nginx", 1, 500, Map.of("HEAD", 1.0), 0.1, 10)
                .run("read-a", "s3", "cairn", 2, 400, Map.of("HEAD", 3.0), 0.4, 300)
                .run("read-a", "s3", "s3proxy", 2, 400, Map.of("HEAD", 4.0), 0.8, 600)
                .run("read-a", "s3", "nginx", 2, 500, Map.of("HEAD", 1.0), 0.1, 10)
                .json().path("runs");
        Ratios ratios = new Ratios(runs);
        JsonNode all = ratios.cairnToPeers();
        assertEquals(6, all.size()); // 2 peers × (2 rounds + median)
        JsonNode nginxMedian = find(all, "nginx", "median");
        assertEquals(2.5, nginxMedian.path("routeP95").path("HEAD").asDouble());
        assertEquals(0.8, nginxMedian.path("rps").asDouble());
        assertEquals(4.0, nginxMedian.path("cpuMsPerRequest").asDouble());
        assertEquals(30.0, nginxMedian.path("peakRssMiB").asDouble());
        assertEquals(0.5, find(all, "s3proxy", "1").path("p95").asDouble());
        assertEquals(0.75, find(all, "s3proxy", "2").path("p95").asDouble());
        assertEquals(2.5, ratios.median("read-a", "s3", "cairn", Optional.empty(), "p95", Optional.of("HEAD")).getAsDouble());
    }

    @Test
    void theOverallP95IsTheSimulationsOwnWhenItReportsOne() {
        JsonNode runs = Summaries.create()
                .run("read-a", "s3", "cairn", 1, 400, Map.of("HEAD", 2.0, "GET full", 4.0), 0.4, 300).json().path("runs");
        RunView view = new RunView(runs.get(0));
        assertEquals(3.0, view.p95().getAsDouble(), 1e-9); // count-weighted mean of the routes
        ((com.fasterxml.jackson.databind.node.ObjectNode) runs.get(0).path("simulation")).put("p95Ms", 3.7);
        assertEquals(3.7, view.p95().getAsDouble());
    }

    private static JsonNode find(JsonNode all, String peer, String round) {
        for (JsonNode r : all) {
            if (r.path("to").asText().equals(peer) && r.path("round").asText().equals(round)) {
                return r;
            }
        }
        throw new AssertionError("no ratio to " + peer + " for round " + round + " in " + all);
    }
}
