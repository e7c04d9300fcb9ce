package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Ratios of one target to another measured in the same round: {@code target ÷ peer} for
 * throughput, overall and per-route p95, CPU ms per request and peak RSS, each round and their
 * median over rounds. Measured side by side, they cancel out most of what a noisy or slower
 * machine does to both.
 */
final class Ratios {
    static final List<String> METRICS = List.of("rps", "p95", "cpuMsPerRequest", "peakRssMiB");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<RunView> runs;

    Ratios(JsonNode runs) {
        List<RunView> out = new ArrayList<>();
        runs.forEach(r -> out.add(new RunView(r)));
        this.runs = List.copyOf(out);
    }

    Optional<RunView> find(String mix, String api, String target, int round) {
        return runs.stream().filter(r -> r.mix().equals(mix) && r.api().equals(api) && r.target().equals(target) && r.round() == round)
                .findFirst();
    }

    Set<Integer> rounds(String mix, String api) {
        Set<Integer> out = new TreeSet<>();
        runs.stream().filter(r -> r.mix().equals(mix) && r.api().equals(api)).forEach(r -> out.add(r.round()));
        return out;
    }

    /** The (mix, api, target) combinations in run order. */
    List<List<String>> combinations() {
        LinkedHashSet<List<String>> out = new LinkedHashSet<>();
        runs.forEach(r -> out.add(List.of(r.mix(), r.api(), r.target())));
        return List.copyOf(out);
    }

    Set<String> routes(String mix, String api, String target) {
        Set<String> out = new TreeSet<>();
        runs.stream().filter(r -> r.mix().equals(mix) && r.api().equals(api) && r.target().equals(target))
                .forEach(r -> out.addAll(r.routes()));
        return out;
    }

    /**
     * The median over rounds of {@code target ÷ peer} for a metric, or of the target's own value
     * when {@code peer} is empty. {@code route} selects a route's p95 instead of a run metric.
     * Rounds where either side lacks the number are left out; empty when none is left.
     */
    OptionalDouble median(String mix, String api, String target, Optional<String> peer, String metric, Optional<String> route) {
        return over(mix, api, target, peer, metric, route, round -> true);
    }

    private OptionalDouble over(String mix, String api, String target, Optional<String> peer, String metric,
                                Optional<String> route, IntPredicate rounds) {
        List<Double> values = new ArrayList<>();
        for (int round : rounds(mix, api)) {
            if (!rounds.test(round)) {
                continue;
            }
            OptionalDouble v = value(mix, api, target, round, metric, route);
            if (v.isEmpty()) {
                continue;
            }
            if (peer.isEmpty()) {
                values.add(v.getAsDouble());
                continue;
            }
            OptionalDouble p = value(mix, api, peer.get(), round, metric, route);
            if (p.isPresent() && p.getAsDouble() > 0) {
                values.add(v.getAsDouble() / p.getAsDouble());
            }
        }
        return median(values);
    }

    private OptionalDouble value(String mix, String api, String target, int round, String metric, Optional<String> route) {
        Optional<RunView> run = find(mix, api, target, round);
        if (run.isEmpty()) {
            return OptionalDouble.empty();
        }
        return route.isPresent() ? run.get().routeP95(route.get()) : run.get().metric(metric);
    }

    static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /**
     * The summary's {@code ratios}: for every (mix, api) and every peer that ran it, Cairn ÷ peer
     * per round and the median over rounds.
     */
    ArrayNode cairnToPeers() {
        ArrayNode out = NODES.arrayNode();
        String cairn = TargetKind.CAIRN.id();
        for (List<String> c : combinations()) {
            String mix = c.get(0);
            String api = c.get(1);
            String peer = c.get(2);
            if (peer.equals(cairn) || rounds(mix, api).stream().noneMatch(r -> find(mix, api, cairn, r).isPresent())) {
                continue;
            }
            Set<String> routes = routes(mix, api, cairn);
            routes.retainAll(routes(mix, api, peer));
            for (int round : rounds(mix, api)) {
                out.add(ratio(mix, api, peer, "" + round, routes, r -> r == round));
            }
            out.add(ratio(mix, api, peer, "median", routes, r -> true));
        }
        return out;
    }

    private ObjectNode ratio(String mix, String api, String peer, String round, Set<String> routes, IntPredicate rounds) {
        ObjectNode node = NODES.objectNode();
        node.put("mix", mix).put("api", api).put("round", round).put("of", TargetKind.CAIRN.id()).put("to", peer);
        Optional<String> to = Optional.of(peer);
        for (String metric : METRICS) {
            put(node, metric, over(mix, api, TargetKind.CAIRN.id(), to, metric, Optional.empty(), rounds));
        }
        ObjectNode perRoute = node.putObject("routeP95");
        for (String route : routes) {
            put(perRoute, route, over(mix, api, TargetKind.CAIRN.id(), to, "p95", Optional.of(route), rounds));
        }
        return node;
    }

    private static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, Math.round(value.getAsDouble() * 10_000) / 10_000.0);
        } else {
            node.putNull(field);
        }
    }
}
