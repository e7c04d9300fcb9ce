package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.jdkDigest;
import static dev.cairn.blob.testkit.ContractSupport.md5Hex;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes and metadata come back exactly as written: content type (default
 * {@code application/octet-stream}), content headers, user metadata (including non-ASCII values),
 * BLAKE3 and MD5 (always), extra checksums on request, and an ETag equal to the hex MD5.
 */
public interface RoundTripContract extends StoreFixture {

    /** The BLAKE3 of no bytes, as {@code b3sum} prints it. */
    String EMPTY_B3 = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";

    @Test
    default void bytesRoundTrip() {
        BlobKey k = key("hello.txt");
        put(store(), k, utf8("hello, world"));
        assertArrayEquals(utf8("hello, world"), ContractSupport.readAll(store(), k));
    }

    @Test
    default void writeResultAgreesWithStatAndReader() throws IOException {
        BlobKey k = key("agree");
        ObjectInfo written = put(store(), k, utf8("agree"), WriteOptions.DEFAULTS
                .withContentType("text/plain").withUserMetadata(Map.of("a", "1")));
        ObjectInfo stat = store().stat(k);
        ObjectInfo read;
        try (ObjectReader reader = store().read(k, ReadOptions.WHOLE)) {
            read = reader.info();
            assertEquals(ByteRange.Resolved.whole(5), reader.range());
            readAll(reader);
        }
        for (ObjectInfo other : new ObjectInfo[] {stat, read}) {
            assertEquals(k, other.key());
            assertEquals(written.size(), other.size());
            assertEquals(written.etag(), other.etag());
            assertEquals(written.contentType(), other.contentType());
            assertEquals(written.userMetadata(), other.userMetadata());
            assertEquals(written.checksums(), other.checksums());
            // Backends may keep less than nanosecond precision; HTTP dates carry seconds.
            assertEquals(written.lastModified().truncatedTo(ChronoUnit.SECONDS),
                    other.lastModified().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    default void contentTypeDefaultsToOctetStream() {
        ObjectInfo info = put(store(), key("untyped"), utf8("x"));
        assertEquals("application/octet-stream", info.contentType());
        assertEquals("application/octet-stream", store().stat(key("untyped")).contentType());
    }

    @Test
    default void contentTypeAndContentHeadersRoundTrip() {
        Map<String, String> headers = Map.of(
                "content-disposition", "attachment; filename=\"r\u00e9sum\u00e9.txt\"",
                "content-encoding", "gzip",
                "content-language", "de-CH",
                "cache-control", "max-age=60, must-revalidate",
                "expires", "Wed, 21 Oct 2065 07:28:00 GMT");
        BlobKey k = key("typed");
        put(store(), k, utf8("x"), WriteOptions.DEFAULTS
                .withContentType("text/plain; charset=utf-8").withContentHeaders(headers));
        ObjectInfo info = store().stat(k);
        assertEquals("text/plain; charset=utf-8", info.contentType());
        assertEquals(headers, info.contentHeaders());
    }

    @Test
    default void userMetadataRoundTripsIncludingNonAsciiValues() {
        Map<String, String> meta = Map.of(
                "plain", "value",
                "accented", "Zo\u00eb \u00e9t\u00e9",
                "cjk", "\u65e5\u672c\u8a9e",
                "emoji", "\ud83d\ude00 ok",
                "spaces", "  padded  value ",
                "symbols", "a=b; c=\"d\", e/f");
        BlobKey k = key("meta");
        put(store(), k, utf8("x"), WriteOptions.DEFAULTS.withUserMetadata(meta));
        assertEquals(meta, store().stat(k).userMetadata());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1023, 65_537, 1_048_577})
    default void blake3AndMd5AreAlwaysPresentAndCorrectAndEtagIsHexMd5(int size) {
        byte[] data = randomBytes(size, size);
        BlobKey k = key("digests-" + size);
        ObjectInfo written = put(store(), k, data);
        for (ObjectInfo info : new ObjectInfo[] {written, store().stat(k)}) {
            assertEquals(Blake3.hex(data), info.blake3());
            assertEquals(Blake3.hex(data), info.checksums().get(ChecksumAlgorithm.B3));
            assertEquals(md5Hex(data), info.checksums().get(ChecksumAlgorithm.MD5));
            assertEquals(md5Hex(data), info.etag());
            assertEquals(size, info.size());
        }
    }

    @Test
    default void extraChecksumsAreComputedAndStored() {
        byte[] data = randomBytes(100_000, 7);
        BlobKey k = key("extra");
        WriteOptions options = new WriteOptions(dev.cairn.blob.WritePrecondition.NONE, null, null, null, null,
                Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256));
        ObjectInfo written = put(store(), k, data, options);
        Base64.Encoder b64 = Base64.getEncoder();
        Map<ChecksumAlgorithm, String> expected = Map.of(
                ChecksumAlgorithm.CRC32, b64.encodeToString(crc(new CRC32(), data)),
                ChecksumAlgorithm.CRC32C, b64.encodeToString(crc(new CRC32C(), data)),
                ChecksumAlgorithm.SHA1, b64.encodeToString(jdkDigest("SHA-1", data)),
                ChecksumAlgorithm.SHA256, b64.encodeToString(jdkDigest("SHA-256", data)));
        for (ObjectInfo info : new ObjectInfo[] {written, store().stat(k)}) {
            for (Map.Entry<ChecksumAlgorithm, String> e : expected.entrySet()) {
                assertEquals(e.getValue(), info.checksums().get(e.getKey()), e.getKey().name());
            }
            assertEquals(Blake3.hex(data), info.blake3());
        }
    }

    @Test
    default void matchingExpectedChecksumsAreAccepted() {
        byte[] data = utf8("checked");
        WriteOptions options = WriteOptions.DEFAULTS
                .withExpected(ChecksumAlgorithm.B3, Blake3.hex(data))
                .withExpected(ChecksumAlgorithm.MD5, md5Hex(data))
                .withExpected(ChecksumAlgorithm.CRC32C, Base64.getEncoder().encodeToString(crc(new CRC32C(), data)));
        put(store(), key("checked"), data, options);
        assertArrayEquals(data, ContractSupport.readAll(store(), key("checked")));
    }

    @Test
    default void zeroLengthObjectRoundTrips() throws IOException {
        BlobKey k = key("empty");
        ObjectInfo info = put(store(), k, new byte[0]);
        assertEquals(0, info.size());
        assertEquals(EMPTY_B3, info.blake3());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", info.etag());
        try (ObjectReader reader = store().read(k, ReadOptions.WHOLE)) {
            assertEquals(ByteRange.Resolved.whole(0), reader.range());
            assertEquals(0, readAll(reader).length);
        }
        assertEquals(0, store().stat(k).size());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 5, 200_000})
    default void unknownLengthSourceRoundTrips(int size) {
        byte[] data = randomBytes(size, 11);
        BlobKey k = key("unknown-" + size);
        ObjectInfo info = store().write(k, ObjectSource.unknownLength(new ByteArrayInputStream(data)), WriteOptions.DEFAULTS);
        assertEquals(size, info.size());
        assertEquals(Blake3.hex(data), info.blake3());
        assertArrayEquals(data, ContractSupport.readAll(store(), k));
    }

