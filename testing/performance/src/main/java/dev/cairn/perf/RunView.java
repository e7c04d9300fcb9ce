package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads one entry of a summary's {@code runs}: what ran where, and the numbers the ratios and the
 * gate use. Missing numbers are empty, never zero, so a run that produced nothing cannot look fast.
 */
record RunView(JsonNode run) {
    String mix() {
        return run.path("mix").asText();
    }

    String api() {
        return run.path("api").asText();
    }

    String target() {
        return run.path("target").asText();
    }

    int round() {
        return run.path("round").asInt();
    }

    JsonNode simulation() {
        return run.path("simulation");
    }

    long requests() {
        return simulation().path("requests").asLong(0);
    }

    OptionalDouble rps() {
        return number(simulation().path("rps"));
    }

    /**
     * The run's p95 over all routes: the simulation's own {@code p95Ms} when it reports one, else
     * the count-weighted mean of the routes' p95 (an approximation: percentiles do not add up).
     */
    OptionalDouble p95() {
        OptionalDouble own = number(simulation().path("p95Ms"));
        if (own.isPresent()) {
            return own;
        }
        double weighted = 0;
        long count = 0;
        for (String route : routes()) {
            JsonNode r = simulation().path("routes").path(route);
            long n = r.path("count").asLong(0);
            OptionalDouble p = number(r.path("p95Ms"));
            if (n > 0 && p.isPresent()) {
                weighted += n * p.getAsDouble();
                count += n;
            }
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / count);
    }

    /** The route's p95 in ms, if the route had any response. */
    OptionalDouble routeP95(String route) {
        JsonNode r = simulation().path("routes").path(route);
        return r.path("count").asLong(0) > 0 ? number(r.path("p95Ms")) : OptionalDouble.empty();
    }

    List<String> routes() {
        List<String> out = new ArrayList<>();
        Iterator<String> names = simulation().path("routes").fieldNames();
        names.forEachRemaining(out::add);
        return out;
    }

    OptionalDouble cpuMsPerRequest() {
        return number(run.path("cpuMsPerRequest"));
    }

    OptionalDouble peakRssMiB() {
        return number(run.path("peakRssMiB"));
    }

    /** A metric by its name in the gate and the ratios: {@code rps}, {@code p95}, {@code cpuMsPerRequest}, {@code peakRssMiB}. */
    OptionalDouble metric(String name) {
        return switch (name) {
            case "rps" -> rps();
            case "p95" -> p95();
            case "cpuMsPerRequest" -> cpuMsPerRequest();
            case "peakRssMiB" -> peakRssMiB();
            default -> throw new IllegalArgumentException("unknown metric " + name);
        };
    }

    private static OptionalDouble number(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }
}
