package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bench.multipart.MultipartBench;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The performance rig's one command ({@code testing/performance/run.sh}): starts each target once,
 * seeds it, runs every mix over every API against every target in alternating rounds, measures each
 * run, writes the summary and prints the Markdown report. {@link RigOptions#USAGE} lists the options.
 */
public final class Rig {
    private final RigOptions options;
    private final Summary summary;
    private final Path work;
    private final List<SeedObject> objects;
    private final Map<TargetKind, Target> targets = new EnumMap<>(TargetKind.class);
    private Target soakTarget;
    private final Map<String, Map<String, SeedObject>> soakSeeded = new LinkedHashMap<>();

    private Rig(RigOptions options, Instant started) {
        this.options = options;
        this.summary = new Summary(options, started);
        this.work = options.workDir().resolve("run-" + started.toEpochMilli());
        this.objects = SeedPlan.of(options.hot(), options.cold());
    }

    /** Runs the rig from the repository root (run.sh's working directory) and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath()));
    }

    /**
     * Runs the rig.
     *
     * @param repo the repository root: where the servers' builds and the simulations are found
     * @return 0 when every run completed and no Cairn run saw an unexpected status, a 5xx or a 403;
     *     1 when one did (the summary is written all the same) or when the rig itself failed, e.g. a
     *     server did not start (the message says why; no summary); 2 on bad options
     */
    public static int run(String[] args, Path repo) {
        RigOptions options;
        try {
            options = RigOptions.parse(args, repo, Instant.now());
        } catch (RigOptions.HelpRequested e) {
            System.out.print(RigOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("rig: " + e.getMessage());
            return 2;
        }
        Rig rig = new Rig(options, Instant.now());
        try {
            return rig.execute();
        } catch (RuntimeException e) {
            System.err.println("rig: " + e.getMessage());
            Throwable cause = e.getCause();
            if (cause != null) {
                System.err.println("rig: caused by " + cause);
            }
            System.err.println("rig: servers' logs and the load generator's output are under " + rig.work);
            return 1;
        }
    }

    private int execute() {
        progress("work directory " + work + "; summary to " + options.out());
        GatlingRun.Simulations simulations = GatlingRun.Simulations.in(options.repo());
        String classpath = simulations.classpath();
        try {
            startTargets();
            prewarm(classpath);
            for (int round = 1; round <= options.rounds(); round++) {
                for (Mix mix : options.mixes()) {
                    for (Api api : options.apis()) {
                        for (TargetKind kind : options.targetsFor(mix, api)) {
                            Target target = mix == Mix.SOAK ? soakTarget : targets.get(kind);
                            if (target != null && target.manifest(api).isPresent()) {
                                runOne(round, mix, api, target, classpath);
                            }
                        }
                    }
                }
            }
        } finally {
            stopTargets();
        }
        JsonNode root = summary.finish(Instant.now());
        summary.write(options.out());
        System.out.print(Report.markdown(root));
        progress("summary written to " + options.out());
        if (summary.failed()) {
            progress("FAILED; logs kept under " + work);
            return 1;
        }
        deleteQuietly(work);
        return 0;
    }

    private void startTargets() {
        TargetStarter starter = new TargetStarter(options.repo(), new PortPicker(options.ports()));
        boolean cairnNeeded = needed(TargetKind.CAIRN, false);
        int oapLargest = Integer.MAX_VALUE;
        Map<String, String> cairnSettings = TargetStarter.cairnSettings(options.cairnSettings());
        if (cairnNeeded) {
            progress("starting Cairn " + cairnSettings);
            Target cairn = starter.cairn("cairn", work.resolve("cairn"), options.cairnJvm(), cairnSettings);
            targets.put(TargetKind.CAIRN, cairn);
            summary.target(cairn, "cairn-server.jar", cairnSettings);
            oapLargest = seedCairn(cairn, Optional.empty());
        }
        if (needed(TargetKind.CAIRN, true)) {
            Path replicas = work.resolve("cairn-soak/replicas");
            Map<String, String> settings = new LinkedHashMap<>(cairnSettings);
            settings.putIfAbsent("replication.replicas", Stream.of("a", "b", SoakRecorder.DAMAGED_REPLICA)
                    .map(r -> replicas.resolve(r).toString()).reduce((a, b) -> a + "," + b).orElseThrow());
            settings.putIfAbsent("replication.scan-interval", "5s");
            progress("starting Cairn for the soak " + settings);
            soakTarget = starter.cairn("cairn-soak", work.resolve("cairn-soak"), options.cairnJvm(), settings);
            summary.target(soakTarget, "cairn-server.jar", settings);
            seedCairn(soakTarget, Optional.of(soakSeeded));
        }
        if (needed(TargetKind.S3PROXY, false)) {
            progress("starting S3Proxy 2.6.0");
            Target s3proxy = starter.s3proxy(work.resolve("s3proxy"));
            targets.put(TargetKind.S3PROXY, s3proxy);
            summary.target(s3proxy, "S3Proxy 2.6.0 (jclouds filesystem)", Map.of("jvm", "-Xmx1g"));
            s3proxy.manifest(Api.S3, S3Seeder.seed(s3proxy.endpoint(), objects).write(s3proxy.dir().resolve("manifest-s3.tsv")));
        }
        if (needed(TargetKind.NGINX, false)) {
            progress("starting nginx");
            Target nginx = starter.nginx(work.resolve("nginx"), objects, oapLargest);
            targets.put(TargetKind.NGINX, nginx);
            summary.target(nginx, "nginx (static files)", Map.of("worker_processes", "auto", "sendfile", "on", "access_log", "off"));
        }
    }

    /** Seeds a gateway over the APIs in use; returns the largest size OAP accepted. */
    private int seedCairn(Target cairn, Optional<Map<String, Map<String, SeedObject>>> seeded) {
        int largest = Integer.MAX_VALUE;
        if (options.apis().contains(Api.S3)) {
            cairn.manifest(Api.S3, S3Seeder.seed(cairn.endpoint(), objects).write(cairn.dir().resolve("manifest-s3.tsv")));
            Map<String, SeedObject> byKey = new LinkedHashMap<>();
            objects.forEach(o -> byKey.put(o.key(), o));
            seeded.ifPresent(m -> m.put(SeedPlan.BUCKET, byKey));
        }
        if (options.apis().contains(Api.OAP)) {
            OapSeeder.Result oap = OapSeeder.seed(cairn.endpoint(), dev.cairn.bench.multipart.CairnLauncher.OAP_WRITE_TOKEN, objects);
            cairn.manifest(Api.OAP, oap.manifest().write(cairn.dir().resolve("manifest-oap.tsv")));
            seeded.ifPresent(m -> m.put(".oap", oap.byAddress()));
            if (oap.overBodyCap() > 0) {
                largest = oap.largestSeeded();
                summary.note(String.format(Locale.ROOT, "%s: %d objects over the gateway's oap.max-body were not seeded over OAP, so every "
                        + "OAP manifest (nginx's too) holds objects up to %d bytes; --cairn-opt oap.max-body=4MiB seeds them",
                        cairn.name(), oap.overBodyCap(), largest));
            }
        }
        return largest;
    }

    /** Whether a target kind runs any of the mixes (the soak's gateway is separate from the others). */
    private boolean needed(TargetKind kind, boolean soak) {
        return options.mixes().stream().anyMatch(m -> (m == Mix.SOAK) == soak
                && options.apis().stream().anyMatch(a -> options.targetsFor(m, a).contains(kind)));
    }

    /**
     * A JVM compiles for tens of seconds after it starts serving, and a few seconds of warm-up per
     * run leave the JIT's own CPU in the first round's numbers (measured: C2 was ~24% of the
     * gateway's CPU 40 s after start). So every JVM target runs each of its workloads once,
     * unrecorded, before round 1. nginx needs none; the soak has its own gateway and length.
     */
    private void prewarm(String classpath) {
        if (options.prewarmSeconds() == 0) {
            return;
        }
        for (Mix mix : options.mixes()) {
            for (Api api : options.apis()) {
                for (TargetKind kind : options.targetsFor(mix, api)) {
                    Target target = targets.get(kind);
                    if (mix == Mix.SOAK || kind == TargetKind.NGINX || target == null || target.manifest(api).isEmpty()) {
                        continue;
                    }
                    Path dir = TargetStarter.mkdirs(work.resolve("prewarm").resolve(mix.id() + "-" + api.id() + "-" + target.name()));
                    Path out = dir.resolve("result.json");
                    var props = GatlingRun.properties(target.endpoint(), api, target.manifest(api).orElseThrow(), options.load(),
                            options.prewarmSeconds(), 0, out, dev.cairn.bench.multipart.CairnLauncher.OAP_WRITE_TOKEN);
                    progress(String.format(Locale.ROOT, "pre-warm: %s over %s against %s for %d s (not recorded)", mix.id(), api.id(),
                            target.name(), options.prewarmSeconds()));
                    try (RunMeter meter = new RunMeter(target.pid(), out)) {
                        GatlingRun.run(GatlingRun.command(options.gatlingJvm(), classpath, mix, props, dir.resolve("gatling")),
                                dir.resolve("gatling.log"), out, meter, options.prewarmSeconds() + 300L);
                    }
                }
            }
        }
    }

    private void runOne(int round, Mix mix, Api api, Target target, String classpath) {
        Path dir = TargetStarter.mkdirs(work.resolve("runs").resolve(String.format(Locale.ROOT, "r%d-%s-%s-%s", round, mix.id(), api.id(), target.name())));
        Path out = dir.resolve("result.json");
        var props = GatlingRun.properties(target.endpoint(), api, target.manifest(api).orElseThrow(), options.load(),
                options.durationSeconds(), options.warmupSeconds(), out, dev.cairn.bench.multipart.CairnLauncher.OAP_WRITE_TOKEN);
        List<String> command = GatlingRun.command(options.gatlingJvm(), classpath, mix, props, dir.resolve("gatling"));
        progress(String.format(Locale.ROOT, "round %d: %s over %s against %s at %s for %d s (+%d s warm-up)", round, mix.id(), api.id(),
                target.name(), options.load(), options.durationSeconds(), options.warmupSeconds()));
        SoakRecorder soak = mix == Mix.SOAK
                ? SoakRecorder.prepare(target.endpoint(), target.dir().resolve("replicas"), soakSeeded, options.soakDamage(), round)
                : null;
        GatlingRun.Outcome outcome;
        RunMeter.Result cost;
        try (RunMeter meter = new RunMeter(target.pid(), out)) {
            if (soak != null) {
                soak.start(options.warmupSeconds(), options.durationSeconds());
            }
            outcome = GatlingRun.run(command, dir.resolve("gatling.log"), out, meter,
                    options.warmupSeconds() + options.durationSeconds() + 300L);
            cost = meter.finish(outcome.simulation().map(s -> s.path("elapsedSeconds").asDouble(0)).orElse(0.0));
        }
        if (soak != null) {
            summary.soak(soak.finish(round, api));
        }
        List<String> problems = RunChecks.problems(outcome.simulation(), outcome.exitCode());
        RunRecord record = new RunRecord(round, target.kind(), mix, api, options.load(), options.durationSeconds(),
                options.warmupSeconds(), outcome, cost, problems);
        summary.run(record);
        String what = String.format(Locale.ROOT, "round %d %s %s %s", round, mix.id(), api.id(), target.name());
        if (outcome.simulation().isEmpty()) {
            summary.failure(what + ": " + problems.get(0) + "; see " + outcome.log());
        } else if (!problems.isEmpty()) {
            if (target.kind() == TargetKind.CAIRN) {
                summary.failure(what + ": " + String.join("; ", problems));
            } else {
                summary.note(what + ": " + String.join("; ", problems));
            }
        }
        if (!cost.peakReset()) {
            summary.note(what + ": the peak RSS could not be reset (clear_refs refused); peakRssMiB is the process's lifetime peak");
        }
        RunView view = new RunView(record.toJson());
        progress(String.format(Locale.ROOT, "  %d requests, %s req/s, p95 %s ms, server CPU %.2f s (%s ms/req), peak RSS %s MiB%s",
                view.requests(), Report.num(view.rps()), Report.num(view.p95()), cost.serverCpuSeconds(),
                Report.num(view.cpuMsPerRequest()), Report.num(view.peakRssMiB()), problems.isEmpty() ? "" : "; " + problems));
    }

    private void stopTargets() {
        List<Target> all = new ArrayList<>(targets.values());
        if (soakTarget != null) {
            all.add(soakTarget);
        }
        for (Target t : all) {
            try {
                t.close();
            } catch (RuntimeException e) {
                System.err.println("rig: " + e.getMessage());
            }
        }
    }

    private static void progress(String line) {
        System.err.println("rig: " + line);
    }

    private static void deleteQuietly(Path dir) {
        try {
            MultipartBench.deleteTree(dir);
        } catch (UncheckedIOException e) {
            System.err.println("rig: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
