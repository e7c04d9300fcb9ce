package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.fixtures.LocalStackServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A gateway on the S3 backend whose LocalStack (its own instance) is stopped mid-run: the AWS SDK
 * gets 503 ServiceUnavailable with {@code Retry-After}, never a 500 or a hang, and {@code /readyz}
 * turns 503. LocalStack keeps its state in memory, so "the previous version stays intact" is
 * proven with injected latency instead (S3BackendFailureTest in backends/s3).
 */
class S3BackendOutageLaneTest {

    @Test
    void stoppedBackendGivesClients503WithRetryAfterAndReadyzNotReady(@TempDir Path dataDir) throws Exception {
        try (LocalStackServer ls = LocalStackServer.startDedicated()) {
            try (S3Client admin = S3Client.builder().endpointOverride(ls.endpoint()).forcePathStyle(true)
                    .region(software.amazon.awssdk.regions.Region.of(LocalStackServer.REGION))
                    .credentialsProvider(JavaSdkLane.credentials(LocalStackServer.ACCESS_KEY, LocalStackServer.SECRET_KEY)).build()) {
                admin.createBucket(b -> b.bucket("cairn-outage"));
            }
            Map<String, String> s3 = new HashMap<>();
            s3.put("s3.bucket", "cairn-outage");
            s3.put("s3.endpoint", ls.endpoint().toString());
            s3.put("s3.path-style", "true");
            s3.put("s3.access-key-id", LocalStackServer.ACCESS_KEY);
            s3.put("s3.secret-access-key", LocalStackServer.SECRET_KEY);
            s3.put("s3.connect-timeout", "500ms");
            s3.put("s3.max-attempts", "2");
            s3.put("s3.health-cache", "0");
            try (Gateway gateway = Gateway.start("s3", dataDir, s3); S3Client client = JavaSdkLane.pathStyleClient(gateway)) {
                client.createBucket(b -> b.bucket("lane"));
                client.putObject(b -> b.bucket("lane").key("k"), RequestBody.fromString("before"));
                assertEquals(200, readyz(gateway).statusCode());

                ls.close();

                HttpResponse<String> ready = readyz(gateway);
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("s3 backend unreachable"), ready.body());
                for (Runnable call : new Runnable[] {
                        () -> client.getObjectAsBytes(b -> b.bucket("lane").key("k")),
                        () -> client.putObject(b -> b.bucket("lane").key("k"), RequestBody.fromString("after")),
                        () -> client.listObjectsV2(b -> b.bucket("lane"))}) {
                    S3Exception e = assertThrows(S3Exception.class, call::run);
                    assertEquals(503, e.statusCode(), e.getMessage());
                    assertEquals("ServiceUnavailable", e.awsErrorDetails().errorCode());
                    assertTrue(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").isPresent(),
                            "503 without Retry-After");
                }
            }
        }
    }

    private static HttpResponse<String> readyz(Gateway gateway) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.endpoint() + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
