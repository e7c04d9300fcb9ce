package dev.cairn.perf;

import dev.cairn.bench.multipart.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx serving a directory statically, as the reference for GET, HEAD and ranges: a generated
 * configuration under the run directory ({@code daemon off}, {@code worker_processes auto},
 * {@code sendfile on}, {@code access_log off}, keep-alive), started through {@code setsid} so that
 * the master and its workers form their own process group. {@link #close} and a shutdown hook stop
 * the whole group, so no worker outlives the rig, whatever ends it.
 */
final class NginxServer implements AutoCloseable {
    private final ServerProcess master;
    private final Thread stopOnExit;

    private NginxServer(ServerProcess master) {
        this.master = master;
        this.stopOnExit = new Thread(() -> killGroup(master.pid(), "KILL"), "stop-nginx-group");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * @param nginx the nginx binary (from {@code scripts/ensure-nginx.sh})
     * @param runDir an empty directory for the configuration, temp files and log
     * @param root the directory served at {@code /}
     * @throws IllegalStateException if nginx does not start and answer HTTP (message has its log's end)
     */
    static NginxServer start(Path nginx, Path runDir, Path root, int port) {
        Path conf = runDir.resolve("nginx.conf");
        try {
            Files.createDirectories(runDir.resolve("temp"));
            Files.writeString(conf, config(runDir, root, port, isRoot()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write nginx's configuration in " + runDir, e);
        }
        List<String> command = List.of("setsid", nginx.toString(), "-p", runDir.toString(), "-c", conf.toString(), "-e", "stderr");
        return new NginxServer(ServerProcess.start("nginx", command, runDir, port, runDir.resolve("server.log")));
    }

    /** The configuration; as root, workers stay root so they can read the rig's files wherever they are. */
    static String config(Path runDir, Path root, int port, boolean asRoot) {
        Path temp = runDir.resolve("temp");
        return (asRoot ? "user root;\n" : "") + """
                daemon off;
                master_process on;
                worker_processes auto;
                pid %1$s/nginx.pid;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 65s;
                    keepalive_requests 1000000;
                    default_type application/octet-stream;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    server {
                        listen 127.0.0.1:%3$d;
                        root %4$s;
                        location / {
                        }
                    }
                }
                """.formatted(runDir, temp, port, root);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    long pid() {
        return master.pid();
    }

    URI endpoint() {
        return master.endpoint();
    }

    /** Stops the master (nginx's fast shutdown also ends the workers), then anything left in its group. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs anyway
        }
        long group = master.pid();
        master.close();
        killGroup(group, "KILL");
    }

    /** {@code kill -SIGNAL -- -GROUP}; quiet when the group is already empty. */
    private static void killGroup(long group, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the master's own shutdown already ended the workers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
