package dev.cairn.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A command line of the image run as a process of this machine, with exactly the environment the
 * container would have (the image's {@code ENV}, rewritten paths, the caller's overrides and a
 * {@code PATH} whose {@code java} is the chosen JDK); nothing is inherited from the test's own
 * environment, so a stray {@code CAIRN_*} variable cannot help it start.
 */
final class DockerfileProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output;

    private DockerfileProcess(Process process, List<String> output) {
        this.process = process;
        this.output = output;
    }

    static DockerfileProcess start(List<String> command, Map<String, String> env, Path workdir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        }, "image-process-output");
        pump.setDaemon(true);
        pump.start();
        return new DockerfileProcess(p, lines);
    }

    /** Runs {@code command} to its end (at most {@code seconds}) and returns its exit code; -1 when it had to be killed. */
    static int run(List<String> command, Map<String, String> env, Path workdir, long seconds) throws IOException, InterruptedException {
        try (DockerfileProcess p = start(command, env, workdir)) {
            if (!p.process.waitFor(seconds, TimeUnit.SECONDS)) {
                return -1;
            }
            return p.process.exitValue();
        }
    }

    /** Waits for a line starting with {@code prefix}; fails with the output when the process dies or time runs out. */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting '" + prefix + "' (alive: " + process.isAlive() + "); output:\n" + output());
    }

    String output() {
        return String.join("\n", output);
    }

    /** SIGTERM, as {@code docker stop} sends; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not stop within 30 s of SIGTERM; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The JDK closest to the image's runtime (21+): {@code CAIRN_IT_JAVA21_HOME}, then a 21+ JDK
     * under {@code /usr/lib/jvm}; the running JVM when there is none (it serves on platform threads).
     */
    static Path runtimeJdk() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("CAIRN_IT_JAVA21_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            if (Files.isExecutable(home.resolve("bin/java")) && feature(home) >= 21) {
                return home;
            }
        }
        return Path.of(System.getProperty("java.home"));
    }

    static int feature(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                return Integer.parseInt(line.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0]);
            }
        }
        return 0;
    }
}
