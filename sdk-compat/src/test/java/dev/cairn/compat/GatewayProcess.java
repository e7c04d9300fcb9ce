package dev.cairn.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway in its own OS process: {@code java -cp <this test classpath> dev.cairn.server.Main}
 * with the lane's fixed credentials, a free port of its choosing (read from its "Cairn listening on"
 * line), and ready once {@code /readyz} answers 200. Unlike {@link Gateway} it shares no JVM, lock
 * table or cache with the test or another gateway, and it can be killed with SIGKILL.
 */
final class GatewayProcess implements AutoCloseable {
    private static final String LISTENING = "Cairn listening on ";

    private final Process process;
    private final List<String> output;
    private final URI endpoint;
    private boolean ready;

    private GatewayProcess(Process process, List<String> output, URI endpoint) {
        this.process = process;
        this.output = output;
        this.endpoint = endpoint;
    }

    /**
     * Starts a gateway on {@code dataDir} and waits until it is ready.
     *
     * @param extra further {@code key=value} settings, passed as flags
     * @throws AssertionError naming its output if it does not become ready within 60 s
     */
    static GatewayProcess start(String backend, Path dataDir, Map<String, String> extra) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-cp", testClasspath(), "dev.cairn.server.Main",
                "--http.host=127.0.0.1", "--http.port=0", "--backend=" + backend, "--data.dir=" + dataDir,
                "--access-key=" + Gateway.ACCESS_KEY, "--secret-key=" + Gateway.SECRET_KEY, "--oap.write-token=compat-oap-token",
                "--log.access=false"));
        if (backend.equals("local")) {
            cmd.add("--local.min-free=1MiB"); // as Gateway: temp dirs may sit on a nearly full disk
        }
        extra.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        URI[] url = new URI[1];
        Thread pump = new Thread(() -> pump(p, lines, url), "gateway-process-output");
        pump.setDaemon(true);
        pump.start();
        GatewayProcess gateway = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (url) {
                while (url[0] == null && p.isAlive() && System.nanoTime() < deadline) {
                    url.wait(200);
                }
            }
            if (url[0] == null) {
                throw new AssertionError("gateway process did not start; output:\n" + String.join("\n", lines));
            }
            gateway = new GatewayProcess(p, lines, url[0]);
            gateway.awaitReady(deadline);
            return gateway;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting a gateway process", e);
        } finally {
            if (gateway == null || !gateway.ready) {
                p.destroyForcibly();
            }
        }
    }

    private void awaitReady(long deadline) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readyz = HttpRequest.newBuilder(endpoint.resolve("/readyz")).timeout(Duration.ofSeconds(2)).build();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not accepting yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/readyz never answered 200 (last " + last + "); output:\n" + output());
    }

    private static void pump(Process p, List<String> lines, URI[] url) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
                if (line.startsWith(LISTENING)) {
                    synchronized (url) {
                        url[0] = URI.create(line.substring(LISTENING.length()).split(" ")[0].replaceAll("/$", ""));
                        url.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e + ")");
        }
    }

    /** The java binary running this test, so the child runs on the same JDK. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire's real test classpath (java.class.path may be only its manifest jar). */
    private static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return String.join("\n", output);
    }

    /** SIGKILL: no shutdown hook, no flush, no cleanup; returns once the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("gateway process " + pid() + " survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hook closes the server and the store
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
