package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.gateway.http.HttpResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The AWS SDK for Java v2, at its defaults, against {@link S3Api} over real HTTP: keys that are
 * awkward in paths, queries and XML are written through the SDK and listed back exactly, by the
 * V2 paginator and by v1 marker paging.
 *
 * <p>Unlike botocore and the AWS CLI, this SDK does not ask for {@code encoding-type=url} on its
 * own (it decodes when the response says it is encoded). So at its defaults, XML-safe names go
 * raw (tab, CR and LF as character references), and a listing that reaches a control character
 * gets Cairn's 400 asking for {@code encodingType(URL)} instead of XML its parser would reject.
 */
class ListObjectsSdkTest {
    /** Awkward in paths, queries or XML, but XML 1.0 can carry them. */
    private static final List<String> SAFE = List.of(
            "plain", "a b", "a+b", "100%", "100%25", "\u00e9/\u00fc", "&<>\"'", "tab\tkey", "nl\nkey", "cr\rkey",
            "del\u007fkey", "emoji\ud83d\ude00", "\ue000pua", "\ufffdrepl", "dir/sub dir/file", "dir/x+y/z",
            "dir/plain", "a//b", "../up", "?q#h", "semi;colon=1&x", "~tilde", "*star", "percent%2Fslash", "sp ace/+plus/%pct");
    /** Only {@code encoding-type=url} can carry these. */
    private static final List<String> UNSAFE = List.of("ctrl\u0001key", "us\u001f/sep", "esc\u001b[0m");
    private static final String RAW = "sdk-raw";
    private static final String ENCODED = "sdk-url";
    private static final List<String> ALL = concat(SAFE, UNSAFE);

    private static BlobStore store;
    private static JdkS3Server http;
    private static S3Client s3;

