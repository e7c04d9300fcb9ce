package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a run's result: no result at all, no requests, responses with a status the
 * route did not expect, any 5xx, any 403 (a signature or token the target refused). For Cairn
 * every one of these fails the rig; for a peer they are reported.
 */
final class RunChecks {
    private RunChecks() {
    }

    static List<String> problems(Optional<JsonNode> simulation, int exitCode) {
        List<String> out = new ArrayList<>();
        if (simulation.isEmpty()) {
            out.add("no result file (Gatling exit code " + exitCode + ")");
            return out;
        }
        JsonNode sim = simulation.get();
        if (sim.path("requests").asLong(0) <= 0) {
            out.add("no requests recorded");
        }
        long unexpected = sim.path("unexpected").asLong(0);
        if (unexpected > 0) {
            out.add(unexpected + " responses with an unexpected status");
        }
        long serverErrors = 0;
        var statuses = sim.path("statuses").fields();
        while (statuses.hasNext()) {
            var e = statuses.next();
            if (e.getKey().startsWith("5")) {
                serverErrors += e.getValue().asLong();
            }
        }
        if (serverErrors > 0) {
            out.add(serverErrors + " responses 5xx");
        }
        long forbidden = sim.path("statuses").path("403").asLong(0);
        if (forbidden > 0) {
            out.add(forbidden + " responses 403");
        }
        if (exitCode != 0) {
            out.add("Gatling exit code " + exitCode);
        }
        return out;
    }
}
