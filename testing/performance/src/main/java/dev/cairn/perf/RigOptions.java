package dev.cairn.perf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one rig invocation runs: the parsed command line of {@code testing/performance/run.sh}.
 *
 * @param targets the servers to start, in the order each round visits them
 * @param mixes the workloads, in order
 * @param apis the APIs each mix runs over (where the target speaks it)
 * @param hot how many hot objects of 64 KiB, 1 MiB and 4 MiB to seed
 * @param cold how many cold 64 KiB objects to seed
 * @param cairnSettings gateway settings passed as {@code --key=value}, over the rig's defaults
 * @param reference the peer ratios are computed against, if forced; empty: per mix
 * @param soakDamage the share of seeded objects the soak damages on one replica, in percent
 * @param ports the port range servers are started on, or empty for any free port
 * @param pairs if not empty, only these {@code mix:api} pairs run ({@code --pair}), instead of every mix over every API
 * @param prewarmSeconds unrecorded seconds each JVM target runs each of its workloads once, before round 1
 */
record RigOptions(
        List<TargetKind> targets,
        List<Mix> mixes,
        List<Api> apis,
        Load load,
        int durationSeconds,
        int warmupSeconds,
        int rounds,
        Map<String, String> cairnSettings,
        List<String> cairnJvm,
        List<String> gatlingJvm,
        int[] hot,
        int cold,
        Path out,
        Optional<TargetKind> reference,
        double soakDamage,
        Optional<int[]> ports,
        List<String> pairs,
        int prewarmSeconds,
        Path repo,
        Path workDir) {

    static final String USAGE = """
            Usage: testing/performance/run.sh [options]
            Starts each target once, seeds it, runs every mix over every API in alternating rounds
            (A, B, C, A, B, C, ...), writes a JSON summary and prints a Markdown table.

              --targets LIST        cairn,s3proxy,nginx or any subset (default: all three)
              --mix NAME            read-a | write-b | abuse | soak | get-64k | put-1m; repeatable (default: read-a)
              --api s3|oap|both     the APIs to drive (default: both; S3Proxy speaks only s3)
              --rate N              open model: N requests per second (default: --rate 200)
              --concurrency N       closed model: N users looping (instead of --rate)
              --duration S          measured seconds per run (default 30)
              --warmup S            unrecorded seconds before each run (default 5)
              --prewarm S           before round 1, each JVM target (Cairn, S3Proxy) runs each of its
                                    workloads for S unrecorded seconds, so the JIT has settled
                                    (default 20; 0 skips it)
              --rounds R            alternating rounds (default 2)
              --cairn-opt KEY=VALUE a gateway setting, passed as --KEY=VALUE; repeatable
                                    (default config: local backend, fsync on, cache on, access log off)
              --cairn-jvm "OPTS"    the gateway's JVM options (default "-Xmx1g"; S3Proxy gets -Xmx1g)
              --gatling-jvm "OPTS"  the load generator's JVM options (default "-Xmx1g")
              --hot A/B/C           hot objects of 64 KiB / 1 MiB / 4 MiB (default 16/16/8)
              --cold N              cold 64 KiB objects (default 64)
              --out FILE            the summary (default testing/performance/results/<UTC time>.json)
              --reference NAME      nginx | s3proxy: the peer of every ratio (default: nginx for
                                    read mixes, s3proxy for the others)
              --soak-damage PCT     share of seeded objects the soak damages on one replica (default 1.5%)
              --pair MIX:API        run only this mix over this API (e.g. read-a:s3); repeatable,
                                    instead of every --mix over every --api
              --ports FROM-TO       start servers on free ports in this range (default: any free port)
              --work-dir DIR        servers' temporary directories (default testing/performance/target/work)
              --help                this text
            Exit code 0 when every run completed and no Cairn run saw an unexpected status, a 5xx
            or a 403; 1 otherwise; 2 on bad options.
            """;

    /**
     * @param repo the repository root (run.sh runs from there)
     * @throws IllegalArgumentException naming the option, for any bad or missing value
     */
    static RigOptions parse(String[] args, Path repo, Instant now) {
        List<TargetKind> targets = List.of(TargetKind.CAIRN, TargetKind.S3PROXY, TargetKind.NGINX);
        LinkedHashSet<Mix> mixes = new LinkedHashSet<>();
        List<Api> apis = List.of(Api.S3, Api.OAP);
        Integer rate = null;
        Integer concurrency = null;
        int duration = 30;
        int warmup = 5;
        int prewarm = 20;
        int rounds = 2;
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> cairnJvm = List.of("-Xmx1g");
        List<String> gatlingJvm = List.of("-Xmx1g");
        int[] hot = {16, 16, 8};
        int cold = 64;
        Path out = null;
        Optional<TargetKind> reference = Optional.empty();
        double damage = 1.5;
        Optional<int[]> ports = Optional.empty();
        List<String> pairs = new ArrayList<>();
        Path workDir = repo.resolve("testing/performance/target/work");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "' (see --help)");
            }
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value (see --help)");
                }
                value = args[++i];
            }
            switch (name) {
                case "--targets" -> targets = parseTargets(value);
                case "--mix" -> mixes.add(Mix.parse(value));
                case "--api" -> apis = value.equals("both") ? List.of(Api.S3, Api.OAP) : List.of(Api.parse(value));
                case "--rate" -> rate = positive(name, value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--duration" -> duration = positive(name, value);
                case "--warmup" -> warmup = nonNegative(name, value);
                case "--prewarm" -> prewarm = nonNegative(name, value);
                case "--rounds" -> rounds = positive(name, value);
                case "--cairn-opt" -> {
                    int sep = value.indexOf('=');
                    if (sep < 1) {
                        throw new IllegalArgumentException("--cairn-opt wants KEY=VALUE, not '" + value + "'");
                    }
                    settings.put(value.substring(0, sep).replaceFirst("^--", ""), value.substring(sep + 1));
                }
                case "--cairn-jvm" -> cairnJvm = words(value);
                case "--gatling-jvm" -> gatlingJvm = words(value);
                case "--hot" -> hot = parseHot(value);
                case "--cold" -> cold = nonNegative(name, value);
                case "--out" -> out = Path.of(value);
                case "--reference" -> reference = Optional.of(parseReference(value));
                case "--soak-damage" -> damage = parsePercent(name, value);
                case "--ports" -> ports = Optional.of(parsePorts(value));
                case "--pair" -> pairs.add(parsePair(value));
                case "--work-dir" -> workDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
            }
        }
        if (rate != null && concurrency != null) {
            throw new IllegalArgumentException("give --rate or --concurrency, not both");
        }
        Load load = concurrency != null ? new Load(Load.CONCURRENCY, concurrency) : new Load(Load.RATE, rate == null ? 200 : rate);
        if (!pairs.isEmpty()) {
            mixes.clear();
            LinkedHashSet<Api> pairApis = new LinkedHashSet<>();
            for (String pair : pairs) {
                mixes.add(Mix.parse(pair.substring(0, pair.indexOf(':'))));
                pairApis.add(Api.parse(pair.substring(pair.indexOf(':') + 1)));
            }
            apis = List.copyOf(pairApis);
        }
        if (mixes.isEmpty()) {
            mixes.add(Mix.READ_A);
        }
        if (out == null) {
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(now);
            out = repo.resolve("testing/performance/results").resolve(stamp + ".json");
        }
        if (hot[0] + hot[1] + hot[2] == 0) {
            throw new IllegalArgumentException("--hot must seed at least one hot object");
        }
        return new RigOptions(targets, List.copyOf(mixes), apis, load, duration, warmup, rounds, Map.copyOf(settings),
                cairnJvm, gatlingJvm, hot, cold, out, reference, damage, ports, List.copyOf(pairs), prewarm, repo, workDir);
    }

    /** The user asked for {@code --help}: print {@link #USAGE}, exit 0. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private static List<TargetKind> parseTargets(String value) {
        LinkedHashSet<TargetKind> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            out.add(TargetKind.parse(part.trim()));
        }
        return List.copyOf(out);
    }

    private static TargetKind parseReference(String value) {
        TargetKind kind = TargetKind.parse(value);
        if (kind == TargetKind.CAIRN) {
            throw new IllegalArgumentException("--reference is the peer Cairn is compared with: nginx or s3proxy");
        }
        return kind;
    }

    private static int[] parseHot(String value) {
        String[] parts = value.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--hot wants three counts A/B/C (64 KiB/1 MiB/4 MiB), not '" + value + "'");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = nonNegative("--hot", parts[i]);
        }
        return out;
    }

    private static String parsePair(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("--pair wants MIX:API (e.g. read-a:s3), not '" + value + "'");
        }
        return Mix.parse(value.substring(0, colon)).id() + ":" + Api.parse(value.substring(colon + 1)).id();
    }

    private static int[] parsePorts(String value) {
        String[] parts = value.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--ports wants FROM-TO, not '" + value + "'");
        }
        int from = positive("--ports", parts[0]);
        int to = positive("--ports", parts[1]);
        if (from > to || to > 65535) {
            throw new IllegalArgumentException("--ports: '" + value + "' is not a range of ports");
        }
        return new int[] {from, to};
    }

    static double parsePercent(String name, String value) {
        String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        try {
            double d = Double.parseDouble(number);
            if (d < 0 || d > 100 || Double.isNaN(d)) {
                throw new IllegalArgumentException(name + " must be between 0 and 100%, not " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants a percentage, not '" + value + "'", e);
        }
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants a whole number, not '" + value + "'", e);
        }
    }

    private static List<String> words(String value) {
        return new ArrayList<>(Arrays.asList(value.trim().split("\\s+"))).stream().filter(w -> !w.isEmpty()).toList();
    }

    /** The targets a mix runs on over an API, in round order; none when {@code --pair} leaves the pair out. */
    List<TargetKind> targetsFor(Mix mix, Api api) {
        if (!pairs.isEmpty() && !pairs.contains(mix.id() + ":" + api.id())) {
            return List.of();
        }
        return targets.stream().filter(t -> mix.runsOn(t, api)).toList();
    }

    /** The peer of the ratios for a mix: {@code --reference}, else the mix's default. */
    TargetKind referenceFor(Mix mix) {
        return reference.orElse(mix.defaultReference());
    }
}