    @BeforeAll
    static void start() throws IOException {
        store = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "16MiB")));
        S3Settings settings = new S3Settings(S3TestClient.REGION, false, null, S3TestClient.ACCESS_KEY, S3TestClient.SECRET_KEY,
                S3Settings.DEFAULT_MAX_PUT_SIZE, Duration.ofMinutes(15));
        S3Api api = S3Api.create(store, settings, new SimpleMeterRegistry(), Clock.systemUTC());

        http = JdkS3Server.start(api);
        s3 = S3Client.builder()
                .endpointOverride(http.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestClient.ACCESS_KEY, S3TestClient.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket(RAW));
        s3.createBucket(b -> b.bucket(ENCODED));
        for (String key : SAFE) {
            s3.putObject(p -> p.bucket(RAW).key(key), RequestBody.fromString("body of " + key));
        }
        for (String key : ALL) {
            s3.putObject(p -> p.bucket(ENCODED).key(key), RequestBody.fromString("body of " + key));
        }
    }

    @AfterAll
    static void stop() {
        s3.close();
        http.close();
        store.close();
    }


    /** The server adapter: raw path and query in, {@link HttpResult} out. */
    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static List<String> utf8Sorted(List<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static List<String> v2All(String bucket, EncodingType encoding) {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).maxKeys(4).encodingType(encoding))) {
            pages++;
            assertEquals(page.contents().size(), page.keyCount());
            page.contents().forEach(o -> seen.add(o.key()));
        }
        assertEquals((seen.size() + 3) / 4, pages);
        return seen;
    }

    @Test
    void v2PaginatorAtDefaultsListsXmlSafeKeysExactly() {
        assertEquals(utf8Sorted(SAFE), v2All(RAW, null));
    }

    @Test
    void v2PaginatorWithUrlEncodingListsEveryKeyExactly() {
        http.rawQueries().clear();
        assertEquals(utf8Sorted(ALL), v2All(ENCODED, EncodingType.URL));
        assertTrue(http.rawQueries().stream().allMatch(q -> q.contains("encoding-type=url")), http.rawQueries().toString());
    }

    @Test
    void aKeyXmlCannotCarryAtDefaultsIsAClear400() {
        S3Exception e = assertThrows(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket(ENCODED)));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidArgument", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("encoding-type=url"), e.getMessage());
        assertEquals(3, s3.listObjectsV2(r -> r.bucket(ENCODED).prefix("dir/")).keyCount(), "pages that do not reach such a key are fine");
    }

    @Test
    void v2WithPrefixAndDelimiterDecodesEveryName() {
        for (EncodingType encoding : new EncodingType[] {null, EncodingType.URL}) {
            ListObjectsV2Response top = s3.listObjectsV2(r -> r.bucket(ENCODED).delimiter("/").prefix("dir/").encodingType(encoding));
            assertEquals("dir/", top.prefix());
            assertEquals("/", top.delimiter());
            assertEquals(List.of("dir/plain"), top.contents().stream().map(S3Object::key).toList());
            assertEquals(List.of("dir/sub dir/", "dir/x+y/"), top.commonPrefixes().stream().map(CommonPrefix::prefix).toList());

            ListObjectsV2Response awkward = s3.listObjectsV2(r -> r.bucket(ENCODED).delimiter("/").prefix("sp ace/").startAfter("sp ace/+")
                    .encodingType(encoding));
            assertEquals("sp ace/+", awkward.startAfter());
            assertEquals(List.of("sp ace/+plus/"), awkward.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        }
        ListObjectsV2Response control = s3.listObjectsV2(r -> r.bucket(ENCODED).prefix("ctrl\u0001").encodingType(EncodingType.URL));
        assertEquals(List.of("ctrl\u0001key"), control.contents().stream().map(S3Object::key).toList());
        assertEquals("ctrl\u0001", control.prefix());
        ListObjectsV2Response rolled = s3.listObjectsV2(r -> r.bucket(ENCODED).prefix("us").delimiter("/").encodingType(EncodingType.URL));
        assertEquals(List.of("us\u001f/"), rolled.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    }

    @Test
    void v2EntriesCarryWhatTheSdkModels() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(RAW).prefix("plain").fetchOwner(true));
        S3Object o = r.contents().get(0);
        assertEquals("plain", o.key());
        assertEquals("body of plain".length(), o.size());
        assertTrue(o.eTag().matches("\"[0-9a-f]{32}\""), o.eTag());
        assertEquals(List.of(ChecksumAlgorithm.CRC32), o.checksumAlgorithm(), "the SDK's default upload checksum is kept");
        assertEquals(S3TestClient.ACCESS_KEY, o.owner().id());
        assertEquals("STANDARD", o.storageClassAsString());
        assertTrue(o.lastModified().isAfter(java.time.Instant.now().minusSeconds(600)));
        assertEquals(null, s3.listObjectsV2(b -> b.bucket(RAW).prefix("plain")).contents().get(0).owner());
    }

    @Test
    void v1MarkerPagingListsEveryKeyExactly() {
        for (String bucket : List.of(RAW, ENCODED)) {
            EncodingType encoding = bucket.equals(RAW) ? null : EncodingType.URL;
            List<String> keys = bucket.equals(RAW) ? SAFE : ALL;
            for (String delimiter : new String[] {null, "/"}) {
                List<String> seen = new ArrayList<>();
                String marker = null;
                ListObjectsResponse page;
                do {
                    String m = marker;
                    page = s3.listObjects(r -> r.bucket(bucket).maxKeys(3).marker(m).delimiter(delimiter).encodingType(encoding));
                    page.contents().forEach(o -> seen.add(o.key()));
                    page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
                    page.contents().forEach(o -> assertEquals(S3TestClient.ACCESS_KEY, o.owner().id()));
                    if (delimiter == null) {
                        assertEquals(null, page.nextMarker());
                        marker = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
                    } else {
                        marker = page.nextMarker();
                    }
                } while (page.isTruncated());
                List<String> expected = delimiter == null ? keys
                        : keys.stream().map(k -> k.contains("/") ? k.substring(0, k.indexOf('/') + 1) : k).distinct().toList();
                assertEquals(utf8Sorted(expected), utf8Sorted(seen), bucket + " delimiter " + delimiter);
                assertEquals(expected.size(), seen.size(), "every entry exactly once: " + bucket + " delimiter " + delimiter);
            }
        }
    }
}
