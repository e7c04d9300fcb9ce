package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.testkit.GatedCompletionStore;
import dev.cairn.gateway.s3.S3Api;
import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keep-alive whitespace of a slow CompleteMultipartUpload through Jetty and Jersey, on a real
 * socket: the 200 head and each space reach the client while the store still completes, and the
 * AWS SDK for Java v2, with a read timeout far shorter than the completion and no retries, gets
 * its result (or the error inside the 200 as an S3Exception). With keep-alive off, the same
 * client times out, which shows the whitespace is what keeps it alive.
 */
class CompleteKeepAliveWireTest {
    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @TempDir
    Path dataDir;

    private CairnServer server;
    private final AtomicReference<GatedCompletionStore> gated = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (gated.get() != null) {
            gated.get().open();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(String keepAliveAfter) {
        Map<String, String> settings = new HashMap<>(Map.of("http.host", "127.0.0.1", "http.port", "0", "backend", "memory",
                "data.dir", dataDir.toString(), "access-key", Signed.ACCESS_KEY, "secret-key", Signed.SECRET_KEY,
                "oap.write-token", "unused-token", "log.access", "false", "s3.min-part-size", "5B"));
        settings.put("s3.complete-keepalive-after", keepAliveAfter);
        settings.put("s3.complete-keepalive-interval", "50ms");
        server = CairnServer.start(CairnConfig.fromMap(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of(), (store, s3, registry) -> {
                    GatedCompletionStore g = new GatedCompletionStore(store);
                    gated.set(g);
                    return S3Api.create(g, s3, registry, Clock.systemUTC());
                });
    }

    /** An SDK client that gives up after {@code readTimeout} of silence and never retries. */
    private S3Client client(Duration readTimeout) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Signed.ACCESS_KEY, Signed.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(readTimeout).build())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    /** Creates bucket "b" and an upload of "k" with two parts; returns the upload id and part ETags. */
    private static List<String> upload(S3Client s3) {
        s3.createBucket(b -> b.bucket("bkt"));
        String id = s3.createMultipartUpload(b -> b.bucket("bkt").key("k")).uploadId();
        List<String> out = new ArrayList<>(List.of(id));
        out.add(s3.uploadPart(b -> b.bucket("bkt").key("k").uploadId(id).partNumber(1), RequestBody.fromString("first-part")).eTag());
        out.add(s3.uploadPart(b -> b.bucket("bkt").key("k").uploadId(id).partNumber(2), RequestBody.fromString("second")).eTag());
        return out;
    }

    /** CompleteMultipartUpload of "bkt/k" for {@code up}'s upload with the given part ETags, in order. */
    private static CompleteMultipartUploadResponse complete(S3Client s3, List<String> up, String... etags) {
        return s3.completeMultipartUpload(b -> b.bucket("bkt").key("k").uploadId(up.get(0)).multipartUpload(m -> m.parts(parts(etags))));
    }

    private static List<CompletedPart> parts(String... etags) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < etags.length; i++) {
            parts.add(CompletedPart.builder().partNumber(i + 1).eTag(etags[i]).build());
        }
        return parts;
    }

    /** Opens the gate after {@code millis}, from another thread. */
    private void openAfter(long millis) {
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> gated.get().open());
    }

    @Test
    void spacesReachTheSocketWhileTheStoreStillCompletes() throws Exception {
        start("200ms");
        List<String> up;
        try (S3Client s3 = client(Duration.ofSeconds(10))) {
            up = upload(s3);
        }
        byte[] body = ("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + up.get(1) + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + up.get(2) + "</ETag></Part></CompleteMultipartUpload>")
                .getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(Signed.head(server.port(), "POST", "/bkt/k", "uploadId=" + up.get(0), Map.of(), body, List.of()));
            http.send(body);
            RawHttp.Response head = http.readHead();
            assertEquals(200, head.status());
            assertEquals("application/xml", head.header("Content-Type"));
            assertEquals("chunked", head.header("Transfer-Encoding"));
            assertNull(head.header("Content-Length"));
            assertTrue(head.header("x-amz-request-id") != null, head.headerLines().toString());
            // the store is still shut: everything the client has now came while it completed
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            int spaces = 0;
            while (spaces < 3) {
                byte[] chunk = http.nextChunk();
                assertTrue(chunk.length > 0, "body ended while the store was still completing: " + seen);
                seen.write(chunk);
                spaces = seen.toString(StandardCharsets.UTF_8).replace(DECL, "").length();
            }
            assertTrue(seen.toString(StandardCharsets.UTF_8).matches("(?s)" + Pattern.quote(DECL) + " +"), seen.toString());
            gated.get().open();
            for (byte[] chunk = http.nextChunk(); chunk.length > 0; chunk = http.nextChunk()) {
                seen.write(chunk);
            }
            String all = seen.toString(StandardCharsets.UTF_8);
            assertTrue(all.matches("(?s)" + Pattern.quote(DECL) + " +<CompleteMultipartUploadResult .*<ETag>&quot;[0-9a-f]{32}-2&quot;</ETag>.*"),
                    all);
        }
    }

    @Test
    void theSdkGetsItsResultThroughAReadTimeoutShorterThanTheCompletion() {
        start("200ms");
        try (S3Client s3 = client(Duration.ofMillis(700))) {
            List<String> up = upload(s3);
            openAfter(2_000);
            CompleteMultipartUploadResponse done = complete(s3, up, up.get(1), up.get(2));
            assertEquals(s3.headObject(b -> b.bucket("bkt").key("k")).eTag(), done.eTag());
            assertEquals("first-partsecond", s3.getObjectAsBytes(b -> b.bucket("bkt").key("k")).asUtf8String());
        }
    }

    @Test
    void theSdkSeesAnErrorInsideThe200AsAnS3Exception() {
        start("200ms");
        try (S3Client s3 = client(Duration.ofMillis(700))) {
            List<String> up = upload(s3);
            openAfter(1_500);
            S3Exception e = assertThrows(S3Exception.class, () -> complete(s3, up, up.get(1), "\"00000000000000000000000000000000\""));
            assertEquals("InvalidPart", e.awsErrorDetails().errorCode(), e.toString());
            // nothing was published, and the upload is still there to complete properly
            gated.get().open();
            complete(s3, up, up.get(1), up.get(2));
        }
    }

    @Test
    void aCompletionRetriedAfterItsCommitAnswersTheSameEtag() {
        start("200ms");
        try (S3Client s3 = client(Duration.ofSeconds(10))) {
            List<String> up = upload(s3);
            gated.get().open();
            String etag = complete(s3, up, up.get(1), up.get(2)).eTag();
            String again = complete(s3, up, up.get(1), up.get(2)).eTag();
            assertEquals(etag, again);
            // a different part list is not a retry of that completion
            S3Exception e = assertThrows(S3Exception.class, () -> complete(s3, up, up.get(1)));
            assertEquals("NoSuchUpload", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void withoutKeepAliveTheSameClientTimesOut() {
        start("0s");
        try (S3Client s3 = client(Duration.ofMillis(700))) {
            List<String> up = upload(s3);
            openAfter(2_000);
            SdkClientException e = assertThrows(SdkClientException.class, () -> complete(s3, up, up.get(1), up.get(2)));
            assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("timed out")
                    || String.valueOf(e.getCause()).toLowerCase().contains("timed out"), e.toString());
        }
    }
}
