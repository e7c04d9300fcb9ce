package dev.cairn.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Blake3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first-run story, end to end with real processes: {@code ./cairn} on the embedded
 * default (local backend under {@code ./data} of the working directory), driven by the real
 * {@code curl}, stopped with SIGTERM and started again on the same data.
 */
class CurlWalkthroughIT {
    @TempDir
    Path cwd;

    @Test
    void firstRunWalkthroughThenRestartKeepsDataAndCredentials() throws Exception {
        byte[] hello = "hello, cairn".getBytes(StandardCharsets.UTF_8);
        String cid = "b3:" + Blake3.hex(hello);
        Path scratch = Files.createDirectories(cwd.resolve("scratch"));
        Curl curl = new Curl(scratch);
        String token;

        try (LaunchedGateway g = LaunchedGateway.start(cwd, "--http.host=127.0.0.1", "--http.port=0")) {
            String base = g.baseUrl();
            Path credentials = cwd.resolve("data/credentials.properties");
            assertTrue(Files.isRegularFile(credentials), g.output());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            token = property(credentials, "oap.write-token");
            String secret = property(credentials, "secret-key");
            assertTrue(g.output().contains(token), "first start prints the generated token once");
            assertTrue(g.output().contains(secret), "first start prints the generated secret once");

            Curl.Response put = curl.call("-X", "PUT", "--data-binary", "hello, cairn", "-H", "Authorization: Bearer " + token, base + "/put");
            assertEquals(201, put.status(), put.text());
            assertEquals("{\"cid\":\"" + cid + "\",\"size\":12}", put.text());
            assertEquals("/o/" + cid, put.header("Location"));
            assertEquals("\"" + cid + "\"", put.header("ETag"));

            assertEquals(200, curl.call("-X", "PUT", "--data-binary", "hello, cairn", "-H", "Authorization: Bearer " + token, base + "/put").status(),
                    "the same bytes again: already stored");

            Curl.Response get = curl.call(base + "/o/" + cid);
            assertEquals(200, get.status());
            assertArrayEquals(hello, get.body());
            assertEquals("public, max-age=31536000, immutable", get.header("Cache-Control"));
            assertEquals("bytes", get.header("Accept-Ranges"));

            Curl.Response range = curl.call("-H", "Range: bytes=0-4", base + "/o/" + cid);
            assertEquals(206, range.status());
            assertEquals("hello", range.text());
            assertEquals("bytes 0-4/12", range.header("Content-Range"));

            assertEquals(416, curl.call("-H", "Range: bytes=99-", base + "/o/" + cid).status());
            assertEquals(304, curl.call("-H", "If-None-Match: \"" + cid + "\"", base + "/o/" + cid).status());

            Curl.Response head = curl.call("-I", base + "/o/" + cid);
            assertEquals(200, head.status());
            assertEquals("12", head.header("Content-Length"));

            Curl.Response lie = curl.call("-X", "PUT", "--data-binary", "not that", "-H", "Authorization: Bearer " + token,
                    base + "/o/b3:" + "0".repeat(64));
            assertEquals(422, lie.status(), lie.text());
            assertEquals("application/problem+json", lie.header("Content-Type"));
            assertEquals(404, curl.call(base + "/o/b3:" + "0".repeat(64)).status(), "nothing stored after a digest mismatch");

            Path gz = scratch.resolve("body.gz");
            Files.write(gz, gzip(hello));
            Curl.Response gzPut = curl.call("-X", "POST", "--data-binary", "@" + gz, "-H", "Content-Encoding: gzip",
                    "-H", "Authorization: Bearer " + token, base + "/put");
            assertEquals(200, gzPut.status(), "decompressed bytes are already stored: " + gzPut.text());
            assertTrue(gzPut.text().contains(cid));

            assertEquals(401, curl.call("-X", "PUT", "--data-binary", "x", base + "/put").status());
            assertEquals(403, curl.call("-X", "PUT", "--data-binary", "x", "-H", "Authorization: Bearer wrong", base + "/put").status());
            assertEquals(400, curl.call(base + "/o/b3:ABC").status());

            assertEquals(200, curl.call(base + "/healthz").status());
            Curl.Response ready = curl.call(base + "/readyz");
            assertEquals(200, ready.status(), ready.text());
            String metrics = curl.call(base + "/metrics").text();
            assertTrue(metrics.contains("integrity_fail_total{reason=\"digest_mismatch\"} 1.0"), metrics);
            assertTrue(metrics.contains("requests_total{code=\"201\",route=\"oap_put\"}"), metrics);
            assertTrue(metrics.contains("latency_seconds_bucket"), metrics);

            assertFalse(g.output().contains("Bearer " + token), "tokens never reach the log");
            int exit = g.stop();
            assertTrue(exit == 0 || exit == 143, "graceful exit on SIGTERM, got " + exit + "\n" + g.output());
        }

        try (LaunchedGateway again = LaunchedGateway.start(cwd, "--http.host=127.0.0.1", "--http.port=0")) {
            assertTrue(again.output().contains("credentials loaded from"), again.output());
            assertFalse(again.output().contains(token), "later starts never print the secrets");
            Curl.Response get = curl.call(again.baseUrl() + "/o/" + cid);
            assertEquals(200, get.status(), "an acknowledged write survives a restart");
            assertArrayEquals(hello, get.body());
            assertEquals(200, curl.call("-X", "PUT", "--data-binary", "hello, cairn", "-H", "Authorization: Bearer " + token,
                    again.baseUrl() + "/put").status(), "the stored token still works");
            again.stop();
        }
    }

    private static String property(Path file, String key) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String v = p.getProperty(key);
        if (v == null || v.isEmpty()) {
            throw new AssertionError(key + " missing from " + file);
        }
        return v;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
