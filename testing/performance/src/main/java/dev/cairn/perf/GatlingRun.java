package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bench.multipart.ServerLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Gatling simulation of {@code testing/gatling}, run as its own JVM against one target, as
 * {@code testing/gatling/README.md} documents it: {@code java -cp <classes>:<gatling.classpath>
 * io.gatling.app.Gatling --simulation <class> ...} with the {@code cairn.perf.*} system properties
 * in and one JSON result file out.
 */
final class GatlingRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What Gatling 3.15 needs on JDK 17+ (the gatling-maven-plugin passes the same): its log writer
     * reads String internals, netty uses direct buffers.
     */
    static final List<String> REQUIRED_JVM = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

    /**
     * What the run produced.
     *
     * @param simulation the simulation's result JSON, empty if it wrote none
     * @param exitCode the Gatling JVM's exit code
     * @param cpuSecondsWholeRun the Gatling JVM's CPU from start to exit (start-up and warm-up included)
     */
    record Outcome(Optional<JsonNode> simulation, int exitCode, double cpuSecondsWholeRun, double wallSeconds, Path log) {
    }

    /** Where the simulations are: compiled classes and the classpath file of the Gatling module. */
    record Simulations(Path classes, Path classpathFile) {
        static Simulations in(Path repo) {
            Path module = repo.resolve("testing/gatling/target");
            return new Simulations(module.resolve("classes"), module.resolve("gatling.classpath"));
        }

        /** @throws IllegalStateException naming the build step when the module was not built */
        String classpath() {
            if (!Files.isDirectory(classes.resolve("dev/cairn/perf/gatling"))) {
                throw new IllegalStateException("no Gatling simulations in " + classes + ": build them with "
                        + "`./mvnw -B -DskipTests package -pl testing/performance -am` (run.sh does)");
            }
            return classes + java.io.File.pathSeparator + ServerLauncher.readClasspath(classpathFile);
        }
    }

    private GatlingRun() {
    }

    /** The {@code cairn.perf.*} properties of one run. */
    static Map<String, String> properties(URI target, Api api, Path seed, Load load, int duration, int warmup, Path out,
                                          String oapToken) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cairn.perf.target", target.toString().replaceAll("/$", ""));
        p.put("cairn.perf.api", api.id());
        p.put("cairn.perf.seed", seed.toString());
        p.put("cairn.perf.bucket", SeedPlan.BUCKET);
        p.put("cairn.perf.access-key", ServerLauncher.ACCESS_KEY);
        p.put("cairn.perf.secret-key", ServerLauncher.SECRET_KEY);
        p.put("cairn.perf.region", S3Seeder.REGION);
        p.put("cairn.perf.oap-token", oapToken);
        p.put(load.property(), Integer.toString(load.value()));
        p.put("cairn.perf.duration", Integer.toString(duration));
        p.put("cairn.perf.warmup", Integer.toString(warmup));
        p.put("cairn.perf.out", out.toString());
        return p;
    }

    static List<String> command(List<String> jvm, String classpath, Mix mix, Map<String, String> properties, Path resultsDir) {
        List<String> command = new ArrayList<>();
        command.add(ServerLauncher.javaBinary());
        command.addAll(REQUIRED_JVM);
        command.addAll(jvm);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(classpath);
        command.add("io.gatling.app.Gatling");
        command.add("--simulation");
        command.add(mix.simulationClass());
        command.add("--results-folder");
        command.add(resultsDir.toString());
        command.add("--no-reports");
        return command;
    }

    /**
     * Runs the command to its end (killing it after {@code timeoutSeconds}), its output to {@code log}.
     *
     * @param meter told the load generator's pid, so it can sample its CPU
     * @param out the result file the simulation writes
     * @throws UncheckedIOException if the JVM cannot be started or the result is not JSON
     */
    static Outcome run(List<String> command, Path log, Path out, RunMeter meter, long timeoutSeconds) {
        long reapedBefore = ProcessTree.reapedChildrenTicks();
        long started = System.nanoTime();
        Process process;
        try {
            Files.deleteIfExists(out);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Gatling: " + command, e);
        }
        meter.loadGenerator(process.pid());
        int exit;
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Gatling ran", e);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = ProcessTree.seconds(ProcessTree.reapedChildrenTicks() - reapedBefore);
        Optional<JsonNode> result = Optional.empty();
        if (Files.isRegularFile(out)) {
            try {
                result = Optional.of(JSON.readTree(out.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("the simulation's result " + out + " is not JSON", e);
            }
        }
        return new Outcome(result, exit, cpu, wall, log);
    }
}
