package dev.cairn.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A gateway started the way a user starts it: the repository's {@code ./cairn} launcher as a
 * separate process, in a working directory of the test's choosing. Integration tests run after
 * {@code package}, so the launcher finds a fresh jar and starts at once.
 */
final class LaunchedGateway implements AutoCloseable {
    private final Process process;
    private final List<String> output;
    private final String baseUrl;

    private LaunchedGateway(Process process, String baseUrl, List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("cairn"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no ./cairn launcher above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Runs {@code ./cairn args...} in {@code cwd} to completion and returns exit code and output. */
    static Result run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(repoRoot().resolve("cairn").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./cairn did not finish: " + text);
        }
        return new Result(p.exitValue(), text);
    }

    record Result(int exitCode, String output) {
    }

    /** Starts {@code ./cairn args...} in {@code cwd} and waits for its "listening" line. */
    static LaunchedGateway start(Path cwd, String... args) throws IOException, InterruptedException {
        return start(cwd, List.of(), args);
    }

    /** As {@link #start(Path, String...)}, with extra {@code NAME=value} environment entries. */
    static LaunchedGateway start(Path cwd, List<String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(repoRoot().resolve("cairn").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        for (String entry : env) {
            int eq = entry.indexOf('=');
            pb.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        String[] url = new String[1];
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("Cairn listening on ")) {
                        synchronized (url) {
                            url[0] = line.substring("Cairn listening on ".length()).split(" ")[0].replaceAll("/$", "");
                            url.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        }, "cairn-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (url) {
            while (url[0] == null && p.isAlive() && System.nanoTime() < deadline) {
                url.wait(200);
            }
        }
        if (url[0] == null) {
            p.destroyForcibly();
            throw new AssertionError("gateway did not start; output:\n" + String.join("\n", lines));
        }
        return new LaunchedGateway(p, url[0], lines);
    }

    String baseUrl() {
        return baseUrl;
    }

    String output() {
        return String.join("\n", output);
    }

    /** Sends SIGTERM (the launcher execs java, so this is the JVM) and waits for a graceful exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gateway did not stop within 30 s of SIGTERM");
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
}
