package dev.cairn.perf;

import dev.cairn.bench.multipart.CairnLauncher;
import dev.cairn.bench.multipart.S3ProxyLauncher;
import dev.cairn.bench.multipart.ServerLauncher;
import dev.cairn.bench.multipart.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts each kind of target on a fresh directory and seeds it: Cairn from its runnable jar,
 * S3Proxy 2.6.0 from the classpath its runtime module resolved, nginx over files written here.
 */
final class TargetStarter {
    /** The rig's gateway defaults, under {@code --cairn-opt}: requests are not logged, as with the peers. */
    static final Map<String, String> CAIRN_DEFAULTS = Map.of("backend", "local", "log.access", "false");
    private static final List<String> PEER_JVM = List.of("-Xmx1g");

    private final Path repo;
    private final PortPicker ports;

    TargetStarter(Path repo, PortPicker ports) {
        this.repo = repo;
        this.ports = ports;
    }

    /** The gateway's settings for a run: the rig's defaults, then {@code --cairn-opt}. */
    static Map<String, String> cairnSettings(Map<String, String> options) {
        Map<String, String> settings = new LinkedHashMap<>(CAIRN_DEFAULTS);
        settings.putAll(options);
        return settings;
    }

    /**
     * @param name {@code cairn}, or {@code cairn-soak} for the soak's gateway (its settings name the replicas)
     * @throws IllegalStateException if the jar is missing or the gateway does not start (with its log's end)
     */
    Target cairn(String name, Path dir, List<String> jvm, Map<String, String> settings) {
        Path jar = repo.resolve("gateway/server/target/cairn-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it with `./mvnw -B -DskipTests package -pl gateway/server -am` (run.sh does)");
        }
        ServerProcess server = CairnLauncher.ofJar(jar, jvm, settings).start(mkdirs(dir), ports.next());
        return new Target(TargetKind.CAIRN, name, server.endpoint(), server.pid(), dir, server);
    }

    /** @throws IllegalStateException if S3Proxy's classpath was not built or it does not start */
    Target s3proxy(Path dir) {
        String classpath = ServerLauncher.readClasspath(repo.resolve("testing/multipart-bench/s3proxy-runtime/target/server.classpath"));
        ServerProcess server = new S3ProxyLauncher(classpath, PEER_JVM, "filesystem").start(mkdirs(dir), ports.next());
        return new Target(TargetKind.S3PROXY, TargetKind.S3PROXY.id(), server.endpoint(), server.pid(), dir, server);
    }

    /**
     * Writes the seeded objects as files, then starts nginx over them; its manifests are set
     * (the OAP one without objects above {@code oapLargest}, see {@link StaticSeeder}).
     *
     * @throws IllegalStateException if nginx cannot be installed or started
     */
    Target nginx(Path dir, List<SeedObject> objects, int oapLargest) {
        Path nginx = ensureNginx();
        Path root = mkdirs(dir.resolve("root"));
        Map<Api, Manifest> manifests = StaticSeeder.seed(root, objects, oapLargest);
        NginxServer server = NginxServer.start(nginx, mkdirs(dir.resolve("run")), root, ports.next());
        Target target = new Target(TargetKind.NGINX, TargetKind.NGINX.id(), server.endpoint(), server.pid(), dir, server);
        manifests.forEach((api, m) -> target.manifest(api, m.write(dir.resolve("manifest-" + api.id() + ".tsv"))));
        return target;
    }

    /** Runs scripts/ensure-nginx.sh, which prints the binary's path or fails naming the step to take. */
    private Path ensureNginx() {
        Path script = repo.resolve("testing/performance/scripts/ensure-nginx.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("nginx is a target but " + script + " failed (its message is above)");
            }
            return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted installing nginx", e);
        }
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
