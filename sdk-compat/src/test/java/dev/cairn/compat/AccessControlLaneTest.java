package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A second key pair from {@code s3.credentials-file} used by the real AWS SDK, and anonymous
 * {@code java.net.http} reads of a {@code s3.public-read-buckets} bucket, against a gateway
 * started as {@code ./cairn} starts one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlLaneTest {
    private static final String SECOND_KEY = "AKIDCAIRNCOMPAT0002";
    private static final String SECOND_SECRET = "second-compat-secret/with+base64=chars00";

    private Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("s3-keys.properties");
        Files.writeString(keys, "# deploy robot\n" + SECOND_KEY + " = " + SECOND_SECRET + "\n");
        gateway = Gateway.start("memory", dir, Map.of("s3.credentials-file", keys.toString(), "s3.public-read-buckets", "public-site"));
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private S3Client client(String key, String secret) {
        return S3Client.builder().endpointOverride(gateway.endpoint()).region(Region.of(Gateway.REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private HttpResponse<String> anonymous(String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x") : HttpRequest.BodyPublishers.noBody();
        return http.send(HttpRequest.newBuilder(URI.create(gateway.endpoint() + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void secondKeyPairWritesAndAnonymousReadsPublicBucket() throws Exception {
        try (S3Client second = client(SECOND_KEY, SECOND_SECRET)) {
            second.createBucket(b -> b.bucket("public-site"));
            second.createBucket(b -> b.bucket("private-site"));
            second.putObject(b -> b.bucket("public-site").key("index.html").contentType("text/html"), RequestBody.fromString("<h1>hi</h1>"));
            second.putObject(b -> b.bucket("private-site").key("index.html"), RequestBody.fromString("secret page"));
            assertEquals("<h1>hi</h1>", second.getObjectAsBytes(b -> b.bucket("public-site").key("index.html")).asUtf8String());
        }
        try (S3Client owner = client(Gateway.ACCESS_KEY, Gateway.SECRET_KEY)) {
            assertEquals("secret page", owner.getObjectAsBytes(b -> b.bucket("private-site").key("index.html")).asUtf8String(),
                    "the generated/configured pair keeps working next to the file's");
        }

        HttpResponse<String> get = anonymous("GET", "/public-site/index.html");
        assertEquals(200, get.statusCode(), get.body());
        assertEquals("<h1>hi</h1>", get.body());
        assertEquals("text/html", get.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> list = anonymous("GET", "/public-site?list-type=2");
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(true, list.body().contains("<Key>index.html</Key>"), list.body());

        for (String[] denied : new String[][] {{"PUT", "/public-site/evil.html"}, {"DELETE", "/public-site/index.html"},
            {"GET", "/private-site/index.html"}, {"GET", "/"}}) {
            HttpResponse<String> r = anonymous(denied[0], denied[1]);
            assertEquals(403, r.statusCode(), denied[0] + " " + denied[1] + ": " + r.body());
            assertEquals(true, r.body().contains("<Code>AccessDenied</Code>"), r.body());
        }
        assertEquals(200, anonymous("GET", "/public-site/index.html").statusCode(), "the denied DELETE changed nothing");
    }

    @Test
    void wrongSecretForTheSecondKeyIsSignatureDoesNotMatch() {
        try (S3Client wrong = client(SECOND_KEY, Gateway.SECRET_KEY)) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrong.listBuckets());
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
    }
}
