package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Object bodies written straight to Jetty (http.direct-writes) from local files and from the
 * chunk cache: exact bytes and Content-Length for whole objects and every range form, HEAD with
 * no body, byte counts in the metrics, and, on the toggle's other side, the same answers through
 * Jersey's stream. {@link DirectBodyResource} proves the fast path is really taken and that a
 * failure mid-body aborts the response.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DirectWritesWireTest {
    private static final String TOKEN = "direct-writes-token";
    /** Several 64 KiB chunks and a partial last one. */
    private static final int SIZE = 300_000;

    @TempDir
    java.nio.file.Path dataDir;

    private CairnServer server;
    private final DirectBodyResource probe = new DirectBodyResource();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean direct, String cacheBytes) {
        Map<String, String> settings = new HashMap<>(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "local",
                "data.dir", dataDir.toString(), "oap.write-token", TOKEN, "log.access", "false",
                "cache.max-bytes", cacheBytes, "http.direct-writes", Boolean.toString(direct)));
        server = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of(probe));
    }

    @ParameterizedTest(name = "direct={0} cache={1}")
    @CsvSource({"true,0", "true,64MiB", "false,0", "false,64MiB"})
    void wholeAndRangedReadsAreExact(boolean direct, String cacheBytes) throws Exception {
        start(direct, cacheBytes);
        byte[] blob = new byte[SIZE];
        new Random(42).nextBytes(blob);
        String path = put(blob);
        for (int round = 0; round < 2; round++) { // the second round reads cache hits when the cache is on
            assertGet(path, null, 200, blob);
            assertGet(path, "bytes=0-0", 206, Arrays.copyOfRange(blob, 0, 1));
            assertGet(path, "bytes=1000-70000", 206, Arrays.copyOfRange(blob, 1000, 70001));
            assertGet(path, "bytes=65536-131071", 206, Arrays.copyOfRange(blob, 65536, 131072));
            assertGet(path, "bytes=-5000", 206, Arrays.copyOfRange(blob, SIZE - 5000, SIZE));
            assertGet(path, "bytes=200000-", 206, Arrays.copyOfRange(blob, 200000, SIZE));
        }
        double before = value(scrape(), "bytes_out_total{route=\"oap_get\"}");
        assertGet(path, "bytes=10-20009", 206, Arrays.copyOfRange(blob, 10, 20010));
        assertEquals(before + 20_000, value(scrape(), "bytes_out_total{route=\"oap_get\"}"), "body bytes counted exactly");

        String head = Http.raw(server, "HEAD " + path + " HTTP/1.1", "Host: 127.0.0.1");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.contains("Content-Length: " + SIZE + "\r\n"), head);
        assertTrue(head.endsWith("\r\n\r\n"), "HEAD wrote no body: " + head);
    }

    @ParameterizedTest(name = "direct={0}")
    @CsvSource({"true", "false"})
    void theSwitchDecidesWhichPathABodyTakes(boolean direct) throws Exception {
        start(direct, "0");
        HttpResponse<byte[]> r = Http.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/test-direct/ok"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(DirectBodyResource.okBytes(), r.body());
        assertEquals(direct, probe.lastUsedBuffers(), "fast path taken when on, stream path when off");
        assertTrue(probe.awaitClosed(), "the body was closed");
    }

    @ParameterizedTest(name = "direct={0}")
    @CsvSource({"true", "false"})
    void aFailureMidBodyAbortsTheResponseAndReleasesEverything(boolean direct) throws Exception {
        start(direct, "0");
        byte[] got;
        String headText;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /test-direct/fail HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            got = in.readAllBytes(); // returns only once the server closed the connection
        }
        String all = new String(got, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        assertTrue(end > 0, "a head was sent: " + all.substring(0, Math.min(200, all.length())));
        headText = all.substring(0, end);
        assertTrue(headText.startsWith("HTTP/1.1 200"), headText);
        assertTrue(headText.contains("Content-Length: " + DirectBodyResource.FAIL_DECLARED), headText);
        int bodyBytes = got.length - end - 4;
        assertTrue(bodyBytes < DirectBodyResource.FAIL_DECLARED, "the response was cut short, not completed: " + bodyBytes);
        assertTrue(probe.awaitClosed(), "the body was closed");
        assertEquals(direct, probe.lastUsedBuffers());
        // the exchange ended: nothing but this scrape is in flight
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String metrics = scrape();
        while (value(metrics, "inflight") != 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = scrape();
        }
        assertEquals(1.0, value(metrics, "inflight"), metrics);
        assertFalse(Http.get(server.baseUri(), "/healthz").body().isEmpty(), "the server still answers");
    }

    @ParameterizedTest(name = "direct={0}")
    @CsvSource({"true", "false"})
    void aClientResetMidFileReadEndsTheExchange(boolean direct) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "local",
                "data.dir", dataDir.toString(), "oap.write-token", TOKEN, "log.access", "false", "oap.max-body", "32MiB",
                "cache.max-bytes", "0", "http.direct-writes", Boolean.toString(direct)));
        server = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of());
        String path = put(new byte[20 << 20]);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            byte[] first = s.getInputStream().readNBytes(8 << 10);
            assertTrue(new String(first, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"), "the download started");
            s.setSoLinger(true, 0); // reset: the server's next writes fail
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String metrics = scrape();
        while (value(metrics, "inflight") != 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = scrape();
        }
        assertEquals(1.0, value(metrics, "inflight"), "the reset download left inflight:\n" + metrics);
        long t0 = System.nanoTime();
        server.close();
        server = null;
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        assertTrue(millis < 5_000, "close waited " + millis + " ms for a download that had already ended");
    }

    private void assertGet(String path, String range, int status, byte[] expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (range != null) {
            b.header("Range", range);
        }
        HttpResponse<byte[]> r = Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(status, r.statusCode(), range);
        assertEquals(Long.toString(expected.length), r.headers().firstValue("Content-Length").orElse(null), range);
        assertArrayEquals(expected, r.body(), range);
    }

    private String put(byte[] body) throws Exception {
        return Http.oapPut(server, TOKEN, body);
    }

    private String scrape() throws Exception {
        return Http.scrape(server);
    }

    private static double value(String metrics, String series) {
        return Http.metric(metrics, series);
    }
}
