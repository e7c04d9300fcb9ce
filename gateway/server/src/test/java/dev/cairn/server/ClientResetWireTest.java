package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that resets its connection part-way through a large response: the request must leave
 * {@code inflight}, be counted once in {@code requests_total}, and not hold up a graceful close.
 * Jersey's Jetty container never completes the Jetty callback when a response write fails, so
 * without {@code ExchangeEnd} this request stayed in flight until the shutdown timeout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientResetWireTest {
    private static final String TOKEN = "client-reset-token";
    private static final int BLOB_BYTES = 20 << 20;
    private static final String GET_COUNT = "requests_total{code=\"200\",route=\"oap_get\"}";

    @TempDir
    java.nio.file.Path dataDir;

    private CairnServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResetMidResponseLeavesInflightCountsOnceAndDoesNotDelayClose() throws Exception {
        server = CairnServer.start(CairnConfig.fromMap(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "memory",
                "data.dir", dataDir.toString(), "oap.write-token", TOKEN, "oap.max-body", "32MiB", "log.access", "false",
                "http.shutdown-timeout", "10s")), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of());
        String blob = put(new byte[BLOB_BYTES]);

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + blob + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] first = in.readNBytes(8 << 10);
            assertTrue(new String(first, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"), "the download started");
            s.setSoLinger(true, 0); // reset: the server's next writes fail instead of filling a buffer
        }

        // the scrape itself is in flight while /metrics renders, so an idle server shows 1
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String metrics = scrape();
        while ((value(metrics, "inflight") != 1 || Double.isNaN(value(metrics, GET_COUNT))) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = scrape();
        }
        assertEquals(1.0, value(metrics, "inflight"), "the reset request left inflight:\n" + metrics);
        assertEquals(1.0, value(metrics, GET_COUNT), "counted once:\n" + metrics);

        long t0 = System.nanoTime();
        server.close();
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        server = null;
        assertTrue(millis < 5_000, "close waited " + millis + " ms for a request that had already ended");
    }

    @Test
    void aClientThatLeavesMidUploadIsAClientErrorNotA5xx() throws Exception {
        server = CairnServer.start(CairnConfig.fromMap(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "memory",
                "data.dir", dataDir.toString(), "oap.write-token", TOKEN, "log.access", "false")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            // half an upload, then the client closes: the gateway never gets to answer
            s.getOutputStream().write(("PUT /put HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(500)).getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            Thread.sleep(200);
        }
        // the truncated body is answered 400 if the answer is committed before the write fails,
        // 499 if the connection is gone first; either way a client error, never a 5xx
        String truncated = "requests_total{code=\"400\",route=\"oap_put\"}";
        String left = "requests_total{code=\"499\",route=\"oap_put\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String metrics = scrape();
        while (Double.isNaN(value(metrics, left)) && Double.isNaN(value(metrics, truncated)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = scrape();
        }
        double counted = (Double.isNaN(value(metrics, left)) ? 0 : value(metrics, left))
                + (Double.isNaN(value(metrics, truncated)) ? 0 : value(metrics, truncated));
        assertEquals(1.0, counted, "the abandoned upload is counted once, as 400 or 499:\n" + metrics);
        assertTrue(!metrics.contains("code=\"5"), "and never as a 5xx:\n" + metrics);
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
