package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code testing/performance/compare.sh BASELINE CURRENT [--no-fail] [options]}: gates a rig
 * summary against a baseline summary ({@link Gate}), prints a table of every check, and exits 1
 * when any check fails (0 with {@code --no-fail}), 2 on bad arguments or unreadable summaries.
 */
public final class Compare {
    static final String USAGE = """
            Usage: testing/performance/compare.sh BASELINE CURRENT [options]
            Compares two rig summaries as ratios to the reference measured in the same run
            (target ÷ reference, median over rounds); absolute values, with a warning, where a
            summary has no reference run.
              --no-fail           print the checks, exit 0 even when some fail
              --reference NAME    nginx | s3proxy (default: CURRENT's --reference, else nginx for
                                  read mixes and s3proxy for the others)
              --p95 PCT           largest allowed p95 rise, overall and per route (default 10)
              --throughput PCT    largest allowed req/s fall (default 10)
              --cpu PCT           largest allowed CPU ms/request rise (default 15)
              --rss PCT           largest allowed peak RSS rise (default 15)
            """;

    private Compare() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return 0 pass (or --no-fail), 1 a check failed, 2 bad arguments or unreadable input */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        boolean noFail = false;
        Optional<TargetKind> reference = Optional.empty();
        double p95 = Gate.Thresholds.DEFAULT.p95();
        double throughput = Gate.Thresholds.DEFAULT.throughput();
        double cpu = Gate.Thresholds.DEFAULT.cpu();
        double rss = Gate.Thresholds.DEFAULT.rss();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--no-fail" -> noFail = true;
                    case "--reference" -> reference = Optional.of(TargetKind.parse(value(args, ++i, a)));
                    case "--p95" -> p95 = RigOptions.parsePercent(a, value(args, ++i, a));
                    case "--throughput" -> throughput = RigOptions.parsePercent(a, value(args, ++i, a));
                    case "--cpu" -> cpu = RigOptions.parsePercent(a, value(args, ++i, a));
                    case "--rss" -> rss = RigOptions.parsePercent(a, value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        files.add(a);
                    }
                }
            }
            if (files.size() != 2) {
                throw new IllegalArgumentException("give exactly two summaries, BASELINE and CURRENT");
            }
        } catch (IllegalArgumentException e) {
            err.println("compare: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        JsonNode baseline;
        JsonNode current;
        try {
            baseline = read(Path.of(files.get(0)));
            current = read(Path.of(files.get(1)));
        } catch (IllegalArgumentException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
        Gate.Outcome outcome = Gate.check(baseline, current, new Gate.Thresholds(p95, throughput, cpu, rss), reference);
        out.printf(Locale.ROOT, "Baseline %s (%s), current %s (%s)%n%n", files.get(0), baseline.path("startedAt").asText("?"),
                files.get(1), current.path("startedAt").asText("?"));
        out.print(table(outcome));
        outcome.warnings().forEach(w -> err.println("compare: warning: " + w));
        long failed = outcome.checks().stream().filter(Gate.Check::failed).count();
        if (outcome.checks().isEmpty()) {
            err.println("compare: warning: the two summaries share no (mix, api, target): nothing was compared");
        }
        out.printf(Locale.ROOT, "%n%d checks, %d failed (limits: p95 +%s%%, req/s -%s%%, CPU +%s%%, RSS +%s%%)%n",
                outcome.checks().size(), failed, p95, throughput, cpu, rss);
        return failed > 0 && !noFail ? 1 : 0;
    }

    static String table(Gate.Outcome outcome) {
        StringBuilder s = new StringBuilder("| mix | api | target | check | basis | baseline | current | change | verdict |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Gate.Check c : outcome.checks()) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", c.mix(), c.api(), c.target(), c.what(),
                    c.basis(), Report.num(c.baseline()), Report.num(c.current()), percent(c.change()), c.verdict()));
        }
        return s.toString();
    }

    private static String percent(OptionalDouble change) {
        return change.isPresent() ? String.format(Locale.ROOT, "%+.1f%%", change.getAsDouble() * 100) : "–";
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = new ObjectMapper().readTree(Files.readString(file));
            if (node == null || !node.path("runs").isArray()) {
                throw new IllegalArgumentException(file + " is not a rig summary (no \"runs\" array)");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
