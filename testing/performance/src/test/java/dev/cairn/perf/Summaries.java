package dev.cairn.perf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds synthetic rig summaries for the ratio and gate tests. */
final class Summaries {
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ArrayNode runs = root.putArray("runs");

    static Summaries create() {
        return new Summaries();
    }

    /** A run whose routes all have the given p95, with 1000 requests each. */
    Summaries run(String mix, String api, String target, int round, double rps, Map<String, Double> routeP95, double cpuMsPerRequest,
                  double peakRssMiB) {
        ObjectNode run = runs.addObject();
        run.put("round", round).put("target", target).put("mix", mix).put("api", api);
        ObjectNode sim = run.putObject("simulation");
        sim.put("requests", 1000L * routeP95.size()).put("rps", rps).put("unexpected", 0);
        ObjectNode routes = sim.putObject("routes");
        routeP95.forEach((route, p95) -> routes.putObject(route).put("count", 1000).put("p95Ms", p95));
        run.put("cpuMsPerRequest", cpuMsPerRequest).put("peakRssMiB", peakRssMiB);
        return this;
    }

    Summaries reference(String target) {
        root.putObject("options").put("reference", target);
        return this;
    }

    ObjectNode json() {
        return root;
    }
}