    @Test
    default void threeMebibyteObjectRoundTrips() {
        byte[] data = randomBytes(3 << 20, 3);
        BlobKey k = key("large/three-mib.bin");
        ObjectInfo info = put(store(), k, data);
        assertEquals(data.length, info.size());
        byte[] back = ContractSupport.readAll(store(), k);
        assertArrayEquals(data, back);
        assertEquals(Blake3.hex(data), store().stat(k).blake3());
    }

    @Test
    default void overwriteReplacesBytesAndEveryPieceOfMetadata() {
        BlobKey k = key("over");
        put(store(), k, utf8("version one"), WriteOptions.DEFAULTS.withContentType("text/plain")
                .withContentHeaders(Map.of("content-language", "en")).withUserMetadata(Map.of("old", "1")));
        byte[] two = utf8("v2");
        put(store(), k, two, WriteOptions.DEFAULTS.withUserMetadata(Map.of("new", "2")));
        ObjectInfo info = store().stat(k);
        assertArrayEquals(two, ContractSupport.readAll(store(), k));
        assertEquals(2, info.size());
        assertEquals("application/octet-stream", info.contentType());
        assertEquals(Map.of(), info.contentHeaders());
        assertEquals(Map.of("new", "2"), info.userMetadata());
        assertEquals(md5Hex(two), info.etag());
        assertEquals(Blake3.hex(two), info.blake3());
    }

    @Test
    default void openReaderKeepsServingTheVersionItOpened() throws IOException {
        BlobKey k = key("pinned");
        byte[] one = randomBytes(200_000, 1);
        ObjectInfo v1 = put(store(), k, one);
        try (ObjectReader reader = store().read(k, ReadOptions.WHOLE)) {
            put(store(), k, randomBytes(150_000, 2));
            assertEquals(v1.etag(), reader.info().etag());
            byte[] got;
            try {
                got = readAll(reader);
            } catch (IOException allowed) {
                // ObjectReader allows failing mid-read; it never allows bytes of another version.
                return;
            }
            assertArrayEquals(one, got);
        }
    }

    @Test
    default void storeDoesNotCloseTheCallersStream() {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        ByteArrayInputStream body = new ByteArrayInputStream(utf8("mine")) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        store().write(key("unclosed"), new ObjectSource(body, 4), WriteOptions.DEFAULTS);
        assertFalse(closed.get(), "the caller owns the body stream; the store must not close it");
    }

    private static byte[] crc(Checksum c, byte[] data) {
        c.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
    }
}
