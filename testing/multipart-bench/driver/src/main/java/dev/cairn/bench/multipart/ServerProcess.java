package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server running as its own OS process, so that its {@code /proc} counters measure it alone.
 * Output goes to a log file; {@link #close} stops it with SIGTERM, then SIGKILL.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    /** Stops the server if the driver is interrupted (Ctrl-C), so no server outlives the run. */
    private final Thread stopOnExit;

    private ServerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts {@code command} and waits until anything answers HTTP on {@code port}.
     *
     * @throws IllegalStateException if the process exits or does not answer within 90 s; the
     *     message carries the end of its log. Never returns a server that is not serving.
     */
    public static ServerProcess start(String name, List<String> command, Path workDir, int port, Path log) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        drainTo(process, log);
        ServerProcess server = new ServerProcess(name, process, port, log);
        try {
            server.awaitHttp();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Copies the server's output to {@code log} on a driver thread. Through a pipe, not a file
     * handed to the server, so the log's page-cache writes are charged to the driver and the
     * server's {@code write_bytes} counts its storage alone.
     */
    private static void drainTo(Process process, Path log) {
        Thread drain = new Thread(() -> {
            try (InputStream in = process.getInputStream(); OutputStream out = Files.newOutputStream(log)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the process ended or the log is gone; the exit code tells the story
            }
        }, "server-log-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    public long pid() {
        return process.pid();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitHttp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it served on port " + port + "; end of " + log + ":\n" + tail());
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return; // any status means the HTTP stack is up
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // accepted but not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not answer HTTP on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; end of " + log + ":\n" + tail());
            }
            sleep(100);
        }
    }

    /** The last 40 lines of the server's output, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
