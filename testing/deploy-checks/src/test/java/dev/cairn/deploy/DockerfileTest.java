package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.cairn.deploy.DockerfileModel.Instruction;
import dev.cairn.deploy.DockerfileModel.Stage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code Dockerfile}, checked without a Docker engine: its structure is parsed
 * and asserted, then the final stage's start command is run as a process over a rebuilt copy of
 * the image's filesystem ({@link DockerfileImageRoot}). That run is the nearest honest check of
 * "a read-only root filesystem works" here: the application directory is made read-only (binding
 * only when the tests do not run as root) and, in every case, compared file by file before and
 * after, so any write outside the data volume and the {@code /tmp} tmpfs fails the test.
 */
class DockerfileTest {
    private static final String TOKEN = "image-test-oap-token";

    @TempDir
    Path temp;

    @Test
    void buildsWithAJdkStageAndRunsOnAJreStage() throws IOException {
        DockerfileModel d = dockerfile();
        assertTrue(d.stages().size() >= 2, "multi-stage: " + d.stages());
        Stage build = d.stages().get(0);
        assertTrue(build.image().matches("eclipse-temurin:\\d+-jdk.*"), "build stage on a Temurin JDK: " + build.image());
        assertTrue(build.all("RUN").stream().anyMatch(r -> r.args().contains("./mvnw") && r.args().contains("-pl gateway/server -am")),
                "the build stage builds the server with the Maven wrapper");
        Stage runtime = d.finalStage();
        assertTrue(runtime.image().matches("eclipse-temurin:(2[1-9]|[3-9]\\d)-jre.*"), "runtime on a Temurin JRE 21+: " + runtime.image());
        for (Stage s : d.stages()) {
            assertFalse(s.image().endsWith(":latest") || !s.image().contains(":"), "pinned by tag: " + s.image());
        }
        assertTrue(runtime.all("RUN").stream().noneMatch(r -> r.args().contains("mvnw")), "nothing is built in the runtime stage");
    }

    @Test
    void runsAsANumericNonRootUser() throws IOException {
        String user = dockerfile().finalStage().last("USER").orElseThrow(() -> new AssertionError("no USER in the final stage")).args();
        Matcher m = Pattern.compile("(\\d+)(?::(\\d+))?").matcher(user);
        assertTrue(m.matches(), "numeric uid[:gid], so Kubernetes' runAsNonRoot can verify it: " + user);
        assertNotEquals("0", m.group(1), "not root");
        assertTrue(m.group(2) == null || !m.group(2).equals("0"), "not the root group");
    }

    @Test
    void healthcheckCallsHealthzWithToolsInTheImage() throws IOException {
        Instruction hc = dockerfile().finalStage().last("HEALTHCHECK").orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        List<String> cmd = healthcheckCommand(hc);
        assertEquals("bash", cmd.get(0), "bash is in the Ubuntu-based JRE image; curl and wget are not promised");
        assertTrue(String.join(" ", cmd).contains("/healthz"), String.join(" ", cmd));
        assertTrue(hc.flags().containsKey("timeout") && hc.flags().containsKey("start-period"), "timeout and start period: " + hc.flags());
    }

    @Test
    void exposesThePortItListensOnAndMountsTheDataDirectory() throws IOException {
        Stage runtime = dockerfile().finalStage();
        Map<String, String> env = runtime.env();
        assertEquals(env.get("CAIRN_HTTP_PORT"), runtime.last("EXPOSE").orElseThrow().args());
        assertEquals("0.0.0.0", env.get("CAIRN_HTTP_HOST"), "reachable from outside the container");
        String volume = runtime.last("VOLUME").orElseThrow().execForm().orElseThrow().get(0);
        assertEquals(env.get("CAIRN_DATA_DIR"), volume, "the data directory is the volume");
        assertEquals(volume, runtime.last("WORKDIR").orElseThrow().args(), "a relative path lands on the volume, never in the image");
        assertFalse(env.containsKey("JAVA_TOOL_OPTIONS") || env.containsKey("JDK_JAVA_OPTIONS"),
                "JVM defaults are CAIRN_JAVA_OPTS, which a user replaces whole, not JAVA_TOOL_OPTIONS: " + env);
    }

