package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.assertBlobError;
import static dev.cairn.blob.local.LocalTestSupport.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.WriteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListMultipartUploads: UTF-8 key order then initiation, prefix, delimiter, markers, page size. */
class LocalUploadListingTest {
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

    private MultipartUpload start(String key) {
        return store.createMultipartUpload(new BlobKey("b", key), WriteOptions.DEFAULTS.withContentType("text/" + key.length()));
    }

    private UploadListing list(String prefix, String delimiter, String keyMarker, String idMarker, int max) {
        return store.listMultipartUploads(new UploadListRequest("b", prefix, delimiter, keyMarker, idMarker, max));
    }

    private static List<String> keys(UploadListing l) {
        return l.uploads().stream().map(u -> u.key().key()).toList();
    }

    @Test
    void uploadsAreOrderedByUtf8KeyThenInitiationAndCarryTheirOptions() throws InterruptedException {
        MultipartUpload a1 = start("a");
        Thread.sleep(2); // distinct initiation milliseconds
        MultipartUpload a2 = start("a");
        start("\uE000"); // U+E000 (3 UTF-8 bytes) sorts before U+1F600 (4), unlike in UTF-16 order
        start("\uD83D\uDE00");
        start("B");
        UploadListing all = list(null, null, null, null, 1000);
        assertEquals(List.of("B", "a", "a", "\uE000", "\uD83D\uDE00"), keys(all));
        assertEquals(a1.uploadId(), all.uploads().get(1).uploadId());
        assertEquals(a2.uploadId(), all.uploads().get(2).uploadId());
        assertTrue(all.uploads().get(1).initiated().isBefore(all.uploads().get(2).initiated()));
        assertEquals("text/1", all.uploads().get(1).options().contentType());
        assertFalse(all.truncated());
        assertNull(all.nextKeyMarker());
    }

    @Test
    void markersContinueWithinAKeyAndAcrossKeys() {
        List<MultipartUpload> made = new ArrayList<>();
        for (String k : List.of("k1", "k1", "k1", "k2", "k3")) {
            made.add(start(k));
        }
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        int pages = 0;
        while (true) {
            UploadListing page = list(null, null, keyMarker, idMarker, 2);
            page.uploads().forEach(u -> seen.add(u.uploadId()));
            pages++;
            if (!page.truncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            idMarker = page.nextUploadIdMarker();
        }
        List<String> whole = list(null, null, null, null, 1000).uploads().stream().map(MultipartUpload::uploadId).toList();
        assertEquals(whole, seen, "paging yields every upload once, in listing order");
        assertEquals(made.stream().map(MultipartUpload::uploadId).sorted().toList(), whole.stream().sorted().toList());
        assertEquals(3, pages);
        assertEquals(List.of("k2", "k3"), keys(list(null, null, "k1", null, 10)), "a key marker alone skips the whole key");
        // Uploads started in the same millisecond order by their random id suffix, so the expected
        // continuation comes from the listing's own order, not from the order they were made in.
        List<MultipartUpload> all = list(null, null, null, null, 1000).uploads();
        int at = all.stream().map(MultipartUpload::uploadId).toList().indexOf(made.get(1).uploadId());
        List<String> after = all.subList(at + 1, all.size()).stream().map(u -> u.key().key()).toList();
        assertEquals(after, keys(list(null, null, "k1", made.get(1).uploadId(), 10)));
    }

    @Test
    void prefixAndDelimiterRollUpIntoCommonPrefixesAcrossPages() {
        for (String k : List.of("photos/2024/a", "photos/2024/b", "photos/2025/c", "photos/top", "videos/x", "readme")) {
            start(k);
        }
        UploadListing top = list(null, "/", null, null, 10);
        assertEquals(List.of("readme"), keys(top));
        assertEquals(List.of("photos/", "videos/"), top.commonPrefixes());

        UploadListing photos = list("photos/", "/", null, null, 10);
        assertEquals(List.of("photos/top"), keys(photos));
        assertEquals(List.of("photos/2024/", "photos/2025/"), photos.commonPrefixes());

        UploadListing first = list("photos/", "/", null, null, 1);
        assertEquals(List.of("photos/2024/"), first.commonPrefixes());
        assertTrue(first.truncated());
        assertEquals("photos/2024/", first.nextKeyMarker());
        assertNull(first.nextUploadIdMarker());
        UploadListing second = list("photos/", "/", first.nextKeyMarker(), null, 1);
        assertEquals(List.of("photos/2025/"), second.commonPrefixes());
        UploadListing third = list("photos/", "/", second.nextKeyMarker(), null, 1);
        assertEquals(List.of("photos/top"), keys(third));
        assertFalse(third.truncated(), "nothing follows photos/top under the prefix");
        assertNull(third.nextKeyMarker());
    }

    @Test
    void completedAndAbortedUploadsAreNotListedAndAMissingBucketFails() {
        MultipartUpload gone = start("x");
        MultipartUpload kept = start("y");
        store.abortMultipartUpload(gone.key(), gone.uploadId());
        assertEquals(List.of("y"), keys(list(null, null, null, null, 10)));
        assertEquals(kept.uploadId(), list(null, null, null, null, 10).uploads().get(0).uploadId());
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.listMultipartUploads(new UploadListRequest("nope", null, null, null, null, 10)));
        store.createBucket("empty");
        assertEquals(List.of(), store.listMultipartUploads(new UploadListRequest("empty", null, null, null, null, 10)).uploads());
    }
}
