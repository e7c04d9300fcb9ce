package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 resource's translation between Jetty/Jersey and {@link S3Api}, over real sockets.
 * Object handlers are test doubles that echo what reached them (the real ones live in
 * gateway/core); bucket operations are the real ones. Requests are signed by the AWS SDK's
 * signer, so each 200 also proves the raw path and query reached the SigV4 check unchanged.
 */
class S3WiringTest {
    private static final long HUGE = 6L << 30;
    private static final int GET_SIZE = 100_000;

    @TempDir
    Path dataDir;

    private CairnServer server;
    private final AtomicReference<byte[]> lastPutBody = new AtomicReference<>();

    @BeforeEach
    void start() {
        Map<String, String> settings = Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "memory",
                "data.dir", dataDir.toString(), "access-key", Signed.ACCESS_KEY, "secret-key", Signed.SECRET_KEY,
                "oap.write-token", "unused-token", "log.access", "false");
        server = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of(), (store, s3, registry) -> {
                    Map<S3Operation, S3Handler> handlers = new EnumMap<>(S3Operation.class);
                    new BucketOps(store, s3).register(handlers);
                    handlers.put(S3Operation.GET_OBJECT, this::getObject);
                    handlers.put(S3Operation.HEAD_OBJECT, this::headObject);
                    handlers.put(S3Operation.PUT_OBJECT, this::putObject);
                    handlers.put(S3Operation.LIST_OBJECTS_V2, r -> S3Response.empty(200)
                            .header("x-echo-prefix", encode(r.query().first("prefix")))
                            .header("x-echo-delimiter", encode(r.query().first("delimiter"))));
                    return new S3Api(store, s3, registry, Clock.systemUTC(), handlers);
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private S3Response getObject(dev.cairn.gateway.s3.S3Request r) {
        byte[] bytes = pattern(GET_SIZE);
        return S3Response.stream(200, ResponseBody.of(bytes)).header("x-echo-key", encode(r.key()));
    }

    private S3Response headObject(dev.cairn.gateway.s3.S3Request r) {
        return S3Response.empty(200).header("Content-Length", Long.toString(HUGE)).header("Content-Type", "application/x-test")
                .header("x-echo-key", encode(r.key()));
    }

    private S3Response putObject(dev.cairn.gateway.s3.S3Request r) throws IOException {
        byte[] body;
        try (InputStream in = r.body().stream()) {
            body = in.readAllBytes();
        }
        lastPutBody.set(body);
        String md5 = HexFormat.of().formatHex(md5(body));
        return S3Response.empty(200).header("ETag", '"' + md5 + '"').header("x-echo-length", Integer.toString(body.length))
                .header("x-echo-content-type", encode(r.header("Content-Type")));
    }

    @Test
    void keysReachTheApiExactlyAsSentOnOneKeepAliveConnection() throws Exception {
        String[][] cases = {{"a//b", "a//b"}, {"../x", "../x"}, {"./dot", "./dot"}, {"a%2Fb", "a/b"}, {"a+b", "a+b"}, {"%25", "%"},
            {"sp%20ace", "sp ace"}, {"%E2%9C%93", "\u2713"}, {"dir/", "dir/"}};
        try (RawHttp c = new RawHttp(server.port())) {
            for (String[] k : cases) {
                c.send(Signed.head(server.port(), "GET", "/bucket/" + k[0], null, Map.of(), null, List.of()));
                RawHttp.Response r = c.read(false);
                assertEquals(200, r.status(), k[0] + ": " + r.text());
                assertEquals(encode(k[1]), r.header("x-echo-key"), k[0]);
                assertEquals(GET_SIZE, r.body().length);
            }
        }
    }

    @Test
    void rawQueryReachesTheApi() throws Exception {
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "GET", "/bucket", "list-type=2&prefix=a%2Bb%20c%2F&delimiter=%2F", Map.of(), null, List.of()));
            RawHttp.Response r = c.read(false);
            assertEquals(200, r.status(), r.text());
            assertEquals(encode("a+b c/"), r.header("x-echo-prefix"));
            assertEquals(encode("/"), r.header("x-echo-delimiter"));
        }
    }

    @Test
    void getSendsTheExactLengthAndNoContentTypeTheHandlerDidNotSet() throws Exception {
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "GET", "/bucket/k", null, Map.of(), null, List.of()));
            RawHttp.Response r = c.read(false);
            assertEquals(200, r.status());
            assertEquals(Integer.toString(GET_SIZE), r.header("Content-Length"));
            assertNull(r.header("Transfer-Encoding"));
            assertNull(r.header("Content-Type"), "no invented Content-Type");
            assertArrayEquals(pattern(GET_SIZE), r.body());
        }
    }

    @Test
    void headCarriesTheHandlersContentLengthAndNoBody() throws Exception {
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "HEAD", "/bucket/huge", null, Map.of(), null, List.of()));
            RawHttp.Response r = c.read(true);
            assertEquals(200, r.status());
            assertEquals(Long.toString(HUGE), r.header("Content-Length"));
            assertEquals("application/x-test", r.header("Content-Type"));
            // the next response starts right away: the HEAD answer carried no body bytes
            c.send(Signed.head(server.port(), "GET", "/bucket/next", null, Map.of(), null, List.of()));
            RawHttp.Response next = c.read(false);
            assertEquals(200, next.status());
            assertEquals("next", next.header("x-echo-key"));
        }
    }

    @Test
    void createBucketLocationIsSentAsTheHandlerWroteIt() throws Exception {
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "PUT", "/fresh-bucket", null, Map.of(), null, List.of()));
            RawHttp.Response r = c.read(false);
            assertEquals(200, r.status(), r.text());
            assertEquals("/fresh-bucket", r.header("Location"), "not rewritten against the request's host");
            assertEquals("0", r.header("Content-Length"));
            assertNull(r.header("Content-Type"));
        }
    }

    @Test
    void errorsAreS3XmlWithTheirOwnContentType() throws Exception {
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "GET", "/no-such-bucket-here", "location", Map.of(), null, List.of()));
            RawHttp.Response r = c.read(false);
            assertEquals(404, r.status(), r.text());
            assertEquals("application/xml", r.header("Content-Type"));
            assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
            assertTrue(r.text().contains("<Code>NoSuchBucket</Code>"), r.text());
        }
    }

    @Test
    void expectContinueIsAnsweredWhenTheBodyIsRead() throws Exception {
        byte[] body = pattern(70_000);
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "PUT", "/bucket/k", null, Map.of(), body, List.of("Expect: 100-continue")));
            assertEquals(100, c.read(false).status());
            c.send(body);
            RawHttp.Response r = c.read(false);
            assertEquals(200, r.status(), r.text());
            assertEquals("70000", r.header("x-echo-length"));
            assertArrayEquals(body, lastPutBody.get());
        }
    }

    @Test
    void refusedExpectContinueRequestNeverAsksForTheBody() throws Exception {
        byte[] body = pattern(70_000);
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(tampered(Signed.head(server.port(), "PUT", "/bucket/k", null, Map.of("x-amz-meta-a", "1"), body,
                    List.of("Expect: 100-continue"))));
            RawHttp.Response r = c.read(false);
            assertEquals(403, r.status(), "a final answer, no 100 Continue: " + r.text());
            assertTrue(r.text().contains("<Code>SignatureDoesNotMatch</Code>"), r.text());
            assertNextRequestIsServedOrConnectionClosed(c);
        }
        assertNull(lastPutBody.get());
    }

    @Test
    void unreadBodyOfARefusedRequestIsNeverParsedAsARequest() throws Exception {
        // the refused body holds a whole request: if the server did not skip or close, it would answer it
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("GET /smuggled/x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(pattern(100_000));
        byte[] bytes = body.toByteArray();
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(tampered(Signed.head(server.port(), "PUT", "/bucket/k", null, Map.of("x-amz-meta-a", "1"), bytes, List.of())));
            c.send(bytes);
            RawHttp.Response r = c.read(false);
            assertEquals(403, r.status(), r.text());
            assertNextRequestIsServedOrConnectionClosed(c);
            String rest = new String(c.drain(300), StandardCharsets.ISO_8859_1);
            assertTrue(rest.isEmpty(), "nothing answers the smuggled request: " + rest);
        }
    }

    @Test
    void headerValuesArriveWithTheirCase() throws Exception {
        // the AWS SDK sends exactly this for RequestBody.fromString; Jetty's header cache knows it in lower case
        for (String type : new String[] {"text/plain; charset=UTF-8", "text/plain;charset=UTF-8", "TEXT/HTML"}) {
            try (RawHttp c = new RawHttp(server.port())) {
                byte[] body = {1, 2, 3};
                c.send(Signed.head(server.port(), "PUT", "/bucket/typed", null, Map.of("Content-Type", type), body, List.of()));
                c.send(body);
                RawHttp.Response r = c.read(false);
                assertEquals(200, r.status(), type + ": " + r.text());
                assertEquals(encode(type), r.header("x-echo-content-type"));
            }
        }
    }

    @Test
    void bodiesReachTheApiUndecoded() throws Exception {
        byte[] plain = "hello, hello, hello, cairn".repeat(100).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        byte[] gzipped = gz.toByteArray();
        try (RawHttp c = new RawHttp(server.port())) {
            c.send(Signed.head(server.port(), "PUT", "/bucket/gz", null, Map.of("Content-Encoding", "gzip"), gzipped, List.of()));
            c.send(gzipped);
            RawHttp.Response r = c.read(false);
            assertEquals(200, r.status(), r.text());
            assertArrayEquals(gzipped, lastPutBody.get(), "gzip is the object's encoding, not the transfer's");
        }
    }

    @Test
    void awsChunkedBodyWithTrailingChecksumFromTheSdkDefaultsIsDecodedByTheApi() {
        byte[] data = pattern(200_000);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Signed.ACCESS_KEY, Signed.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            s3.putObject(b -> b.bucket("bucket").key("chunked"), RequestBody.fromBytes(data));
        }
        assertArrayEquals(data, lastPutBody.get(), "Jetty and Jersey passed aws-chunked framing through; S3Api removed it");
    }

    private void assertNextRequestIsServedOrConnectionClosed(RawHttp c) throws IOException {
        if (c.closedByServer()) {
            return;
        }
        c.send(Signed.head(server.port(), "GET", "/bucket/after", null, Map.of(), null, List.of()));
        RawHttp.Response next = c.read(false);
        assertEquals(200, next.status(), next.text());
        assertEquals("after", next.header("x-echo-key"));
    }

    /** Changes a signed header's value after signing: the signature no longer matches. */
    private static byte[] tampered(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        assertTrue(text.contains("x-amz-meta-a: 1\r\n"), text);
        return text.replace("x-amz-meta-a: 1\r\n", "x-amz-meta-a: 2\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return s == null ? "-" : java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    private static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
