package dev.cairn.bench.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark rig small (48 MiB in 16 MiB parts, both servers, one round each) so it
 * cannot rot: both servers must start as their own processes, take the upload, and give back
 * the same bytes. It also pins what the full benchmark shows: Cairn's Complete writes no object
 * data, S3Proxy's copies all of it. A server that cannot start fails the run.
 */
class MultipartBenchSmokeIT {
    private static final long SIZE = 48L << 20;

    @Test
    void bothServersTakeASmallMultipartUploadAndReturnTheSameBytes() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<RoundResult> results = new MultipartBench(options(), new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(List.of("cairn", "s3proxy"), results.stream().map(RoundResult::variant).toList());
        for (RoundResult r : results) {
            // the SHA-256 of the download was checked inside the round; here: each server stored the parts itself
            assertTrue(r.parts().server().writeBytes() >= SIZE, r.variant() + " wrote " + r.parts().server().writeBytes() + " bytes of parts");
            assertTrue(r.parts().server().rchar() >= SIZE, r.variant() + " read " + r.parts().server().rchar() + " bytes of request bodies");
            assertTrue(r.parts().server().cpuTicks() > 0, r.variant() + " used no CPU for 48 MiB: the counters are not the server's");
            assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", r.payloadMode(), "WHEN_REQUIRED over http signs chunks, no trailer");
        }
        ProcCounters cairn = results.get(0).complete().server();
        ProcCounters s3proxy = results.get(1).complete().server();
        assertTrue(cairn.wchar() < 64 << 10, "Cairn's Complete must not copy part data (ADR 0008), wrote " + cairn.wchar());
        assertTrue(cairn.rchar() < 64 << 10, "Cairn's Complete must not read part data, read " + cairn.rchar());
        assertTrue(s3proxy.wchar() >= SIZE, "S3Proxy 2.6.0's filesystem Complete rewrites the object, wrote " + s3proxy.wchar());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("s3proxy #1: parts"), progress.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aServerThatCannotStartFailsTheRunWithItsOwnMessage() throws Exception {
        Path runDir = Files.createDirectories(workDir().resolve("broken-start"));
        CairnLauncher broken = new CairnLauncher(ServerLauncher.readClasspath(classpath("bench.cairn.classpath")),
                List.of("-Xmx256m"), Map.of("http.idle-timeout", "forever"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.start(runDir, 1));

        assertTrue(e.getMessage().contains("exited with code 2"), e.getMessage());
        assertTrue(e.getMessage().contains("http.idle-timeout"), "the server's own error must be in the message: " + e.getMessage());
    }

    private static BenchOptions options() {
        return BenchOptions.parse("--size", "48MiB", "--part-size", "16MiB", "--reps", "1", "--variants", "cairn,s3proxy",
                "--warmup-parts", "1", "--jvm-opts", "-Xmx512m",
                "--work-dir", workDir().toString(),
                "--cairn-classpath", classpath("bench.cairn.classpath").toString(),
                "--s3proxy-classpath", classpath("bench.s3proxy.classpath").toString());
    }

    private static Path workDir() {
        return Path.of(required("bench.work.dir"));
    }

    private static Path classpath(String property) {
        return Path.of(required(property));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run this test through Maven "
                    + "(./mvnw verify -pl testing/multipart-bench/driver -am), which sets it in the failsafe configuration");
        }
        return value;
    }
}
