package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.gateway.s3.S3Api;
import dev.cairn.gateway.s3.S3Handler;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.ops.BucketOps;
import dev.cairn.gateway.s3.route.S3Operation;
import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native read edge ({@code http.native-reads}, docs/adr/0020) against Jersey: two gateways,
 * one with it on and one off, seeded alike, answer a set of OAP and S3 reads (whole, ranged,
 * conditional, HEAD, listings, errors, hostile paths) with the same status, headers and bytes;
 * {@link JerseyProbe} proves the reads skip Jersey only on the native side, while writes,
 * health, metrics and paths another resource claims still reach it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NativeReadsWireTest {
    private static final String TOKEN = "native-reads-token";
    /** Varies per request or per store, not per edge. */
    private static final Set<String> VOLATILE = Set.of("date", "x-request-id", "x-amz-request-id", "x-amz-id-2", "last-modified");

    @TempDir
    Path dirOn;
    @TempDir
    Path dirOff;

    private final List<CairnServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(CairnServer::close);
    }

    private CairnServer start(Path dir, boolean nativeReads, String cache, JerseyProbe probe) {
        return start(dir, nativeReads, cache, probe, (store, settings, registry) -> S3Api.create(store, settings, registry, Clock.systemUTC()));
    }

    private CairnServer start(Path dir, boolean nativeReads, String cache, JerseyProbe probe, CairnServer.S3ApiFactory s3) {
        Map<String, String> settings = new HashMap<>(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "local",
                "data.dir", dir.toString(), "oap.write-token", TOKEN, "log.access", "false", "cache.max-bytes", cache,
                "http.native-reads", Boolean.toString(nativeReads)));
        settings.put("access-key", Signed.ACCESS_KEY);
        settings.put("secret-key", Signed.SECRET_KEY);
        CairnServer s = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of(probe), s3);
        servers.add(s);
        return s;
    }

    @Test
    void nativeAndJerseyAnswerEveryReadAlike() throws Exception {
        for (String cache : new String[] {"0", "64MiB"}) {
            JerseyProbe probeOn = new JerseyProbe();
            JerseyProbe probeOff = new JerseyProbe();
            CairnServer on = start(dirOn.resolve(cache), true, cache, probeOn);
            CairnServer off = start(dirOff.resolve(cache), false, cache, probeOff);
            byte[] blob = new byte[200_000];
            new Random(7).nextBytes(blob);
            String oap = seed(on, blob);
            assertEquals(oap, seed(off, blob), "content addresses match");
            int writesOn = probeOn.seen.get();
            assertTrue(writesOn >= 3, "writes went through Jersey: " + writesOn);

            String etag = etag(on);
            assertEquals(etag, etag(off));
            List<String[]> reads = reads(oap, etag);
            for (int round = 0; round < 2; round++) { // the second round reads cache hits when the cache is on
                for (String[] r : reads) {
                    String onAnswer = answer(on, r);
                    String offAnswer = answer(off, r);
                    assertEquals(offAnswer, onAnswer, String.join(" ", r));
                }
            }
            assertEquals(writesOn, probeOn.seen.get(), "no read reached Jersey on the native side");
            String counted = readSeries(Http.scrape(on));
            assertTrue(counted.contains("requests_total{code=\"200\",route=\"oap_get\"} 2.0"), counted);
            assertTrue(counted.contains("route=\"s3_head\""), counted);
            assertEquals(readSeries(Http.scrape(off)), counted, "same route labels, codes and byte counts");
            assertTrue(probeOff.seen.get() >= writesOn + 2 * reads.size(), "every read reached Jersey with native reads off");

            // what stays with Jersey on the native side: its own paths, health, metrics, OAP /put and /o
            for (String path : new String[] {"/probe", "/healthz", "/metrics", "/%70robe", "//probe"}) {
                int before = probeOn.seen.get();
                try (RawHttp c = new RawHttp(on.port())) {
                    c.send(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertNotEquals(0, c.read(false).status());
                }
                assertEquals(before + 1, probeOn.seen.get(), path + " reached Jersey");
            }
            assertEquals(Http.get(off.baseUri(), "/probe").body(), Http.get(on.baseUri(), "/probe").body());
            stop();
            servers.clear();
        }
    }

    /** A body that fails before its first byte: an unexpected error, answered as Jersey's ThrowableMapper would. */
    @Test
    void bodyFailingBeforeTheHeadAnswersLikeJersey() throws Exception {
        CairnServer.S3ApiFactory failing = (store, settings, registry) -> {
            Map<S3Operation, S3Handler> handlers = new EnumMap<>(S3Operation.class);
            new BucketOps(store, settings).register(handlers);
            handlers.put(S3Operation.GET_OBJECT, r -> S3Response.stream(200, new ResponseBody() {
                @Override
                public long length() {
                    return 10;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    throw new IOException("disk gone");
                }

                @Override
                public void close() {
                }
            }));
            return new S3Api(store, settings, registry, Clock.systemUTC(), handlers);
        };
        CairnServer on = start(dirOn, true, "0", new JerseyProbe(), failing);
        CairnServer off = start(dirOff, false, "0", new JerseyProbe(), failing);
        // the framing differs (Jersey chunks its error entity) and Jersey drops the problem's
        // Content-Type (RawContentType marked the failed body as having none); the answer does not
        String a = answer(on, new String[] {"GET", "/bkt/k", null});
        assertEquals(essentials(answer(off, new String[] {"GET", "/bkt/k", null})), essentials(a));
        assertTrue(a.startsWith("500\nContent-Length: "), a);
        assertTrue(a.contains("\nContent-Type: application/problem+json\n"), a);
        assertFalse(a.contains("disk gone"), a);
    }

    private static String essentials(String answer) {
        return answer.replaceAll("(?m)^(Content-Length|Transfer-Encoding|Content-Type):.*\n", "").replaceAll("[0-9A-F]{16}", "ID");
    }

    /** Request counts and body bytes of the read routes, one line per series, sorted. */
    private static String readSeries(String scrape) {
        return scrape.lines().filter(l -> l.matches("^(requests_total|bytes_out_total)\\{.*route=\"(oap|s3)_(get|head)\".*"))
                .sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String seed(CairnServer s, byte[] blob) throws IOException, InterruptedException {
        String location = Http.oapPut(s, TOKEN, blob);
        try (RawHttp c = new RawHttp(s.port())) {
            c.send(Signed.head(s.port(), "PUT", "/bkt", null, Map.of(), null, List.of()));
            assertEquals(200, c.read(false).status());
            for (String key : new String[] {"obj", "dir/a%20b", "z"}) {
                c.send(Signed.head(s.port(), "PUT", "/bkt/" + key, null, Map.of("Content-Type", "application/x-test"), blob, List.of()));
                c.send(blob);
                assertEquals(200, c.read(false).status(), key);
            }
        }
        return location;
    }

    private static String etag(CairnServer s) throws IOException {
        try (RawHttp c = new RawHttp(s.port())) {
            c.send(Signed.head(s.port(), "HEAD", "/bkt/obj", null, Map.of(), null, List.of()));
            return c.read(true).header("ETag");
        }
    }

    /** {method, raw path, raw query, extra header name, value, ...}; S3 requests are signed. */
    private static List<String[]> reads(String oap, String etag) {
        String bad = oap.substring(0, oap.length() - 1) + (oap.endsWith("0") ? "1" : "0");
        return List.of(
                new String[] {"GET", oap, null},
                new String[] {"HEAD", oap, null},
                new String[] {"GET", oap, null, "Range", "bytes=1000-70000"},
                new String[] {"GET", oap, null, "Range", "bytes=-5000"},
                new String[] {"GET", oap, null, "Range", "bytes=999999-"},
                new String[] {"GET", oap, null, "If-None-Match", "\"" + oap.substring(3) + "\""},
                new String[] {"GET", bad, null},
                new String[] {"GET", "/o/not-an-address", null},
                new String[] {"HEAD", "/o/", null},
                new String[] {"GET", "/bkt/obj", null},
                new String[] {"HEAD", "/bkt/obj", null},
                new String[] {"GET", "/bkt/obj", null, "Range", "bytes=65536-131071"},
                new String[] {"GET", "/bkt/obj", null, "If-None-Match", etag},
                new String[] {"GET", "/bkt/obj", null, "If-Match", "\"nope\""},
                new String[] {"GET", "/bkt/dir/a%20b", null},
                new String[] {"GET", "/bkt/missing", null},
                new String[] {"HEAD", "/bkt/missing", null},
                new String[] {"GET", "/bkt", "list-type=2"},
                new String[] {"GET", "/bkt", "list-type=2&prefix=dir%2F&delimiter=%2F"},
                new String[] {"GET", "/", null},
                new String[] {"GET", "/nobucket/x", null},
                new String[] {"GET", "/bkt/obj", "unsigned"});
    }

    /** The response as comparable text: status, the sorted non-volatile header lines, the body. */
    private static String answer(CairnServer s, String[] r) throws IOException {
        boolean head = r[0].equals("HEAD");
        byte[] request;
        if (r[1].startsWith("/o/")) {
            StringBuilder b = new StringBuilder(r[0]).append(' ').append(r[1]).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (int i = 3; i + 1 < r.length; i += 2) {
                b.append(r[i]).append(": ").append(r[i + 1]).append("\r\n");
            }
            request = b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        } else if ("unsigned".equals(r[2])) {
            request = (r[0] + " " + r[1] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        } else {
            Map<String, String> extra = new HashMap<>();
            for (int i = 3; i + 1 < r.length; i += 2) {
                extra.put(r[i], r[i + 1]);
            }
            request = Signed.head(s.port(), r[0], r[1], r[2], extra, null, List.of());
        }
        try (RawHttp c = new RawHttp(s.port())) {
            c.send(request);
            RawHttp.Response response = c.read(head);
            List<String> headers = new ArrayList<>();
            for (String h : response.headerLines()) {
                String name = h.substring(0, h.indexOf(':')).toLowerCase(Locale.ROOT);
                // Jersey invents a Content-Type (text/xml or application/octet-stream, as its
                // negotiation falls) for a HEAD error the handler gave none (S3's HEAD errors carry
                // only a status); the native edge sends exactly the handler's headers
                boolean invented = head && response.status() >= 400 && name.equals("content-type");
                if (!VOLATILE.contains(name) && !invented) {
                    headers.add(h);
                }
            }
            headers.sort(null);
            String body = new String(response.body(), StandardCharsets.ISO_8859_1)
                    .replaceAll("<LastModified>[^<]*</LastModified>", "<LastModified/>")
                    .replaceAll("<CreationDate>[^<]*</CreationDate>", "<CreationDate/>")
                    .replaceAll("<RequestId>[0-9A-F]{16}</RequestId>", "<RequestId/>")
                    .replaceAll("<HostId>[^<]*</HostId>", "<HostId/>");
            if (head) {
                assertArrayEquals(new byte[0], c.drain(200), "HEAD answered without a body");
            }
            return response.status() + "\n" + String.join("\n", headers) + "\n\n" + body;
        }
    }
}
