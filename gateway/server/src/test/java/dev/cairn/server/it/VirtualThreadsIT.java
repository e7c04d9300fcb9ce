package dev.cairn.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java 17 jar on a Java 21+ runtime: Jetty reaches virtual threads by reflection, so the same
 * jar must serve on them. The JDK comes from {@code CAIRN_IT_JAVA21_HOME}, the running JVM, or
 * {@code /usr/lib/jvm}. In CI a missing JDK fails this lane (it never skips silently there);
 * on a developer machine with only Java 17 it is reported as skipped.
 */
class VirtualThreadsIT {
    @TempDir
    Path cwd;

    @Test
    void servesOnVirtualThreadsOnJava21Plus() throws Exception {
        Optional<Path> jdk = findJdk21();
        if (jdk.isEmpty()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI must provide a JDK 21+ for the virtual-thread lane (set CAIRN_IT_JAVA21_HOME)");
            }
            assumeTrue(false, "no JDK 21+ on this machine; set CAIRN_IT_JAVA21_HOME to run this lane");
        }
        try (LaunchedGateway g = LaunchedGateway.start(cwd, List.of("JAVA_HOME=" + jdk.get()),
                "--http.host=127.0.0.1", "--http.port=0", "--backend=memory", "--oap.write-token=vt-token")) {
            assertTrue(g.output().contains("(virtual threads)"), g.output());
            Curl curl = new Curl(Files.createDirectories(cwd.resolve("scratch")));
            Curl.Response put = curl.call("-X", "PUT", "--data-binary", "on a virtual thread", "-H", "Authorization: Bearer vt-token",
                    g.baseUrl() + "/put");
            assertEquals(201, put.status(), put.text());
            String cid = put.text().replaceAll(".*\"cid\":\"([^\"]+)\".*", "$1");
            assertEquals("on a virtual thread", curl.call(g.baseUrl() + "/o/" + cid).text());
            int exit = g.stop();
            assertTrue(exit == 0 || exit == 143, "graceful exit, got " + exit);
        }
    }

    static Optional<Path> findJdk21() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("CAIRN_IT_JAVA21_HOME");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            if (Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= 21) {
                return Optional.of(home);
            }
        }
        return Optional.empty();
    }

    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                String major = v.split("[.+-]")[0];
                try {
                    return Integer.parseInt(major);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
