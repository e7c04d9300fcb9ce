package dev.cairn.blob.s3;

import static dev.cairn.blob.testkit.ContractSupport.UTF8_BYTE_ORDER;
import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.testkit.KeyNamingContract;
import dev.cairn.blob.testkit.MultipartSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole contract suite on S3Proxy 2.6.0 (jclouds transient store), to catch what LocalStack's
 * lenient validation lets through. S3Proxy ignores conditional PUT headers, so the probe declares
 * no conditional-write capability and the base suite proves they are refused as UNSUPPORTED.
 *
 * <p>Where S3Proxy itself departs from S3 the test is overridden and asserts what S3Proxy does,
 * so a fixed S3Proxy shows up as a failing test here (and the override can go):
 * <ul>
 *   <li>its Jetty merges {@code //} in the request path, so keys with an empty segment fail its
 *       signature check (403, which the backend reports as UNAVAILABLE);
 *   <li>with a delimiter, a key that ends in the delimiter is listed as an object instead of
 *       being rolled up into a common prefix;
 *   <li>{@code start-after} compares UTF-16 code units, not UTF-8 bytes;
 *   <li>a {@code Content-Type} with parameters fails its signature check.
 * </ul>
 * Multipart passes as on S3 (S3Proxy also refuses non-last parts under 5 MiB), except that a
 * completion with a precondition is refused as UNSUPPORTED, like a conditional PUT, because the
 * probe found no conditional writes: the gateway never emulates them with a racy check.
 */
class S3ProxyContractTest extends S3ContractTest {
    /** A conditional completion is refused before anything is sent; the upload stays completable. */
    private void assertConditionalCompletionUnsupported(String name, WritePrecondition precondition) {
        BlobKey k = key(name);
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(10, 1)));
        assertBlobError(BlobError.UNSUPPORTED, () -> multipart().completeMultipartUpload(k, id, MultipartSupport.completed(infos),
                precondition, minPart()));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        assertEquals(1, multipart().listParts(k, id, 0, 1000).parts().size());
        complete(k, id, infos);
        assertArrayEquals(randomBytes(10, 1), readAll(store(), k));
    }

    @Test
    @Override
    public void completingWithIfMatchChecksTheCurrentEtag() {
        assertConditionalCompletionUnsupported("cas", new WritePrecondition.IfMatch("0".repeat(32)));
    }

    @Test
    @Override
    public void completingWithIfMatchOnAMissingKeyIsNoSuchKeyAndKeepsTheUpload() {
        assertConditionalCompletionUnsupported("missing", new WritePrecondition.IfMatch("0".repeat(32)));
    }

    @Test
    @Override
    public void completingWithIfAbsentOverAnExistingKeyFailsAndTheUploadStaysCompletable() {
        assertConditionalCompletionUnsupported("taken", new WritePrecondition.IfAbsent());
    }

    @Test
    @Override
    public void completingWithIfAbsentCreatesAnAbsentKey() {
        assertConditionalCompletionUnsupported("fresh", new WritePrecondition.IfAbsent());
    }
    @Override
    protected BlobStore createStore(Path tempDir) {
        return S3ProxyServer.shared().open(tempDir);
    }

    /** Whether the backend key ({@code <prefix><bucket>/<key>}) has an empty path segment. */
    private static boolean emptySegment(String key) {
        return key.startsWith("/") || key.contains("//");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("dev.cairn.blob.testkit.KeyNamingContract#unusualKeys")
    @Override
    public void unusualKeyRoundTripsAndListsBackExactly(String name) {
        if (emptySegment(name)) {
            assertBlobError(BlobError.UNAVAILABLE, () -> put(store(), key(name), utf8(name)));
            assertEquals(List.of(), listAllKeys(store(), bucket()));
            return;
        }
        put(store(), key(name), utf8(name));
        assertArrayEquals(utf8(name), readAll(store(), key(name)));
        assertEquals(key(name), store().stat(key(name)).key());
        assertEquals(List.of(name), listAllKeys(store(), bucket()));
        assertEquals(List.of(name), keys(store().list(new ListRequest(bucket(), name, null, null, 10))));
    }

    @Test
    @Override
    public void allUnusualKeysCoexistAsDistinctObjects() {
        List<String> names = KeyNamingContract.unusualKeys().filter(k -> !emptySegment(k)).toList();
        for (String name : names) {
            put(store(), key(name), utf8(name));
        }
        for (String name : names) {
            assertArrayEquals(utf8(name), readAll(store(), key(name)), name);
        }
        assertEquals(names.stream().sorted(UTF8_BYTE_ORDER).toList(), listAllKeys(store(), bucket()));
    }

    @Test
    @Override
    public void objectAndFolderOfTheSameNameCoexist() {
        for (String name : List.of("a/b", "a", "a/", "a/b/c", "x", "x/y")) {
            put(store(), key(name), utf8(name));
        }
        assertEquals(List.of("a", "a/", "a/b", "a/b/c", "x", "x/y"), listAllKeys(store(), bucket()));
        ListPage top = store().list(new ListRequest(bucket(), "", "/", null, 100));
        // S3 rolls "a/", "a/b" and "a/b/c" into the common prefix "a/"; S3Proxy lists "a/" as an
        // object and then has no common prefix "a/" at all
        assertEquals(List.of("a", "a/", "x"), keys(top));
        assertEquals(List.of("x/"), top.commonPrefixes());
    }

    @Test
    @Override
    public void contentTypeAndContentHeadersRoundTrip() {
        Map<String, String> headers = Map.of(
                "content-disposition", "attachment; filename=\"r\u00e9sum\u00e9.txt\"",
                "content-encoding", "gzip",
                "content-language", "de-CH",
                "cache-control", "max-age=60, must-revalidate",
                "expires", "Wed, 21 Oct 2065 07:28:00 GMT");
        // S3Proxy's Jetty rewrites a Content-Type with parameters before checking the signature (403)
        assertBlobError(BlobError.UNAVAILABLE, () -> put(store(), key("typed"), utf8("x"),
                WriteOptions.DEFAULTS.withContentType("text/plain; charset=utf-8")));
        put(store(), key("typed"), utf8("x"), WriteOptions.DEFAULTS.withContentType("text/plain").withContentHeaders(headers));
        ObjectInfo info = store().stat(key("typed"));
        assertEquals("text/plain", info.contentType());
        assertEquals(headers, info.contentHeaders());
    }

    @Test
    @Override
    public void startAfterUsesUtf8Order() {
        for (String name : List.of("\ue000", "\ud83d\ude00", "\ufffd")) {
            put(store(), key(name), utf8(name));
        }
        // in UTF-8 the emoji (F0 9F..) sorts after U+E000 (EE 80 80); in UTF-16 (D83D) before it
        assertEquals(List.of("\ufffd"), keys(store().list(new ListRequest(bucket(), "", null, "\ue000", 1000))));
    }

    @Test
    @Override
    public void multiCharacterDelimiterRollsUpCommonPrefixes() {
        for (String name : List.of("x--1--2", "x--3", "x-4", "y", "z--")) {
            put(store(), key(name), utf8(name));
        }
        ListPage top = store().list(new ListRequest(bucket(), "", "--", null, 1000));
        // "z--" ends in the delimiter: S3 rolls it up into the prefix "z--", S3Proxy lists it as a key
        assertEquals(List.of("x-4", "y", "z--"), keys(top));
    }

    private static List<String> keys(ListPage page) {
        return page.objects().stream().map(ObjectInfo::key).map(k -> k.key()).toList();
    }
}
