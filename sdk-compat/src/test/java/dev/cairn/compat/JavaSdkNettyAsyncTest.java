package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The SDK's {@link S3AsyncClient} over the Netty HTTP client at its defaults (WHEN_SUPPORTED
 * checksums; the async client streams request bodies through its own publisher pipeline rather
 * than the sync clients'), path-style, local backend. The sync lanes ({@link JavaSdkLane}) cover the same
 * operations over blocking clients; this one proves the non-blocking transport: request bodies
 * from memory and from files, response bodies collected asynchronously, errors delivered through
 * futures, and many requests in flight over one connection pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSdkNettyAsyncTest {
    Gateway gateway;
    S3AsyncClient s3;

    @BeforeAll
    void startGateway(@TempDir Path dataDir) {
        gateway = Gateway.start("local", dataDir, Map.of());
        s3 = S3AsyncClient.builder()
                .endpointOverride(gateway.endpoint())
                .region(Region.of(Gateway.REGION))
                .forcePathStyle(true)
                .credentialsProvider(JavaSdkLane.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
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

    /**
     * Waits for an async call; a failure is rethrown as the SDK exception it carries, as an
     * application that joins its futures would see it.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    String newBucket() {
        String bucket = JavaSdkLane.bucketName();
        await(s3.createBucket(b -> b.bucket(bucket)));
        return bucket;
    }

    byte[] get(String bucket, String key) {
        return await(s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes())).asByteArray();
    }

    @Test
    void bucketLifecycleAndErrorsThroughFutures() {
        String bucket = newBucket();
        await(s3.headBucket(b -> b.bucket(bucket)));
        S3Exception again = assertThrows(S3Exception.class, () -> await(s3.createBucket(b -> b.bucket(bucket))));
        assertEquals("BucketAlreadyOwnedByYou", again.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> get(bucket, "nope"));
        await(s3.deleteBucket(b -> b.bucket(bucket)));
        assertThrows(NoSuchBucketException.class, () -> await(s3.headBucket(b -> b.bucket(bucket))));
    }

    @Test
    void putFromBytesAndFileThenGetHeadAndRange(@TempDir Path tmp) throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> fromBytes = Map.of("small.txt", "hello, async cairn".getBytes(StandardCharsets.UTF_8), "empty", new byte[0],
                "one-mib.bin", JavaSdkLane.bytes(JavaSdkLane.MIB), "dir/a+b c/\u2713.bin", JavaSdkLane.bytes(1000));
        fromBytes.forEach((key, data) -> await(s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-lane")
                .metadata(Map.of("lane", "netty")), AsyncRequestBody.fromBytes(data))));
        // a file body is read by the SDK in chunks on its own threads: several MiB, under the 8 MiB
        // where applications usually switch to multipart
        byte[] large = JavaSdkLane.bytes(5 * JavaSdkLane.MIB + 123);
        Path file = Files.write(tmp.resolve("five-mib.bin"), large);
        await(s3.putObject(b -> b.bucket(bucket).key("five-mib.bin"), AsyncRequestBody.fromFile(file)));

        fromBytes.forEach((key, data) -> {
            HeadObjectResponse head = await(s3.headObject(b -> b.bucket(bucket).key(key)));
            assertEquals(data.length, head.contentLength(), key);
            assertEquals("application/x-lane", head.contentType(), key);
            assertEquals("netty", head.metadata().get("lane"), key);
            ResponseBytes<GetObjectResponse> got = await(s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes()));
            assertArrayEquals(data, got.asByteArray(), key);
            assertEquals(head.eTag(), got.response().eTag(), key);
        });
        assertEquals(large.length, await(s3.headObject(b -> b.bucket(bucket).key("five-mib.bin"))).contentLength());
        assertArrayEquals(large, get(bucket, "five-mib.bin"));

        ResponseBytes<GetObjectResponse> range = await(s3.getObject(b -> b.bucket(bucket).key("five-mib.bin").range("bytes=4194300-4194399"),
                AsyncResponseTransformer.toBytes()));
        assertEquals("bytes 4194300-4194399/" + large.length, range.response().contentRange());
        assertArrayEquals(Arrays.copyOfRange(large, 4194300, 4194400), range.asByteArray());
    }

    @Test
    void listV2WithPrefixDelimiterAndPages() {
        String bucket = newBucket();
        List<String> keys = List.of("photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/top.jpg", "docs/readme.md");
        await(CompletableFuture.allOf(keys.stream()
                .map(key -> s3.putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromString(key)))
                .toArray(CompletableFuture[]::new)));
        ListObjectsV2Response all = await(s3.listObjectsV2(b -> b.bucket(bucket)));
        assertEquals(keys.stream().sorted().toList(), all.contents().stream().map(S3Object::key).toList());
        ListObjectsV2Response dirs = await(s3.listObjectsV2(b -> b.bucket(bucket).prefix("photos/").delimiter("/")));
        assertEquals(List.of("photos/top.jpg"), dirs.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("photos/2025/", "photos/2026/"), dirs.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        ListObjectsV2Response page = await(s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(2)));
        assertTrue(page.isTruncated());
        ListObjectsV2Response rest = await(s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(page.nextContinuationToken())));
        assertEquals(3, rest.keyCount());
    }

    @Test
    void copyDeleteAndDeleteObjects() {
        String bucket = newBucket();
        await(s3.putObject(b -> b.bucket(bucket).key("src"), AsyncRequestBody.fromString("copy me")));
        await(s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst")));
        assertEquals("copy me", new String(get(bucket, "dst"), StandardCharsets.UTF_8));
        await(s3.deleteObject(b -> b.bucket(bucket).key("src")));
        assertThrows(NoSuchKeyException.class, () -> get(bucket, "src"));
        await(s3.putObject(b -> b.bucket(bucket).key("x1"), AsyncRequestBody.fromString("1")));
        var deleted = await(s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ObjectIdentifier.builder().key("x1").build(),
                ObjectIdentifier.builder().key("dst").build(), ObjectIdentifier.builder().key("never-existed").build()))));
        assertTrue(deleted.errors().isEmpty(), deleted.errors().toString());
        assertEquals(3, deleted.deleted().size(), deleted.deleted().toString());
        assertEquals(0, await(s3.listObjectsV2(b -> b.bucket(bucket))).keyCount());
        await(s3.deleteBucket(b -> b.bucket(bucket)));
    }

    /** What async clients are for: many uploads and downloads in flight at once on the pool. */
    @Test
    void manyConcurrentPutsAndGets() {
        String bucket = newBucket();
        List<Integer> ids = IntStream.range(0, 32).boxed().toList();
        await(CompletableFuture.allOf(ids.stream()
                .map(i -> s3.putObject(b -> b.bucket(bucket).key("c/" + i), AsyncRequestBody.fromBytes(JavaSdkLane.bytes(10_000 + i))))
                .toArray(CompletableFuture[]::new)));
        List<CompletableFuture<ResponseBytes<GetObjectResponse>>> gets = ids.stream()
                .map(i -> s3.getObject(b -> b.bucket(bucket).key("c/" + i), AsyncResponseTransformer.toBytes())).toList();
        for (int i : ids) {
            assertArrayEquals(JavaSdkLane.bytes(10_000 + i), await(gets.get(i)).asByteArray(), "c/" + i);
        }
        assertEquals(32, await(s3.listObjectsV2(b -> b.bucket(bucket).prefix("c/"))).keyCount());
    }
}
