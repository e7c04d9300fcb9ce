package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.md5Hex;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publish rule: a write whose stream fails, whose length differs from the declared length,
 * or whose digest differs from an expected one changes nothing. A first write leaves no trace
 * (not readable, not listed); an overwrite leaves the previous version readable with its old
 * bytes and old metadata; and the key stays writable afterwards.
 */
public interface FailureAtomicityContract extends StoreFixture {

    /** Size of the bodies that fail: several internal blocks of any sane backend. */
    int BODY = 300_000;

    private ObjectInfo previousVersion(BlobKey k) {
        return put(store(), k, utf8("previous"), WriteOptions.DEFAULTS.withContentType("text/old")
                .withContentHeaders(Map.of("content-language", "fr")).withUserMetadata(Map.of("gen", "old")));
    }

    private void assertPreviousVersionIntact(BlobKey k, ObjectInfo previous) {
        assertArrayEquals(utf8("previous"), readAll(store(), k));
        ObjectInfo now = store().stat(k);
        assertEquals(previous.etag(), now.etag());
        assertEquals(previous.size(), now.size());
        assertEquals("text/old", now.contentType());
        assertEquals(Map.of("content-language", "fr"), now.contentHeaders());
        assertEquals(Map.of("gen", "old"), now.userMetadata());
        assertEquals(previous.blake3(), now.blake3());
        assertEquals(List.of(k.key()), listAllKeys(store(), bucket()));
    }

    private void assertNoTrace(BlobKey k) {
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().read(k, ReadOptions.WHOLE).close());
        assertEquals(List.of(), listAllKeys(store(), bucket()), "a failed first write must not be listed");
    }

    private void assertStreamFailureReported(Runnable write) {
        BlobStoreException e = assertThrows(BlobStoreException.class, write::run);
        assertTrue(Set.of(BlobError.INTERNAL, BlobError.UNAVAILABLE).contains(e.error()),
                () -> "a failing body is INTERNAL or UNAVAILABLE per BlobStore#write, got " + e.getMessage());
    }

    @ParameterizedTest(name = "fails after {0} bytes")
    @ValueSource(ints = {0, 1, 65_536, 250_000})
    default void streamFailureOnAFirstWriteLeavesNoTrace(int failAfter) {
        BlobKey k = key("first");
        byte[] body = randomBytes(BODY, 1);
        assertStreamFailureReported(() -> store().write(k,
                new ObjectSource(new FailingInputStream(body, failAfter), BODY), WriteOptions.DEFAULTS));
        assertNoTrace(k);
    }

    @Test
    default void streamFailureOfAnUnknownLengthBodyLeavesNoTrace() {
        BlobKey k = key("first");
        assertStreamFailureReported(() -> store().write(k,
                ObjectSource.unknownLength(new FailingInputStream(randomBytes(BODY, 2), 100_000)), WriteOptions.DEFAULTS));
        assertNoTrace(k);
    }

    @Test
    default void streamFailureOnAnOverwriteKeepsThePreviousBytesAndMetadata() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        assertStreamFailureReported(() -> store().write(k,
                new ObjectSource(new FailingInputStream(randomBytes(BODY, 3), 200_000), BODY),
                WriteOptions.DEFAULTS.withContentType("text/new").withUserMetadata(Map.of("gen", "new"))));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void streamFailureOfAnUnknownLengthOverwriteKeepsThePreviousVersion() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        assertStreamFailureReported(() -> store().write(k,
                ObjectSource.unknownLength(new FailingInputStream(randomBytes(BODY, 4), BODY - 1)),
                WriteOptions.DEFAULTS.withUserMetadata(Map.of("gen", "new"))));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void expectedBlake3MismatchIsBadDigestAndKeepsThePreviousVersion() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        byte[] body = randomBytes(BODY, 5);
        assertBlobError(BlobError.BAD_DIGEST, () -> put(store(), k, body,
                WriteOptions.DEFAULTS.withContentType("text/new").withExpected(ChecksumAlgorithm.B3, Blake3.hex(utf8("other")))));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void expectedBlake3MismatchOnAFirstWriteLeavesNoTrace() {
        BlobKey k = key("first");
        assertBlobError(BlobError.BAD_DIGEST, () -> put(store(), k, randomBytes(BODY, 6),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.B3, Blake3.hex(new byte[0]))));
        assertNoTrace(k);
    }

    @Test
    default void expectedMd5MismatchIsBadDigest() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        assertBlobError(BlobError.BAD_DIGEST, () -> put(store(), k, utf8("body"),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, md5Hex(utf8("bodY")))));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void expectedCrc32cMismatchIsBadDigest() {
        BlobKey k = key("first");
        assertBlobError(BlobError.BAD_DIGEST, () -> put(store(), k, utf8("body"),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.CRC32C, "AAAAAA==")));
        assertNoTrace(k);
    }

    @Test
    default void bodyShorterThanItsDeclaredLengthIsBadDigest() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        byte[] body = randomBytes(BODY, 7);
        assertBlobError(BlobError.BAD_DIGEST, () -> store().write(k,
                new ObjectSource(new ByteArrayInputStream(body), BODY + 1), WriteOptions.DEFAULTS));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void bodyLongerThanItsDeclaredLengthIsBadDigest() {
        BlobKey k = key("over");
        ObjectInfo previous = previousVersion(k);
        byte[] body = randomBytes(BODY, 8);
        assertBlobError(BlobError.BAD_DIGEST, () -> store().write(k,
                new ObjectSource(new ByteArrayInputStream(body), BODY - 1), WriteOptions.DEFAULTS));
        assertPreviousVersionIntact(k, previous);
    }

    @Test
    default void nonEmptyBodyDeclaredEmptyIsBadDigest() {
        BlobKey k = key("first");
        assertBlobError(BlobError.BAD_DIGEST, () -> store().write(k,
                new ObjectSource(new ByteArrayInputStream(utf8("x")), 0), WriteOptions.DEFAULTS));
        assertNoTrace(k);
    }

    @Test
    default void keyStaysWritableAfterAFailedWrite() {
        BlobKey k = key("again");
        assertBlobError(BlobError.BAD_DIGEST, () -> store().write(k,
                new ObjectSource(new ByteArrayInputStream(utf8("abc")), 4), WriteOptions.DEFAULTS));
        assertStreamFailureReported(() -> store().write(k,
                new ObjectSource(new FailingInputStream(utf8("abc"), 2), 3), WriteOptions.DEFAULTS));
        put(store(), k, utf8("finally"));
        assertArrayEquals(utf8("finally"), readAll(store(), k));
        assertEquals(List.of("again"), listAllKeys(store(), bucket()));
    }
}
