package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free loopback port, driven over HTTP. */
class CairnServerTest {
    @TempDir
    Path dataDir;

    private final TestResources testResources = new TestResources();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private CairnServer server;

    private CairnServer start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("backend", "memory");
        settings.put("data.dir", dataDir.toString());
        settings.putAll(overrides);
        server = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(console, true, StandardCharsets.UTF_8),
                List.of(testResources));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void targetsJavaNetUriCannotParseAre400NotA500() throws Exception {
        start(Map.of());
        String s3 = Http.raw(server, "GET /bucket/key?prefix=%G1 HTTP/1.1", "Host: 127.0.0.1");
        assertTrue(s3.startsWith("HTTP/1.1 400"), s3);
        assertTrue(s3.contains("<Code>InvalidURI</Code>") && s3.contains("<RequestId>"), s3);
        String oap = Http.raw(server, "GET /o/b3:abc?x=%zz HTTP/1.1", "Host: 127.0.0.1");
        assertTrue(oap.startsWith("HTTP/1.1 400"), oap);
        assertTrue(oap.contains("application/problem+json"), oap);
        assertTrue(Http.raw(server, "GET /healthz HTTP/1.1", "Host: 127.0.0.1").startsWith("HTTP/1.1 200"));
    }

    @Test
    void healthzAndReadyzOnMemory() throws Exception {
        start(Map.of());
        assertTrue(server.port() > 0);
        HttpResponse<String> health = Http.get(server.baseUri(), "/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        assertEquals("application/json", health.headers().firstValue("content-type").orElseThrow());

        HttpResponse<String> ready = Http.get(server.baseUri(), "/readyz");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("{\"ready\":true,\"read\":{\"ready\":true,\"reasons\":[]},\"write\":{\"ready\":true,\"reasons\":[]},"
                + "\"backend\":\"memory\",\"detail\":\"ok\"}", ready.body());
    }

    @Test
    void readyzReportsWritesNotReadyButStays200WhenTheBackendCannotWrite() throws Exception {
        // far more free space demanded than any disk has: the local backend reports itself not writable
        start(Map.of("backend", "local", "local.min-free", "1000000TiB"));
        HttpResponse<String> ready = Http.get(server.baseUri(), "/readyz");
        // reads still work, so the node stays in rotation (ADR 0017); the body says writes are not ready
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"ready\":false,\"read\":{\"ready\":true,\"reasons\":[]},"
                + "\"write\":{\"ready\":false,\"reasons\":[\"backend_not_writable\"]},\"backend\":\"local\""), ready.body());
        assertEquals(200, Http.get(server.baseUri(), "/healthz").statusCode(), "alive even when not ready");
    }

    @Test
    void metricsExposeRequestAndJvmMetricsAfterARequest() throws Exception {
        start(Map.of());
        assertEquals(200, Http.get(server.baseUri(), "/healthz").statusCode());
        assertEquals(403, Http.get(server.baseUri(), "/some/bucket/key").statusCode(), "unsigned S3 requests are refused");
        eventually(() -> scrape().contains("requests_total{code=\"403\",route=\"s3_get\"} 1.0"));
        String text = scrape();
        HttpResponse<String> raw = Http.get(server.baseUri(), "/metrics");
        assertTrue(raw.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
        for (String name : new String[] {"requests_total{code=\"200\",route=\"healthz\"} 1.0", "bytes_in_total{route=\"s3_get\"}",
                "bytes_out_total{route=\"healthz\"} 15.0", "latency_seconds_bucket{route=\"healthz\",le=", "latency_seconds_count{route=\"healthz\"} 1",
                "inflight ", "jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "system_cpu_count", "process_uptime_seconds"}) {
            assertTrue(text.contains(name), "missing " + name + " in\n" + text);
        }
        assertFalse(text.contains("/some/bucket"), "raw paths never become labels");
    }

    @Test
    void everyResponseCarriesARequestIdAndOneAccessLogLine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        HttpResponse<String> response;
        // slf4j-simple resolves System.err on every write, so swapping it captures the access log
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            start(Map.of());
            response = Http.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/bucket/key?X-Amz-Signature=abcdef"))
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=SECRETCRED").GET().build(), HttpResponse.BodyHandlers.ofString());
            String id = response.headers().firstValue("x-request-id").orElseThrow();
            assertEquals(id, response.headers().firstValue("x-amz-request-id").orElseThrow());
            assertTrue(id.matches("[0-9A-F]{16}"), id);
            eventually(() -> captured.toString(StandardCharsets.UTF_8).contains("id=" + id));
        } finally {
            System.setErr(original);
        }
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("id=" + id)).toList();
        assertEquals(1, lines.size(), "one line per request: " + lines);
        String line = lines.get(0);
        assertTrue(line.contains("cairn.access"), line);
        assertTrue(line.contains("method=GET route=s3_get status=" + response.statusCode() + " in=0 out=" + response.body().getBytes(StandardCharsets.UTF_8).length + " ms="), line);
        assertFalse(line.contains("Signature") || line.contains("abcdef") || line.contains("SECRETCRED") || line.contains("/bucket"), line);
    }

    @Test
    void everyOtherPathIsS3AndUnsignedRequestsGetS3ErrorXml() throws Exception {
        start(Map.of());
        HttpResponse<String> root = Http.get(server.baseUri(), "/");
        assertEquals(403, root.statusCode(), root.body());
        HttpResponse<String> r = Http.get(server.baseUri(), "/no/such/thing");
        assertEquals(403, r.statusCode());
        assertEquals("application/xml", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.body().contains("<Code>AccessDenied</Code>") && r.body().contains("<Resource>/no/such/thing</Resource>"), r.body());
        assertTrue(r.body().contains("<RequestId>" + r.headers().firstValue("x-request-id").orElseThrow() + "</RequestId>"), r.body());
        assertNoStackTrace(r.body());
        assertFalse(r.headers().firstValue("server").isPresent(), "server version is not sent");
    }

    @Test
    void rawPathsReachTheS3ApiUndecoded() throws Exception {
        start(Map.of());
        for (String path : new String[] {"/bucket/a//b", "/bucket/../x", "/bucket/a%2Fb", "/bucket/a+b", "/bucket/%25", "/bucket/sp%20ace",
                "/bucket/%E2%9C%93", "/bucket/./dot"}) {
            String response = Http.raw(server, "GET " + path + " HTTP/1.1", "Host: localhost");
            assertTrue(response.startsWith("HTTP/1.1 403"), path + " -> " + response);
            assertTrue(response.contains("<Resource>" + path + "</Resource>"), path + " -> " + response);
        }
    }

    @Test
    void oversizedHeaderIs431WithoutStackTrace() throws Exception {
        start(Map.of("http.max-header-size", "4KiB"));
        String response = Http.raw(server, "GET /healthz HTTP/1.1", "Host: localhost", "X-Big: " + "a".repeat(8 * 1024));
        assertTrue(response.startsWith("HTTP/1.1 431"), response);
        assertNoStackTrace(response);
    }

    @Test
    void malformedRequestsGetNoStackTrace() throws Exception {
        start(Map.of());
        String badEncoding = Http.raw(server, "GET /bucket/%zz HTTP/1.1", "Host: localhost");
        assertTrue(badEncoding.matches("(?s)HTTP/1.1 (400|403).*"), badEncoding);
        assertNoStackTrace(badEncoding);
        String badVersion = Http.raw(server, "GET / HTTP/9.9", "Host: localhost");
        assertTrue(badVersion.startsWith("HTTP/1.1 4") || badVersion.startsWith("HTTP/1.1 5"), badVersion);
        assertNoStackTrace(badVersion);
    }

    @Test
    void unexpectedExceptionIs500WithRequestIdAndNoDetail() throws Exception {
        start(Map.of());
        HttpResponse<String> r = Http.get(server.baseUri(), "/test/boom");
        assertEquals(500, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.body().contains(r.headers().firstValue("x-request-id").orElseThrow()), r.body());
        assertFalse(r.body().contains("internal detail"), r.body());
        assertNoStackTrace(r.body());
    }

    @Test
    void clientErrorsRaisedInsideJerseyKeepTheirStatus() throws Exception {
        start(Map.of());
        HttpResponse<String> r = Http.get(server.baseUri(), "/test/bad");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.body().contains("\"status\":400"), r.body());
        assertNoStackTrace(r.body());
    }

    @Test
    void unservedMethodOnAKnownPathFallsToS3() throws Exception {
        start(Map.of());
        HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/healthz"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>AccessDenied</Code>"), r.body());
        HttpResponse<Void> head = Http.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/nothing/here"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(403, head.statusCode());
    }

    @Test
    void closeDrainsAnInFlightRequest() throws Exception {
        start(Map.of("http.shutdown-timeout", "10s"));
        testResources.slowMillis = 1500;
        CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(
                HttpRequest.newBuilder(server.baseUri().resolve("/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(testResources.awaitSlow(), "slow request reached the resource");
        int port = server.port();
        long t0 = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        HttpResponse<String> r = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("done", r.body());
        closing.get(15, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 9_000, "close did not wait for the full timeout");
        assertThrows(ConnectException.class, () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getInputStream();
            }
        }, "no longer accepting");
        server = null;
    }

    @Test
    void closeGivesUpAfterTheShutdownTimeout() throws Exception {
        start(Map.of("http.shutdown-timeout", "200ms"));
        testResources.slowMillis = 5000;
        CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(
                HttpRequest.newBuilder(server.baseUri().resolve("/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(testResources.awaitSlow());
        long t0 = System.nanoTime();
        server.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 4_000, "close is bounded by http.shutdown-timeout");
        server = null;
        slow.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
    }

    @Test
    void firstStartPrintsGeneratedCredentialsAndLaterStartsDoNot() {
        start(Map.of());
        String first = console.toString(StandardCharsets.UTF_8);
        assertTrue(first.contains("generated credentials") && first.contains("CAIRN"), first);
        server.close();
        console.reset();
        start(Map.of());
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith("credentials loaded from "), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void backendRejectingItsSettingsIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> start(Map.of("memory.max-bytes", "lots")));
        assertTrue(e.getMessage().contains("memory.max-bytes"), e.getMessage());
    }

    @Test
    void portInUseFailsToStartWithACause() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(Map.of("http.port", Integer.toString(taken.getLocalPort()))));
            assertNotNull(e.getCause());
            server = null;
        }
    }

    private String scrape() {
        try {
            return Http.get(server.baseUri(), "/metrics").body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("\tat ") || body.contains("at org.") || body.contains("at dev.") || body.contains("Exception"),
                "stack trace or exception leaked:\n" + body);
    }

    /** Completion is recorded just after the response bytes leave, so a client may see the response first. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5s");
            }
            Thread.sleep(20);
        }
    }
}
