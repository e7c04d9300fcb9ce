package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.assertBlobError;
import static dev.cairn.blob.local.LocalTestSupport.filesUnder;
import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.partFiles;
import static dev.cairn.blob.local.LocalTestSupport.put;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {
    @TempDir
    Path root;
    private LocalBlobStore store;

    @BeforeEach
    void setUp() {
        store = open(root);
        store.createBucket("b");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static BlobKey key(String k) {
        return new BlobKey("b", k);
    }

    @Test
    void writeThenReadKeepsBytesAndAllMetadata() throws Exception {
        byte[] data = utf8("hello, local world");
        WriteOptions options = WriteOptions.DEFAULTS.withContentType("text/plain")
                .withContentHeaders(Map.of("content-disposition", "inline"))
                .withUserMetadata(Map.of("colour", "grün"));
        options = new WriteOptions(options.precondition(), options.contentType(), options.contentHeaders(),
                options.userMetadata(), null, Set.of(ChecksumAlgorithm.SHA256));
        ObjectInfo written = store.write(key("dir/obj.txt"), ObjectSource.of(data), options);

        String md5 = Hex.encode(MessageDigest.getInstance("MD5").digest(data));
        assertEquals(md5, written.etag());
        assertEquals(Blake3.hex(data), written.blake3());
        assertEquals(md5, written.checksums().get(ChecksumAlgorithm.MD5));
        assertTrue(written.checksums().containsKey(ChecksumAlgorithm.SHA256));
        assertEquals(written, store.stat(key("dir/obj.txt")));
        try (ObjectReader r = store.read(key("dir/obj.txt"), ReadOptions.WHOLE)) {
            assertEquals(written, r.info());
            assertArrayEquals(data, r.stream().readAllBytes());
        }
        assertEquals("text/plain", written.contentType());
        assertEquals(Map.of("colour", "grün"), written.userMetadata());
        assertEquals(Map.of("content-disposition", "inline"), written.contentHeaders());
    }

    @Test
    void unknownLengthBodiesAreStoredWhole() {
        byte[] data = new byte[300_000];
        new java.util.Random(1).nextBytes(data);
        ObjectInfo info = store.write(key("u"), ObjectSource.unknownLength(new java.io.ByteArrayInputStream(data)), WriteOptions.DEFAULTS);
        assertEquals(data.length, info.size());
        assertArrayEquals(data, readAll(store, key("u")));
    }

    @Test
    void rangeReadYieldsExactlyTheRange() throws IOException {
        put(store, key("r"), utf8("0123456789"));
        try (ObjectReader r = store.read(key("r"), ReadOptions.range(new ByteRange.Closed(2, 5)))) {
            assertArrayEquals(utf8("2345"), r.stream().readAllBytes());
            assertEquals(-1, r.stream().read());
        }
        try (ObjectReader r = store.read(key("r"), ReadOptions.range(new ByteRange.Suffix(3)))) {
            assertArrayEquals(utf8("789"), r.stream().readAllBytes());
        }
        assertBlobError(BlobError.INVALID_RANGE, () -> store.read(key("r"), ReadOptions.range(new ByteRange.From(10))));
    }

    @Test
    void anOpenReaderKeepsServingItsVersionThroughOverwriteAndDelete() throws IOException {
        put(store, key("v"), utf8("version one"));
        try (ObjectReader r = store.read(key("v"), ReadOptions.WHOLE)) {
            put(store, key("v"), utf8("version two, longer"));
            store.delete(key("v"));
            assertArrayEquals(utf8("version one"), r.stream().readAllBytes());
            assertEquals(11, r.info().size());
        }
    }

    @Test
    void objectAndFolderOfTheSameNameCoexistAndListInByteOrder() {
        for (String k : List.of("a/b", "a", "a/", "a!", "a0", "a//x", "/lead")) {
            put(store, key(k), utf8(k));
        }
        assertEquals(List.of("/lead", "a", "a!", "a/", "a//x", "a/b", "a0"), listAll());
        for (String k : List.of("a/b", "a", "a/", "a!", "a0", "a//x", "/lead")) {
            assertArrayEquals(utf8(k), readAll(store, key(k)));
        }
    }

    @Test
    void delimiterListingRollsUpPrefixesAndSkipsEmptyDirectories() {
        for (String k : List.of("p/1", "p/q/2", "p/q/3", "p/r/4", "p/s/x/5")) {
            put(store, key(k), utf8(k));
        }
        store.delete(key("p/s/x/5"));
        ListPage page = store.list(new ListRequest("b", "p/", "/", null, 1000));
        assertEquals(List.of("p/1"), page.objects().stream().map(o -> o.key().key()).toList());
        assertEquals(List.of("p/q/", "p/r/"), page.commonPrefixes());
        // an empty directory left behind (as after a crash) is not a phantom prefix either
        ListPage paged = store.list(new ListRequest("b", "p/", "/", "p/1", 1));
        assertEquals(List.of("p/q/"), paged.commonPrefixes());
        assertTrue(paged.truncated());
    }

    @Test
    void deletingTheLastObjectRemovesItsEmptyDirectories() throws IOException {
        put(store, key("x/y/z/deep"), utf8("d"));
        put(store, key("x/keep"), utf8("k"));
        store.delete(key("x/y/z/deep"));
        assertEquals(List.of(".bucket", "x/keep@"), filesUnder(root.resolve("buckets/b")));
        assertFalse(Files.exists(root.resolve("buckets/b/x/y")));
        store.delete(key("x/keep"));
        assertFalse(Files.exists(root.resolve("buckets/b/x")));
        assertTrue(Files.isDirectory(root.resolve("buckets/b")), "the bucket directory stays");
    }

    @Test
    void keysOfMaximumLengthWork() {
        List<String> keys = List.of("k".repeat(1024), "é".repeat(512), "s/".repeat(511) + "xy", "é".repeat(511) + "!!");
        for (String k : keys) {
            put(store, key(k), utf8(k));
        }
        for (String k : keys) {
            assertArrayEquals(utf8(k), readAll(store, key(k)));
        }
        List<String> expected = new ArrayList<>(keys);
        expected.sort(dev.cairn.blob.Utf8Order.COMPARATOR);
        assertEquals(expected, listAll());
        for (String k : keys) {
            store.delete(key(k));
        }
        assertEquals(List.of(".bucket"), filesUnder(root.resolve("buckets/b")));
    }

    @Test
    void aDamagedObjectFileIsReportedOnStatAndSkippedInListings() throws IOException {
        put(store, key("good"), utf8("g"));
        Files.writeString(root.resolve("buckets/b/bad@"), "not an object file");
        assertBlobError(BlobError.INTERNAL, () -> store.stat(key("bad")));
        assertEquals(List.of("good"), listAll());
    }

    @Test
    void writesBelowTheFreeSpaceFloorFailAndWriteNothing() throws IOException {
        store.close();
        store = LocalBlobStore.open(new LocalConfig(root, Long.MAX_VALUE / 4, true));
        HealthReport health = store.health();
        assertTrue(health.readable());
        assertFalse(health.writable());
        assertTrue(health.detail().contains("local.min-free"), health.detail());
        assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> put(store, key("full"), utf8("x")));
        assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> store.write(key("full"),
                ObjectSource.unknownLength(new java.io.ByteArrayInputStream(utf8("y"))), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(key("full")));
        assertEquals(List.of(), partFiles(root));
    }

    @Test
    void failedWritesLeaveTheOldVersionAndNoTemporaryFile() {
        put(store, key("f"), utf8("old"));
        assertBlobError(BlobError.BAD_DIGEST, () -> store.write(key("f"), ObjectSource.of(utf8("new")),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, "00000000000000000000000000000000")));
        assertBlobError(BlobError.BAD_DIGEST, () -> store.write(key("f"),
                new ObjectSource(new java.io.ByteArrayInputStream(utf8("short")), 99), WriteOptions.DEFAULTS));
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ < 1000) {
                    return 'z';
                }
                throw new IOException("connection reset");
            }
        };
        assertBlobError(BlobError.INTERNAL, () -> store.write(key("f"), ObjectSource.unknownLength(broken), WriteOptions.DEFAULTS));
        assertArrayEquals(utf8("old"), readAll(store, key("f")));
        assertEquals(List.of(), partFiles(root));
    }

    @Test
    void capabilitiesFollowTheFsyncSetting() {
        assertEquals(Set.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH, Capability.DURABLE), store.capabilities());
        try (LocalBlobStore relaxed = LocalBlobStore.open(new LocalConfig(root.resolve("other"), 0, false))) {
            assertEquals(Set.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH), relaxed.capabilities());
        }
    }

    @Test
    void bucketsRecordTheirCreationTimeAndDeleteOnlyWhenEmpty() {
        long before = System.currentTimeMillis();
        store.createBucket("c");
        long created = store.listBuckets().stream().filter(x -> x.name().equals("c")).findFirst().orElseThrow()
                .created().toEpochMilli();
        assertTrue(created >= before - 1000 && created <= System.currentTimeMillis() + 1000);
        put(store, new BlobKey("c", "d/e"), utf8("x"));
        assertBlobError(BlobError.BUCKET_NOT_EMPTY, () -> store.deleteBucket("c"));
        store.delete(new BlobKey("c", "d/e"));
        // an empty directory left by a crash does not make the bucket non-empty
        assertTrue(new java.io.File(root.toFile(), "buckets/c/orphan").mkdir());
        store.deleteBucket("c");
        assertFalse(store.bucketExists("c"));
        assertFalse(Files.exists(root.resolve("buckets/c")));
    }

    @Test
    void healthIsNotWritableWhenTheDataDirectoryIsGone() throws IOException {
        assertTrue(store.health().writable());
        try (var walk = Files.walk(root.resolve("buckets"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        HealthReport h = store.health();
        assertFalse(h.writable());
        assertTrue(h.detail().contains("missing"), h.detail());
    }

    private List<String> listAll() {
        return store.list(ListRequest.all("b")).objects().stream().map(o -> o.key().key()).toList();
    }
}
