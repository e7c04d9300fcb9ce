package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** The short Markdown report of a summary: every run, the per-route p95 side by side, and the ratios. */
final class Report {
    private Report() {
    }

    static String markdown(JsonNode summary) {
        StringBuilder out = new StringBuilder();
        JsonNode machine = summary.path("machine");
        out.append(String.format(Locale.ROOT, "Machine: %s, %d cores; %s; load %s → %s%n%n",
                machine.path("cpuModel").asText(), machine.path("cores").asInt(), machine.path("jdk").asText(),
                machine.path("loadAverageBefore").asText(), machine.path("loadAverageAfter").asText()));
        out.append("| round | mix | api | target | load | requests | req/s | p95 ms | CPU ms/req | peak RSS MiB | load-gen CPU s | problems |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode run : summary.path("runs")) {
            RunView v = new RunView(run);
            JsonNode load = run.path("load");
            out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s %d | %d | %s | %s | %s | %s%s | %s | %s |%n",
                    v.round(), v.mix(), v.api(), v.target(), load.path("mode").asText(), load.path("value").asInt(),
                    v.requests(), num(v.rps()), num(v.p95()), num(v.cpuMsPerRequest()), num(v.peakRssMiB()),
                    run.path("peakRssReset").asBoolean(true) ? "" : " (not reset)", num(run.path("loadGeneratorCpuSeconds")),
                    problems(run.path("problems"))));
        }
        Ratios ratios = new Ratios(summary.path("runs"));
        out.append("\nMedian p95 per route (ms) over rounds:\n\n| mix | api | route |");
        List<String> targets = List.of("cairn", "s3proxy", "nginx");
        targets.forEach(t -> out.append(' ').append(t).append(" |"));
        out.append("\n|---|---|---|---|---|---|\n");
        Set<List<String>> mixApis = new java.util.LinkedHashSet<>();
        ratios.combinations().forEach(c -> mixApis.add(List.of(c.get(0), c.get(1))));
        for (List<String> ma : mixApis) {
            Set<String> routes = new TreeSet<>();
            targets.forEach(t -> routes.addAll(ratios.routes(ma.get(0), ma.get(1), t)));
            for (String route : routes) {
                out.append("| ").append(ma.get(0)).append(" | ").append(ma.get(1)).append(" | ").append(route).append(" |");
                for (String t : targets) {
                    out.append(' ').append(num(ratios.median(ma.get(0), ma.get(1), t, Optional.empty(), "p95", Optional.of(route)))).append(" |");
                }
                out.append('\n');
            }
        }
        out.append("\nCairn ÷ peer, median over rounds (below 1 is better for p95, CPU and RSS; above 1 for req/s):\n\n");
        out.append("| mix | api | peer | req/s | p95 | CPU ms/req | peak RSS |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode r : summary.path("ratios")) {
            if (r.path("round").asText().equals("median")) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.path("mix").asText(),
                        r.path("api").asText(), r.path("to").asText(), num(r.path("rps")), num(r.path("p95")),
                        num(r.path("cpuMsPerRequest")), num(r.path("peakRssMiB"))));
            }
        }
        for (JsonNode note : summary.path("notes")) {
            out.append("\nNote: ").append(note.asText());
        }
        for (JsonNode failure : summary.path("failures")) {
            out.append("\n**FAILED:** ").append(failure.asText());
        }
        return out.append('\n').toString();
    }

    private static String problems(JsonNode problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        problems.forEach(p -> s.append(s.length() == 0 ? "" : "; ").append(p.asText()));
        return s.toString();
    }

    static String num(OptionalDouble v) {
        return v.isPresent() ? format(v.getAsDouble()) : "–";
    }

    static String num(JsonNode v) {
        return v.isNumber() ? format(v.asDouble()) : "–";
    }

    private static String format(double d) {
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%.0f", d);
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 10 ? "%.1f" : "%.3g", d);
    }
}