    @Test
    void everyCopySourceExistsAndTheContextKeepsBuildOutputOut() throws IOException {
        Path repo = repo();
        List<String> ignored = Files.readAllLines(repo.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(ignored.containsAll(List.of(".git", ".build", "**/target", "data")), ".dockerignore: " + ignored);
        for (String needed : List.of("mvnw", ".mvn", "pom.xml", "gateway", "backends", "cache")) {
            assertTrue(Files.exists(repo.resolve(needed)) && !ignored.contains(needed), needed + " reaches the build stage");
        }
        DockerfileModel d = dockerfile();
        for (Stage s : d.stages()) {
            for (Instruction copy : s.all("COPY")) {
                if (!copy.flags().containsKey("from")) {
                    String[] words = copy.args().split("\\s+");
                    for (int i = 0; i < words.length - 1; i++) {
                        assertTrue(Files.exists(repo.resolve(words[i])), "COPY source in the repository: " + words[i]);
                    }
                }
            }
        }
        // the --from copies: resolved to what the build stage produces, and copied
        DockerfileImageRoot image = DockerfileImageRoot.build(d, repo, temp.resolve("image"));
        assertTrue(Files.isRegularFile(image.host("/opt/cairn/cairn-server.jar")));
        try (Stream<Path> lib = Files.list(image.host("/opt/cairn/lib"))) {
            assertTrue(lib.anyMatch(p -> p.getFileName().toString().startsWith("jetty-server")), "lib/ next to the jar");
        }
    }

    @Test
    void theSystemdUnitStartsTheSameJarTheSameWay() throws IOException {
        String unit = Files.readString(repo().resolve("deploy/systemd/cairn.service"));
        String entry = String.join(" ", dockerfile().finalStage().last("ENTRYPOINT").orElseThrow().execForm().orElseThrow());
        for (String part : List.of("-Djava.io.tmpdir=/tmp $CAIRN_JAVA_OPTS -jar /opt/cairn/cairn-server.jar")) {
            assertTrue(entry.contains(part), "image: " + entry);
            assertTrue(unit.contains(part), "systemd unit: " + part);
        }
        assertTrue(Files.isRegularFile(repo().resolve("deploy/systemd/cairn.env.example")));
    }

    @Test
    void theEntrypointServesWithOnlyTheDataVolumeAndTmpWritable() throws Exception {
        DockerfileImageRoot image = DockerfileImageRoot.build(dockerfile(), repo(), temp.resolve("image"));
        makeReadOnly(image.host("/opt/cairn"));
        Map<String, String> before = image.readOnlyPartSnapshot();
        Launch launch = launch(image, Map.of());
        try (DockerfileProcess gateway = DockerfileProcess.start(launch.command, launch.env, launch.workdir)) {
            gateway.awaitLine("Cairn listening on ", 120);
            if (DockerfileProcess.feature(launch.jdk) >= 21) {
                assertTrue(gateway.output().contains("(virtual threads)"), "JDK " + launch.jdk + " serves on virtual threads:\n" + gateway.output());
            }
            assertEquals(0, DockerfileProcess.run(launch.healthcheck, launch.env, launch.workdir, 10), "HEALTHCHECK passes while serving");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(launch.base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            byte[] body = "stored from a read-only image".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> stored = put(http, launch.base, body, null);
            assertEquals(201, stored.statusCode(), stored.body());
            String cid = stored.body().replaceAll(".*\"cid\":\"([^\"]+)\".*", "$1");
            HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(launch.base + "/o/" + cid)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, get.statusCode());
            assertArrayEquals(body, get.body());
            // zstd-jni unpacks its native library into java.io.tmpdir (and deletes it once loaded)
            HttpResponse<String> zstd = put(http, launch.base, Zstd.compress(body), "zstd");
            assertEquals(200, zstd.statusCode(), "the same blob again: " + zstd.body() + "\n" + gateway.output());
            assertTrue(zstd.body().contains(cid), "a zstd upload is addressed by its decoded bytes: " + zstd.body());
            // zstd-jni calls System.load; JDK 24+ warns (and will refuse) unless native access is granted
            assertFalse(gateway.output().contains("restricted method"), gateway.output());
            try (Stream<Path> data = Files.walk(image.host("/data"))) {
                assertTrue(data.anyMatch(p -> p.toString().contains(".oap")), "objects on the data volume");
            }

            int exit = gateway.stop();
            assertTrue(exit == 0 || exit == 143, "graceful exit on SIGTERM, got " + exit + "\n" + gateway.output());
            assertNotEquals(0, DockerfileProcess.run(launch.healthcheck, launch.env, launch.workdir, 10),
                    "HEALTHCHECK fails once the gateway is gone");
        }
        assertEquals(before, image.readOnlyPartSnapshot(), "nothing outside /data and /tmp was written");
        try (Stream<Path> top = Files.list(image.root())) {
            assertEquals(List.of("data", "opt", "tmp"), top.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * The control: a read-only root without the tmpfs, i.e. a {@code java.io.tmpdir} nobody can
     * create files in (a missing directory, since root ignores permissions). The gateway starts
     * and stores plain bodies, but cannot load zstd: this is why the docs say {@code --tmpfs /tmp}.
     */
    @Test
    void withoutAWritableTmpZstdUploadsFail() throws Exception {
        DockerfileImageRoot image = DockerfileImageRoot.build(dockerfile(), repo(), temp.resolve("image"));
        String opts = dockerfile().finalStage().env().get("CAIRN_JAVA_OPTS") + " -Djava.io.tmpdir=" + temp.resolve("no-tmpfs");
        Launch launch = launch(image, Map.of("CAIRN_JAVA_OPTS", opts));
        try (DockerfileProcess gateway = DockerfileProcess.start(launch.command, launch.env, launch.workdir)) {
            gateway.awaitLine("Cairn listening on ", 120);
            HttpClient http = HttpClient.newHttpClient();
            byte[] body = "no tmpfs".getBytes(StandardCharsets.UTF_8);
            assertEquals(201, put(http, launch.base, body, null).statusCode());
            HttpResponse<String> zstd = put(http, launch.base, Zstd.compress(body), "zstd");
            assertEquals(500, zstd.statusCode(), zstd.body());
            assertTrue(gateway.output().contains("zstd"), "the log names the library that could not load:\n" + gateway.output());
        }
    }

    /** How the container would be started: command, environment, working directory, and its healthcheck. */
    private record Launch(List<String> command, Map<String, String> env, Path workdir, List<String> healthcheck, String base, Path jdk) {
    }

    private static Launch launch(DockerfileImageRoot image, Map<String, String> extraEnv) throws IOException {
        Stage runtime = dockerfile().finalStage();
        List<String> command = new ArrayList<>(runtime.last("ENTRYPOINT").orElseThrow().execForm().orElseThrow());
        command.addAll(runtime.last("CMD").flatMap(Instruction::execForm).orElse(List.of()));
        command.replaceAll(image::rewrite);
        Path jdk = DockerfileProcess.runtimeJdk();
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        runtime.env().forEach((k, v) -> env.put(k, image.rewrite(v)));
        env.put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
        env.put("HOME", image.rewrite("/data"));
        // what `docker run -e` would add: loopback for the test, a port of our own, credentials
        env.put("CAIRN_HTTP_HOST", "127.0.0.1");
        env.put("CAIRN_HTTP_PORT", Integer.toString(port));
        env.put("CAIRN_ACCESS_KEY", "AKIDIMAGETEST0000001");
        env.put("CAIRN_SECRET_KEY", "image-test-secret-key-0123456789abcdef");
        env.put("CAIRN_OAP_WRITE_TOKEN", TOKEN);
        env.put("CAIRN_LOCAL_MIN_FREE", "1MiB"); // temp dirs may sit on a nearly full disk
        env.putAll(extraEnv);
        Path workdir = image.host(runtime.last("WORKDIR").orElseThrow().args());
        List<String> healthcheck = healthcheckCommand(runtime.last("HEALTHCHECK").orElseThrow());
        return new Launch(command, env, workdir, healthcheck, "http://127.0.0.1:" + port, jdk);
    }

    private static void makeReadOnly(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static HttpResponse<String> put(HttpClient http, String base, byte[] body, String encoding) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/put")).header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            req.header("Content-Encoding", encoding);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> healthcheckCommand(Instruction hc) {
        String args = hc.args();
        assertTrue(args.startsWith("CMD "), "HEALTHCHECK CMD …: " + args);
        return new Instruction("CMD", Map.of(), args.substring(4)).execForm()
                .orElseThrow(() -> new AssertionError("exec-form HEALTHCHECK (no shell needed to parse it): " + args));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static DockerfileModel dockerfile() throws IOException {
        return DockerfileModel.read(repo().resolve("Dockerfile"));
    }

    static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("no Dockerfile next to mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
