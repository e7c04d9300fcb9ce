package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real server: S3 responses carry exactly one {@code x-amz-request-id} (the
 * observer's) and an {@code x-amz-id-2} naming the same request; OAP responses carry no
 * {@code x-amz-id-2}.
 */
class S3ResponseIdsTest {
    @TempDir
    Path dataDir;

    private CairnServer server;

    @BeforeEach
    void start() {
        server = CairnServer.start(CairnConfig.fromMap(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "memory",
                "data.dir", dataDir.toString())), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void s3ErrorsCarryBothIdsOnce() throws Exception {
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE"}) {
            HttpResponse<String> r = send(method, "/bucket/key");
            assertEquals(403, r.statusCode(), method);
            List<String> requestIds = r.headers().allValues("x-amz-request-id");
            assertEquals(1, requestIds.size(), method + ": " + requestIds);
            List<String> hostIds = r.headers().allValues("x-amz-id-2");
            assertEquals(1, hostIds.size(), method + ": " + hostIds);
            byte[] raw = Base64.getDecoder().decode(hostIds.get(0));
            assertEquals(requestIds.get(0), new String(Arrays.copyOfRange(raw, 12, raw.length), StandardCharsets.US_ASCII), method);
            if (method.equals("HEAD")) {
                assertEquals("", r.body());
            } else {
                assertTrue(r.body().contains("<RequestId>" + requestIds.get(0) + "</RequestId>"), r.body());
            }
        }
    }

    @Test
    void oapAndHealthResponsesHaveNoHostId() throws Exception {
        URI missing = URI.create("/o/" + "0".repeat(64));
        HttpResponse<String> oap = send("GET", missing.toString());
        assertTrue(oap.headers().firstValue("x-amz-request-id").isPresent(), "the observer ids every response");
        assertTrue(oap.headers().firstValue("x-amz-id-2").isEmpty(), oap.headers().map().toString());
        HttpResponse<String> health = send("GET", "/healthz");
        assertTrue(health.headers().firstValue("x-amz-id-2").isEmpty());
    }
}
