package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.cairn.blob.BlobStore#copy}: by default the target gets the source's bytes and all
 * of its metadata (S3 {@code COPY} directive); when the options carry a content type, the
 * target's metadata is exactly the options' ({@code REPLACE}). The source never changes.
 */
public interface CopyContract extends StoreFixture {

    Map<String, String> SOURCE_HEADERS = Map.of("content-disposition", "inline", "cache-control", "no-cache");
    Map<String, String> SOURCE_META = Map.of("owner", "\u00e5sa", "n", "1");

    private ObjectInfo source(BlobKey k, byte[] data) {
        return put(store(), k, data, WriteOptions.DEFAULTS.withContentType("image/png")
                .withContentHeaders(SOURCE_HEADERS).withUserMetadata(SOURCE_META));
    }

    @Test
    default void copyKeepsBytesAndMetadataByDefault() {
        byte[] data = randomBytes(150_000, 9);
        ObjectInfo src = source(key("src"), data);
        ObjectInfo copied = store().copy(key("src"), key("dst/copy"), ReadOptions.WHOLE, WriteOptions.DEFAULTS);
        ObjectInfo dst = store().stat(key("dst/copy"));
        assertArrayEquals(data, readAll(store(), key("dst/copy")));
        for (ObjectInfo info : new ObjectInfo[] {copied, dst}) {
            assertEquals(key("dst/copy"), info.key());
            assertEquals(src.etag(), info.etag());
            assertEquals(src.blake3(), info.blake3());
            assertEquals(src.size(), info.size());
            assertEquals("image/png", info.contentType());
            assertEquals(SOURCE_HEADERS, info.contentHeaders());
            assertEquals(SOURCE_META, info.userMetadata());
        }
        assertArrayEquals(data, readAll(store(), key("src")));
    }

    @Test
    default void copyWithAContentTypeReplacesAllMetadata() {
        source(key("src"), utf8("payload"));
        WriteOptions replace = WriteOptions.DEFAULTS.withContentType("text/plain").withUserMetadata(Map.of("fresh", "yes"));
        store().copy(key("src"), key("dst"), ReadOptions.WHOLE, replace);
        ObjectInfo dst = store().stat(key("dst"));
        assertArrayEquals(utf8("payload"), readAll(store(), key("dst")));
        assertEquals("text/plain", dst.contentType());
        assertEquals(Map.of(), dst.contentHeaders());
        assertEquals(Map.of("fresh", "yes"), dst.userMetadata());
        assertEquals(SOURCE_META, store().stat(key("src")).userMetadata(), "the source keeps its metadata");
    }

    @Test
    default void copyOntoItselfReplacesTheMetadataAndKeepsTheBytes() {
        byte[] data = randomBytes(70_000, 10);
        source(key("self"), data);
        store().copy(key("self"), key("self"), ReadOptions.WHOLE,
                WriteOptions.DEFAULTS.withContentType("application/x-new").withUserMetadata(Map.of("v", "2")));
        assertArrayEquals(data, readAll(store(), key("self")));
        assertEquals(Map.of("v", "2"), store().stat(key("self")).userMetadata());
        assertEquals("application/x-new", store().stat(key("self")).contentType());
    }

    @Test
    default void copyAcrossBucketsAndOverAnExistingTarget() {
        store().createBucket("other");
        BlobKey target = new BlobKey("other", "t");
        put(store(), target, utf8("old target"));
        source(key("src"), utf8("new content"));
        store().copy(key("src"), target, ReadOptions.WHOLE, WriteOptions.DEFAULTS);
        assertArrayEquals(utf8("new content"), readAll(store(), target));
        assertEquals(SOURCE_META, store().stat(target).userMetadata());
    }

    @Test
    default void copyOfAnEmptyObject() {
        source(key("src"), new byte[0]);
        store().copy(key("src"), key("dst"), ReadOptions.WHOLE, WriteOptions.DEFAULTS);
        assertEquals(0, store().stat(key("dst")).size());
        assertEquals(RoundTripContract.EMPTY_B3, store().stat(key("dst")).blake3());
    }

    @Test
    default void copyOfAMissingSourceFailsAndCreatesNothing() {
        assertBlobError(BlobError.NO_SUCH_KEY,
                () -> store().copy(key("absent"), key("dst"), ReadOptions.WHOLE, WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(key("dst")));
    }

    @Test
    default void copyIntoAMissingBucketFails() {
        source(key("src"), utf8("x"));
        assertBlobError(BlobError.NO_SUCH_BUCKET,
                () -> store().copy(key("src"), new BlobKey("missing", "dst"), ReadOptions.WHOLE, WriteOptions.DEFAULTS));
    }

    @Test
    default void copySourceConditionsAreEvaluatedAgainstTheSource() {
        ObjectInfo src = source(key("src"), utf8("x"));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> store().copy(key("src"), key("dst"),
                new ReadOptions(null, new ReadConditions(List.of("stale"), null, null, null)), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(key("dst")));
        store().copy(key("src"), key("dst"),
                new ReadOptions(null, new ReadConditions(List.of(src.etag()), null, null, null)), WriteOptions.DEFAULTS);
        assertArrayEquals(utf8("x"), readAll(store(), key("dst")));
    }
}
