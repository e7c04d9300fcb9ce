package dev.cairn.server.oap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.cairn.blob.digest.Blake3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Oversized, compressed, lying and malformed requests against a real server. */
@org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
class OapHostileInputTest {
    static final int MIB = 1 << 20;

    @TempDir
    static Path dir;
    @TempDir
    static Path dir2;
    static OapServer s;

    @BeforeAll
    static void start() {
        s = OapServer.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String addr(byte[] b) {
        return "b3:" + Blake3.hex(b);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void declaredOversizeIs413BeforeAnyBodyIsSent() throws IOException {
        // Only the headers are sent: a 413 proves the server decided without waiting for the body.
        OapServer.RawResponse r = s.raw("PUT /put HTTP/1.1\r\nHost: t\r\nAuthorization: " + OapServer.AUTH
                + "\r\nContent-Length: " + (MIB + 1) + "\r\n", new byte[0]);
        assertEquals(413, r.status());
        assertEquals("application/problem+json", r.header("content-type"));
        OapServer.RawResponse claimed = s.raw("PUT /o/" + addr(new byte[1]) + " HTTP/1.1\r\nHost: t\r\nAuthorization: "
                + OapServer.AUTH + "\r\nContent-Length: 5000000000\r\n", new byte[0]);
        assertEquals(413, claimed.status());
    }

    @Test
    void declaredOversizeWithExpectContinueIs413WithoutA100() throws IOException {
        // Raw socket: the JDK 17 HttpClient waits forever when a server answers Expect: 100-continue with a final status.
        OapServer.RawResponse r = s.raw("PUT /put HTTP/1.1\r\nHost: t\r\nAuthorization: " + OapServer.AUTH
                + "\r\nExpect: 100-continue\r\nContent-Length: " + (2 * MIB) + "\r\n", new byte[0]);
        assertEquals(413, r.status());
    }

    @Test
    void chunkedOversizeIs413() throws Exception {
        try (Socket sock = s.socket()) {
            OutputStream out = sock.getOutputStream();
            out.write(("PUT /put HTTP/1.1\r\nHost: t\r\nAuthorization: " + OapServer.AUTH
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 64; i++) { // 4 MiB, far past the 1 MiB cap
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException expected) {
                    // the server stops reading and closes once the cap is passed
                }
            });
            OapServer.RawResponse r = OapServer.readResponse(sock.getInputStream());
            assertEquals(413, r.status());
            writer.join();
        }
        assertEquals(404, s.get("/o/" + addr(new byte[4 * MIB])).statusCode());
    }

    @Test
    void chunkedWithinTheCapIsStored() throws Exception {
        byte[] data = random(100_000);
        HttpResponse<byte[]> r = s.send(s.request("/put").header("Authorization", OapServer.AUTH)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(data))).build());
        assertEquals(201, r.statusCode(), text(r));
        assertArrayEquals(data, s.get("/o/" + addr(data)).body());
    }

    @Test
    void shortBodyForContentLengthStoresNothing() throws IOException {
        byte[] part = random(10);
        try (Socket sock = s.socket()) {
            OutputStream out = sock.getOutputStream();
            out.write(("PUT /put HTTP/1.1\r\nHost: t\r\nAuthorization: " + OapServer.AUTH
                    + "\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(part);
            out.flush();
            sock.shutdownOutput();
            try {
                int status = OapServer.readResponse(sock.getInputStream()).status();
                assertTrue(status == 400 || status == 408, "status " + status);
            } catch (IOException closedWithoutResponse) {
                // also acceptable: the client went away, nothing to answer
            }
        }
        assertEquals(404, s.get("/o/" + addr(part)).statusCode());
    }

    @Test
    void longBodyForContentLengthStoresOnlyTheDeclaredBytes() throws IOException {
        byte[] declared = "12345".getBytes(StandardCharsets.US_ASCII);
        OapServer.RawResponse r = s.raw("PUT /put HTTP/1.1\r\nHost: t\r\nAuthorization: " + OapServer.AUTH
                + "\r\nContent-Length: 5\r\nConnection: close\r\n", "1234567890".getBytes(StandardCharsets.US_ASCII));
        assertTrue(r.status() == 201 || r.status() == 200, "status " + r.status());
        assertTrue(r.text().contains(addr(declared)), r.text());
    }

    @Test
    void gzipBombTripsTheRatio() throws IOException {
        byte[] bomb = gzip(new byte[64 * MIB]);
        HttpResponse<byte[]> r = s.write("PUT", "/put", bomb, "Content-Encoding", "gzip");
        assertEquals(413, r.statusCode());
        assertTrue(text(r).contains("ratio"), text(r));
        assertEquals(413, s.write("PUT", "/o/" + addr(new byte[64 * MIB]), bomb, "Content-Encoding", "gzip").statusCode());
    }

    @Test
    void gzipBombTripsTheAbsoluteCap() throws IOException {
        try (OapServer generous = OapServer.start(dir2, Map.of("oap.max-inflate-ratio", "100000", "oap.max-inflated", "256KiB"))) {
            byte[] bomb = gzip(new byte[8 * MIB]);
            HttpResponse<byte[]> r = generous.write("PUT", "/put", bomb, "Content-Encoding", "gzip");
            assertEquals(413, r.statusCode());
            assertTrue(text(r).contains("oap.max-inflated"), text(r));
            byte[] fits = random(200 * 1024);
            assertEquals(201, generous.write("PUT", "/put", gzip(fits), "Content-Encoding", "gzip").statusCode());
        }
    }

    @Test
    void zstdRoundTrip() throws IOException {
        byte[] data = random(300_000);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(compressed, 3)) {
            z.write(data);
        }
        HttpResponse<byte[]> r = s.write("POST", "/o", compressed.toByteArray(), "Content-Encoding", "zstd");
        assertEquals(201, r.statusCode(), text(r));
        assertTrue(text(r).contains("\"cid\":\"" + addr(data) + "\",\"size\":300000"), text(r));
        HttpResponse<byte[]> g = s.get("/o/" + addr(data));
        assertArrayEquals(data, g.body());
        assertTrue(g.headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void gzipRoundTripUnderAClaimedAddress() throws IOException {
        byte[] data = "gzip claimed".repeat(100).getBytes(StandardCharsets.UTF_8);
        assertEquals(201, s.write("PUT", "/o/" + addr(data), gzip(data), "Content-Encoding", "gzip").statusCode());
        assertArrayEquals(data, s.get("/o/" + addr(data)).body());
    }

    @Test
    void wrongDigestIs422StoresNothingAndIsCounted() {
        double before = s.metric("integrity_fail_total", "reason=\"digest_mismatch\"");
        byte[] real = "what the client promised".getBytes(StandardCharsets.UTF_8);
        byte[] sent = "what the client sent".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = s.write("PUT", "/o/" + addr(real), sent);
        assertEquals(422, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, s.get("/o/" + addr(real)).statusCode());
        assertEquals(404, s.get("/o/" + addr(sent)).statusCode());
        assertEquals(before + 1, s.metric("integrity_fail_total", "reason=\"digest_mismatch\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "b3:AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262",
        "B3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f326",
        "b3:af1349",
        "sha256:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f32620",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262x",
        "b3%3Aaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:%61f1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262%20",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262/x",
        "b3:",
        ""
    })
    void malformedAddressesAre400(String bad) throws IOException {
        for (String method : List.of("GET", "HEAD", "PUT")) {
            String auth = method.equals("PUT") ? "Authorization: " + OapServer.AUTH + "\r\nContent-Length: 1\r\n" : "";
            OapServer.RawResponse r = s.raw(method + " /o/" + bad + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + auth,
                    method.equals("PUT") ? new byte[] {1} : new byte[0]);
            assertEquals(400, r.status(), method + " " + bad);
        }
    }

    @Test
    void concurrentIdenticalPutsAgreeAndCreateOnce() {
        byte[] data = random(200_000);
        List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            all.add(s.client.sendAsync(s.request("/put").header("Authorization", OapServer.AUTH)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        int created = 0;
        Set<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<byte[]>> f : all) {
            HttpResponse<byte[]> r = f.join();
            assertTrue(r.statusCode() == 200 || r.statusCode() == 201, "status " + r.statusCode());
            created += r.statusCode() == 201 ? 1 : 0;
            bodies.add(text(r));
        }
        assertEquals(1, created, "the memory store supports WRITE_IF_ABSENT, so exactly one upload creates");
        assertEquals(Set.of("{\"cid\":\"" + addr(data) + "\",\"size\":200000}"), bodies);
        assertArrayEquals(data, s.get("/o/" + addr(data)).body());
    }
}
