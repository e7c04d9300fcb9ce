package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.fixtures.FakeGcsServer;
import dev.cairn.fixtures.LatencyProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The gcs backend when GCS fails, through a real gateway and real clients: a stopped emulator
 * and a slow one (a {@link LatencyProxy} holding answers back past {@code gcs.read-timeout}) give
 * clients 503 ServiceUnavailable with {@code Retry-After} and turn {@code /readyz} not-ready, and
 * both recover when GCS does. Each test has its own emulator, which it stops.
 */
class GcsFailureLaneTest {
    private static final String BUCKET = "failure-lane";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeGcsServer gcs;
    private LatencyProxy proxy;
    private Gateway gateway;
    private S3Client s3;
    private S3Presigner presigner;

    @BeforeEach
    void start(@TempDir Path dataDir) {
        gcs = FakeGcsServer.start();
        gcs.createBucket("cairn-failure");
        proxy = LatencyProxy.start(gcs.endpoint());
        Map<String, String> settings = new HashMap<>();
        settings.put("gcs.bucket", "cairn-failure");
        settings.put("gcs.endpoint", proxy.endpoint().toString());
        settings.put("gcs.credentials", "none");
        settings.put("gcs.connect-timeout", "500ms");
        settings.put("gcs.read-timeout", "700ms");
        settings.put("gcs.max-attempts", "1");
        settings.put("gcs.health-ttl", "0ms");
        gateway = Gateway.start("gcs", dataDir, settings);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Gateway.ACCESS_KEY, Gateway.SECRET_KEY));
        s3 = S3Client.builder().endpointOverride(gateway.endpoint()).region(Region.of(Gateway.REGION)).forcePathStyle(true)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
        presigner = S3Presigner.builder().endpointOverride(gateway.endpoint()).region(Region.of(Gateway.REGION))
                .credentialsProvider(credentials)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromString("hello"));
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {s3, presigner, gateway, proxy, gcs}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next test starts fresh
            }
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> presignedGet() throws Exception {
        URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(GetObjectRequest.builder().bucket(BUCKET).key("k").build())).url().toURI();
        return get(url);
    }

    private int readyz() throws Exception {
        return get(gateway.endpoint().resolve("/readyz")).statusCode();
    }

    private static void assertServiceUnavailable(HttpResponse<String> r) {
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>ServiceUnavailable</Code>"), r.body());
        assertNotNull(r.headers().firstValue("Retry-After").orElse(null), "Retry-After");
    }

    @Test
    void aStoppedBackendAnswers503WithRetryAfterAndReadyzTurnsNotReadyUntilItIsBack() throws Exception {
        assertEquals(200, presignedGet().statusCode());
        assertEquals(200, readyz());
        int port = gcs.port();
        gcs.close();

        assertServiceUnavailable(presignedGet());
        S3Exception put = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket(BUCKET).key("k2"), RequestBody.fromString("x")));
        assertEquals(503, put.statusCode());
        assertEquals(503, readyz());

        gcs = FakeGcsServer.start(port);
        gcs.createBucket("cairn-failure");
        assertEquals(200, readyz(), "ready again once GCS answers");
    }

    @Test
    void aSlowBackendAnswers503WithRetryAfterAndReadyzTurnsNotReadyUntilItIsFastAgain() throws Exception {
        assertEquals(200, presignedGet().statusCode());
        proxy.delay(Duration.ofSeconds(2));

        long t0 = System.nanoTime();
        assertServiceUnavailable(presignedGet());
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMillis < 5_000, "the gateway gives up after about gcs.read-timeout, took " + tookMillis + " ms");
        assertEquals(503, readyz());

        proxy.delay(Duration.ZERO);
        assertEquals(200, readyz(), "ready again once GCS is fast");
        HttpResponse<String> back = presignedGet();
        assertEquals(200, back.statusCode());
        assertEquals("hello", back.body());
    }
}
