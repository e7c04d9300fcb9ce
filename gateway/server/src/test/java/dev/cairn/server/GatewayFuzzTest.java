package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Seeded fuzzing over raw sockets against a gateway on the local backend: valid signed S3 and OAP
 * requests, most of them then mutated (bytes flipped, inserted, cut; headers duplicated; lengths
 * lied about; methods swapped). No answer may be a 500, no connection may hang, and afterwards
 * every listed object reads back whole and no temporary file is left. Reproduce a failure with
 * {@code -Dcairn.fuzz.seed=N} (the failure message names the seed and the request number).
 */
@Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS)
class GatewayFuzzTest {
    private static final int REQUESTS = Integer.getInteger("cairn.fuzz.requests", 2500);
    private static final long SEED = Long.getLong("cairn.fuzz.seed", 20261127L);
    private static final String TOKEN = "fuzz-token";
    private static final String[] KEYS = {"a", "dir/b", "sp ace", "uni-\u00fc\u6f22", "a//b", "../x", "..", "%25", "+plus", "semi;colon",
        "deep/er/key.txt", "~tilde", "x".repeat(300)};
    private static final String[] METHODS = {"GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "FOO"};

    @TempDir
    Path dataDir;

    @Test
    void randomAndMutatedRequestsNeverCrashHangOrCorrupt() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        CairnServer server = CairnServer.start(CairnConfig.fromMap(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend",
                "local", "data.dir", dataDir.toString(), "access-key", Signed.ACCESS_KEY, "secret-key", Signed.SECRET_KEY,
                "oap.write-token", TOKEN, "log.access", "false", "log.level", "error", "s3.min-part-size", "1")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of());
        try {
            send(server, request(server.port(), "PUT", "/fuzz", null, new byte[0]), -1, statuses);
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = generate(server.port(), random);
                if (random.nextInt(10) < 6) {
                    request = mutate(request, random);
                }
                send(server, request, i, statuses);
            }
            verifyEveryObjectReadsBack(server);
        } finally {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> temp = files.filter(Files::isRegularFile).filter(p -> dataDir.relativize(p).toString().startsWith("tmp")).toList();
            assertEquals(List.of(), temp, "temporary files left behind");
        }
        assertTrue(statuses.keySet().stream().noneMatch(s -> s == 500), "statuses " + statuses);
        System.out.println("fuzz seed " + SEED + ", " + REQUESTS + " requests, statuses " + statuses);
    }

    private static void send(CairnServer server, byte[] request, int i, Map<Integer, Integer> statuses) throws IOException {
        OneShot.Result r = OneShot.send(server.port(), request, 20_000);
        String replay = "seed " + SEED + " request " + i + ": " + new String(request, 0, Math.min(300, request.length),
                StandardCharsets.ISO_8859_1);
        if (r.timedOut()) {
            throw new AssertionError("no answer and no close within 20 s (stuck connection), " + replay);
        }
        if (r.status() == 500) {
            throw new AssertionError("500 for " + replay + "\n--- answer:\n" + r.text());
        }
        statuses.merge(r.status(), 1, Integer::sum);
    }

    /** A valid request of a random kind. */
    private static byte[] generate(int port, Random random) {
        String key = "/fuzz/" + encode(KEYS[random.nextInt(KEYS.length)]);
        byte[] body = new byte[random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(64)];
        random.nextBytes(body);
        switch (random.nextInt(9)) {
            case 0, 1:
                return request(port, "PUT", key, null, body);
            case 2:
                return request(port, "GET", key, random.nextBoolean() ? null : "", null);
            case 3:
                return request(port, "HEAD", key, null, null);
            case 4:
                return request(port, "DELETE", key, null, null);
            case 5:
                return request(port, "GET", "/fuzz", "list-type=2&prefix=" + encode(KEYS[random.nextInt(KEYS.length)].substring(0, 1))
                        + "&max-keys=" + random.nextInt(5), null);
            case 6:
                return request(port, "POST", key, "uploads", new byte[0]);
            case 7:
                return oap("PUT /put", body);
            default:
                return oap("GET /o/b3:" + "0123456789abcdef".repeat(4), null);
        }
    }

    private static byte[] request(int port, String method, String path, String query, byte[] body) {
        byte[] head = Signed.head(port, method, path, query == null || query.isEmpty() ? null : query, Map.of(), body,
                List.of("Connection: close"));
        return concat(head, body == null ? new byte[0] : body);
    }

    private static byte[] oap(String line, byte[] body) {
        String head = line + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\nConnection: close\r\n"
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body == null ? new byte[0] : body);
    }

    /** One or two random damages. */
    private static byte[] mutate(byte[] request, Random random) {
        byte[] r = request;
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            switch (random.nextInt(8)) {
                case 0 -> r[random.nextInt(r.length)] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] junk = new byte[1 + random.nextInt(16)];
                    random.nextBytes(junk);
                    int at = random.nextInt(r.length);
                    r = concat(concat(java.util.Arrays.copyOf(r, at), junk), java.util.Arrays.copyOfRange(r, at, r.length));
                }
                case 2 -> r = java.util.Arrays.copyOf(r, random.nextInt(r.length));
                case 3 -> r = replaceHeader(r, "Content-Length", Integer.toString(random.nextInt(200_000)));
                case 4 -> r = replaceHeader(r, "x-amz-content-sha256", random.nextBoolean() ? "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
                        : "UNSIGNED-PAYLOAD");
                case 5 -> {
                    String text = new String(r, StandardCharsets.ISO_8859_1);
                    int sp = text.indexOf(' ');
                    if (sp > 0) {
                        r = (METHODS[random.nextInt(METHODS.length)] + text.substring(sp)).getBytes(StandardCharsets.ISO_8859_1);
                    }
                }
                case 6 -> {
                    String text = new String(r, StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n");
                    int next = end < 0 ? -1 : text.indexOf("\r\n", end + 2);
                    if (next > 0) {
                        // the first header line twice
                        r = (text.substring(0, next) + text.substring(end, next) + text.substring(next)).getBytes(StandardCharsets.ISO_8859_1);
                    }
                }
                default -> r = replaceHeader(r, "Content-Encoding", random.nextBoolean() ? "gzip" : "aws-chunked");
            }
            if (r.length == 0) {
                r = new byte[] {'\r', '\n'};
            }
        }
        return r;
    }

    /** Sets a header's value (adding the header when absent) in the head of a raw request. */
    private static byte[] replaceHeader(byte[] request, String name, String value) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return request;
        }
        String head = text.substring(0, headEnd);
        String rest = text.substring(headEnd);
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("\r\n" + name.toLowerCase(java.util.Locale.ROOT) + ":");
        if (at >= 0) {
            int lineEnd = head.indexOf("\r\n", at + 2);
            head = head.substring(0, at) + "\r\n" + name + ": " + value + (lineEnd < 0 ? "" : head.substring(lineEnd));
        } else {
            head = head + "\r\n" + name + ": " + value;
        }
        return (head + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void verifyEveryObjectReadsBack(CairnServer server) {
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Signed.ACCESS_KEY, Signed.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<String> checked = new ArrayList<>();
            s3.listBuckets().buckets().forEach(bucket -> {
                for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents()) {
                    ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(o.key()));
                    assertEquals(o.size().longValue(), bytes.asByteArray().length, bucket.name() + "/" + o.key());
                    assertEquals(o.size(), bytes.response().contentLength(), bucket.name() + "/" + o.key());
                    checked.add(bucket.name() + "/" + o.key());
                }
            });
            assertTrue(checked.size() > 3, "the fuzz stored some objects: " + checked);
        }
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/").replace("%7E", "~");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
