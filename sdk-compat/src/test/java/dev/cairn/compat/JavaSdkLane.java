package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * One AWS SDK for Java v2 lane: a normal session against a real gateway, one test per group of
 * operations. Subclasses choose the backend, the HTTP client, checksum mode and addressing style.
 * Tests tagged {@code objects} need the object and listing operations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JavaSdkLane {
    /** One MiB; lane bodies stay under the SDK's own limits for a single PutObject. */
    static final int MIB = 1 << 20;

    Gateway gateway;
    S3Client s3;

    /** {@code memory} or {@code local}. */
    abstract String backend();

    /** Extra gateway settings, e.g. the virtual-host domain. */
    Map<String, String> gatewaySettings() {
        return Map.of();
    }

    /** The client under test, configured for {@code gateway}. */
    abstract S3Client client(Gateway gateway);

    /** The presigner matching {@link #client}'s addressing style. */
    abstract S3Presigner presigner(Gateway gateway);

    @BeforeAll
    void startGateway(@TempDir Path dataDir) {
        gateway = Gateway.start(backend(), dataDir, gatewaySettings());
        s3 = client(gateway);
    }

    @AfterAll
    void stopGateway() {
        if (s3 != null) {
            s3.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    static StaticCredentialsProvider credentials() {
        return credentials(Gateway.ACCESS_KEY, Gateway.SECRET_KEY);
    }

    /** A path-style client at the SDK's defaults for {@code gateway}, for lanes that check another client's work. */
    static S3Client pathStyleClient(Gateway gateway) {
        return pathStyleClient(gateway.endpoint());
    }

    /** A path-style client at the SDK's defaults for the gateway at {@code endpoint}. */
    static S3Client pathStyleClient(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(Gateway.REGION)).forcePathStyle(true)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** A path-style presigner for {@code endpoint}. */
    static S3Presigner pathStylePresigner(URI endpoint) {
        return S3Presigner.builder().endpointOverride(endpoint).region(Region.of(Gateway.REGION)).credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    /** A fresh bucket name per test: tests never depend on each other's state. */
    static String bucketName() {
        return "lane-" + UUID.randomUUID().toString().substring(0, 13);
    }

    String newBucket() {
        String bucket = bucketName();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + (i >>> 10));
        }
        return b;
    }

    @Test
    void bucketLifecycle() {
        String bucket = bucketName();
        s3.createBucket(b -> b.bucket(bucket));
        s3.headBucket(b -> b.bucket(bucket));
        assertTrue(s3.listBuckets().buckets().stream().map(Bucket::name).anyMatch(bucket::equals), "listed after create");
        String location = s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
        assertTrue(location == null || location.isEmpty() || location.equals(Gateway.REGION), "location " + location);
        S3Exception again = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket(bucket)));
        assertEquals(409, again.statusCode());
        assertEquals("BucketAlreadyOwnedByYou", again.awsErrorDetails().errorCode());
        s3.deleteBucket(b -> b.bucket(bucket));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(bucket)));
        assertTrue(s3.listBuckets().buckets().stream().map(Bucket::name).noneMatch(bucket::equals), "gone after delete");
    }

    @Test
    void missingBucketAndBadCredentialsAreS3Errors() {
        String missing = bucketName();
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket(missing)));
        S3Exception location = assertThrows(S3Exception.class, () -> s3.getBucketLocation(b -> b.bucket(missing)));
        assertEquals("NoSuchBucket", location.awsErrorDetails().errorCode());
        try (S3Client wrongSecret = withCredentials(Gateway.ACCESS_KEY, "not-the-secret")) {
            S3Exception e = assertThrows(S3Exception.class, wrongSecret::listBuckets);
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
        try (S3Client unknownKey = withCredentials("AKIDUNKNOWN000000000", Gateway.SECRET_KEY)) {
            S3Exception e = assertThrows(S3Exception.class, unknownKey::listBuckets);
            assertEquals(403, e.statusCode());
            assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
        }
    }

    /** A client like {@link #client} with other credentials. */
    abstract S3Client withCredentials(String accessKey, String secretKey);

    @Test
    void putHeadGetAndRangedGet() {
        String bucket = newBucket();
        Map<String, byte[]> objects = Map.of("small.txt", "hello, cairn".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "empty", new byte[0], "one-mib.bin", bytes(MIB), "dir/a+b c/\u2713.bin", bytes(1000));
        objects.forEach((key, data) -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-lane")
                .metadata(Map.of("lane", "java")), RequestBody.fromBytes(data)));
        objects.forEach((key, data) -> {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            assertEquals(data.length, head.contentLength(), key);
            assertEquals("application/x-lane", head.contentType(), key);
            assertEquals("java", head.metadata().get("lane"), key);
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            assertArrayEquals(data, got.asByteArray(), key);
            assertEquals(head.eTag(), got.response().eTag(), key);
        });
        byte[] mib = objects.get("one-mib.bin");
        ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(b -> b.bucket(bucket).key("one-mib.bin").range("bytes=1000-1999"));
        assertEquals("bytes 1000-1999/" + MIB, range.response().contentRange());
        assertArrayEquals(java.util.Arrays.copyOfRange(mib, 1000, 2000), range.asByteArray());
        ResponseBytes<GetObjectResponse> suffix = s3.getObjectAsBytes(b -> b.bucket(bucket).key("one-mib.bin").range("bytes=-10"));
        assertArrayEquals(java.util.Arrays.copyOfRange(mib, MIB - 10, MIB), suffix.asByteArray());
    }

    @Test
    void missingKeyIsNoSuchKey() {
        String bucket = newBucket();
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket(bucket).key("nope")));
        S3Exception head = assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket(bucket).key("nope")));
        assertEquals(404, head.statusCode());
        assertThrows(NoSuchBucketException.class, () -> s3.getObject(b -> b.bucket(bucketName()).key("nope")));
    }

    @Test
    void listV2WithPrefixAndDelimiter() {
        String bucket = newBucket();
        for (String key : List.of("photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/top.jpg", "docs/readme.md")) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(bucket));
        assertEquals(List.of("docs/readme.md", "photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/top.jpg"),
                all.contents().stream().map(S3Object::key).toList());
        ListObjectsV2Response dirs = s3.listObjectsV2(b -> b.bucket(bucket).prefix("photos/").delimiter("/"));
        assertEquals(List.of("photos/top.jpg"), dirs.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("photos/2025/", "photos/2026/"), dirs.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(2));
        assertTrue(page.isTruncated());
        ListObjectsV2Response rest = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(page.nextContinuationToken()));
        assertEquals(3, rest.keyCount());
    }

    @Test
    void copyDeleteAndDeleteObjects() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("copy me"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst"));
        assertEquals("copy me", s3.getObjectAsBytes(b -> b.bucket(bucket).key("dst")).asUtf8String());
        s3.deleteObject(b -> b.bucket(bucket).key("src"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket(bucket).key("src")));
        s3.deleteObject(b -> b.bucket(bucket).key("src")); // idempotent
        s3.putObject(b -> b.bucket(bucket).key("x1"), RequestBody.fromString("1"));
        var deleted = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("x1").build(),
                ObjectIdentifier.builder().key("dst").build(), ObjectIdentifier.builder().key("never-existed").build())));
        assertTrue(deleted.errors().isEmpty(), deleted.errors().toString());
        assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket)).keyCount());
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void presignedGetAndPutWorkWithAPlainHttpClient() throws Exception {
        String bucket = newBucket();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (S3Presigner presigner = presigner(gateway)) {
            URI put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("presigned.txt"))).url().toURI();
            HttpResponse<String> putResponse = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("via presign")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, putResponse.statusCode(), putResponse.body());
            URI get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("presigned.txt"))).url().toURI();
            HttpResponse<String> getResponse = http.send(HttpRequest.newBuilder(get).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, getResponse.statusCode(), getResponse.body());
            assertEquals("via presign", getResponse.body());
            URI tampered = URI.create(get.toString().replace("presigned.txt", "other.txt"));
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(tampered).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("<Code>SignatureDoesNotMatch</Code>"), bad.body());
        }
    }

    /**
     * A presigned PUT that signs Content-Type and user metadata binds the uploader to them: sent
     * with the signed headers it stores a binary file body with them, sent without them it is
     * refused.
     */
    @Test
    void presignedPutWithSignedHeadersAndAFileBody(@TempDir Path tmp) throws Exception {
        String bucket = newBucket();
        Path file = java.nio.file.Files.write(tmp.resolve("upload.bin"), bytes(MIB + 17));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (S3Presigner presigner = presigner(gateway)) {
            PresignedPutObjectRequest put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("signed headers.bin").contentType("application/x-presigned")
                            .metadata(Map.of("lane", "presigner"))));
            HttpRequest.Builder request = HttpRequest.newBuilder(put.url().toURI()).PUT(HttpRequest.BodyPublishers.ofFile(file));
            // java.net.http sets Host itself (and refuses to be told); every other signed header is sent as signed
            put.signedHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<String> stored = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stored.statusCode(), stored.body());
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("signed headers.bin"));
            assertEquals("application/x-presigned", head.contentType());
            assertEquals("presigner", head.metadata().get("lane"));
            assertArrayEquals(java.nio.file.Files.readAllBytes(file), s3.getObjectAsBytes(b -> b.bucket(bucket).key("signed headers.bin")).asByteArray());

            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(put.url().toURI()).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, unsigned.statusCode(), unsigned.body());
            assertTrue(unsigned.body().contains("<Code>SignatureDoesNotMatch</Code>"), unsigned.body());
        }
    }

    /** X-Amz-Expires is honoured: a URL valid for one second is refused once that second is over. */
    @Test
    void presignedUrlsExpire() throws Exception {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("short-lived"), RequestBody.fromString("soon unreachable"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (S3Presigner presigner = presigner(gateway)) {
            URI get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(g -> g.bucket(bucket).key("short-lived"))).url().toURI();
            URI put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofSeconds(1))
                    .putObjectRequest(p -> p.bucket(bucket).key("short-lived"))).url().toURI();
            // X-Amz-Date has whole seconds, so the URLs are dead at most 2 s after signing
            Thread.sleep(2_500);
            HttpResponse<String> lateGet = http.send(HttpRequest.newBuilder(get).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> latePut = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("overwrite")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> late : List.of(lateGet, latePut)) {
                assertEquals(403, late.statusCode(), late.body());
                assertTrue(late.body().contains("<Code>AccessDenied</Code>") && late.body().contains("Request has expired"), late.body());
            }
        }
        assertEquals("soon unreachable", s3.getObjectAsBytes(b -> b.bucket(bucket).key("short-lived")).asUtf8String(), "the late PUT changed nothing");
    }
}
