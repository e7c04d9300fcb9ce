package dev.cairn.gateway.s3.chunked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Captures what the AWS SDK for Java v2 really sends for PutObject, at its defaults and at
 * {@code WHEN_REQUIRED}, over HTTP (signed chunks) and HTTPS (unsigned chunks), and decodes it. The
 * signed chains are checked with the test's own SigV4 chain, so the canonical trailer form is
 * checked against the SDK's.
 */
class SdkCapturedBodyTest {
    private static final String ACCESS_KEY = "AKIDCAIRNTEST";
    private static final String SECRET = "cairn/test/secret/key/0123456789abcdefghij";
    private static final Pattern AUTH = Pattern.compile("Credential=[^/]+/(\\d{8})/([^/]+)/([^/]+)/aws4_request,.*Signature=([0-9a-f]{64})");

    record Captured(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    private static final List<Captured> CAPTURED = new ArrayList<>();
    private static HttpServer http;
    private static HttpsServer https;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        for (HttpServer s : List.of(http, https)) {
            s.createContext("/", exchange -> {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (CAPTURED) {
                    CAPTURED.add(new Captured(headers, body));
                }
                exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef\"");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            s.start();
        }
    }

    @AfterAll
    static void stop() {
        http.stop(0);
        https.stop(0);
    }

    static Stream<Arguments> uploads() {
        List<Arguments> out = new ArrayList<>();
        for (boolean tls : new boolean[] {false, true}) {
            for (String client : List.of("default", "url-connection")) {
                for (RequestChecksumCalculation calc : RequestChecksumCalculation.values()) {
                    for (int size : new int[] {0, 1, 200 * 1024 + 13}) {
                        out.add(Arguments.of(tls ? "https" : "http", client, calc, size));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} bytes")
    @MethodSource("uploads")
    void decodesWhatTheSdkSends(String scheme, String client, RequestChecksumCalculation calc, int size) throws IOException {
        byte[] data = ChunkedBodies.random(size, size + 17L);
        Captured c = upload(scheme, client, calc, data);
        log(scheme + " " + client + " " + calc + " " + size, c);

        HeaderSource headers = HeaderSource.of(c.headers());
        ChecksumIntent intent = ChecksumIntent.parse(headers);
        AwsChunkedRequest chunked = AwsChunkedRequest.fromHeaders(headers).orElse(null);
        if (calc == RequestChecksumCalculation.WHEN_SUPPORTED) {
            // The default: a CRC32 trailer, whatever the transport.
            assertEquals(new ChecksumIntent(ChecksumAlgorithm.CRC32, ChecksumIntent.Source.TRAILER, null), intent);
            assertTrue(chunked != null && chunked.mode().hasTrailer());
            assertEquals(scheme.equals("http"), chunked.mode().signed(), "payloads are signed over HTTP only");
        }

        InputStream body = new ByteArrayInputStream(c.body());
        AwsChunkedInputStream decoder = null;
        TestSigV4.Recording verifier = null;
        if (chunked != null) {
            assertEquals(size, chunked.decodedContentLength());
            assertEquals(String.valueOf(c.body().length), c.header("content-length"));
            if (chunked.mode().signed()) {
                verifier = chainOf(c);
            }
            decoder = AwsChunkedDecoder.defaults().decode(body, chunked, verifier);
            body = decoder;
        }
        ChecksumVerifyingInputStream checked = intent.source() == ChecksumIntent.Source.NONE ? null
                : intent.verify(body, decoder == null ? Map::of : decoder::trailers);
        byte[] decoded = (checked != null ? checked : body).readAllBytes();

        assertArrayEquals(data, decoded);
        if (checked != null) {
            assertEquals(checked.algorithm().toText(digest(checked.algorithm(), data)), checked.verifiedValue());
        }
        if (verifier != null) {
            assertFalse(verifier.calls.isEmpty());
            assertTrue(verifier.calls.stream().allMatch(TestSigV4.Call::accepted), verifier.calls.toString());
            assertEquals(chunked.mode().hasTrailer(), verifier.calls.get(verifier.calls.size() - 1).trailer());
        }
    }

    private static Captured upload(String scheme, String clientName, RequestChecksumCalculation calc, byte[] data) {
        boolean tls = scheme.equals("https");
        int port = (tls ? https : http).getAddress().getPort();
        AttributeMap trustAll = AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build();
        SdkHttpClient httpClient = clientName.equals("default")
                ? Apache5HttpClient.builder().buildWithDefaults(trustAll)
                : UrlConnectionHttpClient.builder().buildWithDefaults(trustAll);
        int before;
        synchronized (CAPTURED) {
            before = CAPTURED.size();
        }
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(scheme + "://127.0.0.1:" + port))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .requestChecksumCalculation(calc)
                .httpClient(httpClient)
                .build()) {
            s3.putObject(PutObjectRequest.builder().bucket("bucket").key("key").build(), RequestBody.fromBytes(data));
        } finally {
            httpClient.close();
        }
        synchronized (CAPTURED) {
            assertEquals(before + 1, CAPTURED.size(), "one request per upload");
            return CAPTURED.get(before);
        }
    }

    /** The SigV4 chain of the captured request, seeded with its Authorization signature. */
    private static TestSigV4.Recording chainOf(Captured c) {
        Matcher m = AUTH.matcher(c.header("authorization"));
        assertTrue(m.find(), c.header("authorization"));
        TestSigV4 chain = new TestSigV4(SECRET, c.header("x-amz-date"), m.group(2), m.group(3));
        return chain.verifier(m.group(4));
    }

    private static byte[] digest(ChecksumAlgorithm a, byte[] data) {
        var d = a.newDigest();
        d.update(data, 0, data.length);
        return d.finish();
    }

    /** What was sent, for the record: the relevant headers and the first lines of the body. */
    private static void log(String label, Captured c) {
        StringBuilder out = new StringBuilder("=== ").append(label).append('\n');
        for (String h : List.of("content-encoding", "content-length", "transfer-encoding", "x-amz-content-sha256",
                "x-amz-decoded-content-length", "x-amz-sdk-checksum-algorithm", "x-amz-trailer", "x-amz-checksum-crc32",
                "content-md5", "expect")) {
            if (c.header(h) != null) {
                out.append(h).append(": ").append(c.header(h)).append('\n');
            }
        }
        String text = new String(c.body(), StandardCharsets.ISO_8859_1);
        String head = text.length() > 120 ? text.substring(0, 120) : text;
        String tail = text.length() > 240 ? text.substring(text.length() - 240) : "";
        out.append("body head: ").append(printable(head)).append('\n');
        if (!tail.isEmpty()) {
            out.append("body tail: ").append(printable(tail)).append('\n');
        }
        System.out.print(out);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch == '\r' ? "\\r" : ch == '\n' ? "\\n" : ch >= 0x20 && ch < 0x7f ? String.valueOf(ch) : ".");
        }
        return b.toString();
    }

    /** A throwaway self-signed key for 127.0.0.1, made with the JDK's keytool. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "EC", "-alias", "server", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
