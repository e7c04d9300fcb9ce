package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The regression gate: for every (mix, api, target) in both summaries, compares the target's
 * numbers as ratios to the reference measured in the same run (target ÷ reference, median over
 * rounds), so a machine that is uniformly slower or busier today moves both sides and passes.
 * Where a summary has no reference run (or the reference lacks the route), the absolute values are
 * compared instead, with a warning. The reference itself is not gated.
 */
final class Gate {
    /**
     * Allowed changes, in percent: p95 may rise by {@code p95}, throughput fall by {@code throughput},
     * CPU ms per request and peak RSS rise by {@code cpu} and {@code rss}.
     */
    record Thresholds(double p95, double throughput, double cpu, double rss) {
        static final Thresholds DEFAULT = new Thresholds(10, 10, 15, 15);
    }

    /** One check: how it was compared, the two values, the relative change, and the verdict. */
    record Check(String mix, String api, String target, String what, String basis, OptionalDouble baseline,
                 OptionalDouble current, OptionalDouble change, String verdict) {
        static final String PASS = "pass";
        static final String FAIL = "FAIL";
        static final String SKIPPED = "skipped";

        boolean failed() {
            return FAIL.equals(verdict);
        }
    }

    /** The checks and the warnings about comparisons that fell back to absolute values or were skipped. */
    record Outcome(List<Check> checks, List<String> warnings) {
        boolean failed() {
            return checks.stream().anyMatch(Check::failed);
        }
    }

    private enum Direction { HIGHER_IS_WORSE, LOWER_IS_WORSE }

    private Gate() {
    }

    /**
     * @param reference forces the peer of every ratio; empty: the current summary's {@code --reference},
     *     else nginx for read mixes and S3Proxy for the others
     */
    static Outcome check(JsonNode baseline, JsonNode current, Thresholds limits, Optional<TargetKind> reference) {
        Ratios base = new Ratios(baseline.path("runs"));
        Ratios now = new Ratios(current.path("runs"));
        List<Check> checks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<List<String>> inBaseline = new HashSet<>(base.combinations());
        for (List<String> c : now.combinations()) {
            if (!inBaseline.contains(c)) {
                continue;
            }
            String mix = c.get(0);
            String api = c.get(1);
            String target = c.get(2);
            String ref = referenceFor(mix, reference, current);
            if (target.equals(ref)) {
                continue;
            }
            boolean relative = hasRuns(base, mix, api, ref) && hasRuns(now, mix, api, ref);
            if (!relative) {
                warnings.add(String.format("%s %s %s: no %s run in %s, comparing absolute values", mix, api, target, ref,
                        hasRuns(base, mix, api, ref) ? "the current summary" : "the baseline"));
            }
            Optional<String> peer = relative ? Optional.of(ref) : Optional.empty();
            Scope s = new Scope(base, now, mix, api, target, peer, ref, checks, warnings);
            s.add("req/s", "rps", Optional.empty(), Direction.LOWER_IS_WORSE, limits.throughput());
            s.add("p95", "p95", Optional.empty(), Direction.HIGHER_IS_WORSE, limits.p95());
            s.add("CPU ms/req", "cpuMsPerRequest", Optional.empty(), Direction.HIGHER_IS_WORSE, limits.cpu());
            s.add("peak RSS", "peakRssMiB", Optional.empty(), Direction.HIGHER_IS_WORSE, limits.rss());
            Set<String> routes = base.routes(mix, api, target);
            routes.retainAll(now.routes(mix, api, target));
            for (String route : routes) {
                boolean routeRelative = relative && base.routes(mix, api, ref).contains(route) && now.routes(mix, api, ref).contains(route);
                if (relative && !routeRelative) {
                    warnings.add(String.format("%s %s %s: %s has no route '%s', comparing its p95 absolute", mix, api, target, ref, route));
                }
                new Scope(base, now, mix, api, target, routeRelative ? peer : Optional.empty(), ref, checks, warnings)
                        .add("p95 " + route, "p95", Optional.of(route), Direction.HIGHER_IS_WORSE, limits.p95());
            }
        }
        return new Outcome(checks, warnings);
    }

    /** The checks of one (mix, api, target) against one basis. */
    private record Scope(Ratios base, Ratios now, String mix, String api, String target, Optional<String> peer, String ref,
                         List<Check> checks, List<String> warnings) {
        void add(String what, String metric, Optional<String> route, Direction direction, double tolerancePercent) {
            OptionalDouble b = base.median(mix, api, target, peer, metric, route);
            OptionalDouble c = now.median(mix, api, target, peer, metric, route);
            String basis = peer.map(p -> "÷ " + p).orElse("absolute");
            if (b.isEmpty() || c.isEmpty() || b.getAsDouble() <= 0) {
                checks.add(new Check(mix, api, target, what, basis, b, c, OptionalDouble.empty(), Check.SKIPPED));
                return;
            }
            double change = c.getAsDouble() / b.getAsDouble() - 1;
            // a hair of slack so that exactly the tolerance, after floating-point division, still passes
            double limit = tolerancePercent / 100 + 1e-9;
            boolean worse = direction == Direction.HIGHER_IS_WORSE ? change > limit : change < -limit;
            checks.add(new Check(mix, api, target, what, basis, b, c, OptionalDouble.of(change), worse ? Check.FAIL : Check.PASS));
        }
    }

    private static boolean hasRuns(Ratios ratios, String mix, String api, String target) {
        return ratios.combinations().contains(List.of(mix, api, target));
    }

    private static String referenceFor(String mix, Optional<TargetKind> forced, JsonNode current) {
        if (forced.isPresent()) {
            return forced.get().id();
        }
        JsonNode chosen = current.path("options").path("reference");
        if (chosen.isTextual()) {
            return chosen.asText();
        }
        try {
            return Mix.parse(mix).defaultReference().id();
        } catch (IllegalArgumentException e) {
            return TargetKind.S3PROXY.id();
        }
    }
}
