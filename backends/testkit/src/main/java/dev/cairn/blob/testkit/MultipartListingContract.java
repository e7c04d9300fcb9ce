package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.MultipartSupport.walkUploads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Listing parts (part-number order, paged by {@code partNumberMarker}) and uploads in progress
 * (UTF-8 key order then initiation, prefix, delimiter roll-up, paged by key and upload-id
 * markers). Only uploads in progress are listed: completed and aborted ones are gone.
 */
public interface MultipartListingContract extends MultipartFixture {

    /** Every upload of {@code bucket} in one page of up to 1000. */
    static UploadListRequest all(String bucket) {
        return new UploadListRequest(bucket, "", null, null, null, 1000);
    }

    private List<String> uploadKeys(UploadListing listing) {
        return listing.uploads().stream().map(u -> u.key().key()).toList();
    }

    private static List<Integer> numbers(PartListing listing) {
        return listing.parts().stream().map(PartInfo::partNumber).toList();
    }

    @Test
    default void listPartsReturnsThePartsInNumberOrderWithTheUpload() {
        BlobKey k = key("parts");
        MultipartUpload upload = multipart().createMultipartUpload(k, WriteOptions.DEFAULTS.withContentType("text/plain")
                .withUserMetadata(Map.of("a", "b")));
        String id = upload.uploadId();
        List<PartInfo> uploaded = new ArrayList<>();
        for (int n : new int[] {5, 1, 3, 2, 4}) {
            uploaded.add(part(k, id, n, randomBytes(100 + n, n)));
        }
        PartListing listing = multipart().listParts(k, id, 0, 1000);
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(listing));
        assertFalse(listing.truncated());
        assertEquals(k, listing.upload().key());
        assertEquals(id, listing.upload().uploadId());
        assertEquals(upload.initiated(), listing.upload().initiated());
        assertEquals("text/plain", listing.upload().options().contentType());
        assertEquals(Map.of("a", "b"), listing.upload().options().userMetadata());
        for (PartInfo p : listing.parts()) {
            PartInfo original = uploaded.stream().filter(u -> u.partNumber() == p.partNumber()).findFirst().orElseThrow();
            assertEquals(original.etag(), p.etag());
            assertEquals(100 + p.partNumber(), p.size());
            assertEquals(original.checksums(), p.checksums());
        }
    }

    @Test
    default void listPartsPagesByPartNumberMarker() {
        BlobKey k = key("paged");
        String id = start(k);
        for (int n = 1; n <= 5; n++) {
            part(k, id, n * 2, randomBytes(10, n));
        }
        PartListing first = multipart().listParts(k, id, 0, 2);
        assertEquals(List.of(2, 4), numbers(first));
        assertTrue(first.truncated());
        assertEquals(4, first.nextPartNumberMarker());
        PartListing second = multipart().listParts(k, id, first.nextPartNumberMarker(), 2);
        assertEquals(List.of(6, 8), numbers(second));
        assertTrue(second.truncated());
        assertEquals(8, second.nextPartNumberMarker());
        PartListing third = multipart().listParts(k, id, second.nextPartNumberMarker(), 2);
        assertEquals(List.of(10), numbers(third));
        assertFalse(third.truncated());
        assertEquals(List.of(8, 10), numbers(multipart().listParts(k, id, 7, 10)), "the marker need not be a part number");
        assertEquals(List.of(), numbers(multipart().listParts(k, id, 10, 10)));
        PartListing exact = multipart().listParts(k, id, 0, 5);
        assertEquals(5, exact.parts().size());
        assertFalse(exact.truncated(), "a page that holds the last part is not truncated");
    }

    @Test
    default void uploadsAreListedByUtf8KeyOrderThenInitiation() throws InterruptedException {
        List<String> expected = new ArrayList<>();
        String a1 = start(key("a"));
        // A pause makes the initiation times differ even on a millisecond clock.
        Thread.sleep(5);
        String b = start(key("b"));
        String privateUse = start(key("\uE000"));
        String emoji = start(key("\uD83D\uDE00"));
        String ax = start(key("a/x"));
        Thread.sleep(5);
        String a2 = start(key("a"));
        expected.addAll(List.of("a#" + a1, "a#" + a2, "a/x#" + ax, "b#" + b, "\uE000#" + privateUse, "\uD83D\uDE00#" + emoji));
        UploadListing listing = multipart().listMultipartUploads(all(bucket()));
        assertEquals(expected, walkUploads(multipart(), all(bucket())));
        assertFalse(listing.truncated());
        assertTrue(listing.commonPrefixes().isEmpty());
        assertTrue(listing.uploads().get(0).initiated().isBefore(listing.uploads().get(1).initiated()));
    }

    @Test
    default void onlyUploadsInProgressAreListed() {
        BlobKey k = key("k");
        String done = start(k);
        String aborted = start(k);
        String open = start(k);
        complete(k, done, List.of(part(k, done, 1, randomBytes(10, 1))));
        multipart().abortMultipartUpload(k, aborted);
        assertEquals(List.of("k#" + open), walkUploads(multipart(), all(bucket())));
    }

    @Test
    default void uploadsAreFilteredByPrefixAndRolledUpByDelimiter() {
        for (String name : List.of("photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/d.jpg", "photosx", "top")) {
            start(key(name));
        }
        UploadListing prefixed = multipart().listMultipartUploads(new UploadListRequest(bucket(), "photos/", null, null, null, 1000));
        assertEquals(List.of("photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/d.jpg"), uploadKeys(prefixed));
        UploadListing rolled = multipart().listMultipartUploads(new UploadListRequest(bucket(), "photos/", "/", null, null, 1000));
        assertEquals(List.of("photos/d.jpg"), uploadKeys(rolled));
        assertEquals(List.of("photos/2024/", "photos/2025/"), rolled.commonPrefixes());
        UploadListing top = multipart().listMultipartUploads(new UploadListRequest(bucket(), "", "/", null, null, 1000));
        assertEquals(List.of("photosx", "top"), uploadKeys(top));
        assertEquals(List.of("photos/"), top.commonPrefixes());
    }

    @Test
    default void uploadListingPagesWithKeyAndUploadIdMarkers() throws InterruptedException {
        List<String> expected = new ArrayList<>();
        for (String name : List.of("a", "b", "b", "b", "c", "d/1", "d/2")) {
            expected.add(name + "#" + start(key(name)));
            Thread.sleep(2);
        }
        for (int max = 1; max <= 8; max++) {
            UploadListRequest first = new UploadListRequest(bucket(), "", null, null, null, max);
            assertEquals(expected, walkUploads(multipart(), first), "pages of " + max);
        }
        UploadListRequest rolled = new UploadListRequest(bucket(), "", "/", null, null, 2);
        assertEquals(List.of(expected.get(0), expected.get(1), expected.get(2), expected.get(3), expected.get(4), "d/"),
                walkUploads(multipart(), rolled));
    }

    @Test
    default void aKeyMarkerAloneSkipsThatKeyAndAnUploadIdMarkerResumesWithinIt() throws InterruptedException {
        String b1 = start(key("b"));
        Thread.sleep(2);
        String b2 = start(key("b"));
        Thread.sleep(2);
        String b3 = start(key("b"));
        String c = start(key("c"));
        start(key("a"));
        UploadListing afterB = multipart().listMultipartUploads(new UploadListRequest(bucket(), "", null, "b", null, 1000));
        assertEquals(List.of("c"), uploadKeys(afterB));
        UploadListing afterB1 = multipart().listMultipartUploads(new UploadListRequest(bucket(), "", null, "b", b1, 1000));
        assertEquals(List.of(b2, b3, c), afterB1.uploads().stream().map(MultipartUpload::uploadId).toList());
    }

    @Test
    default void aTruncatedUploadPageNamesItsLastEntryAsTheNextMarkers() {
        String a = start(key("a"));
        start(key("b"));
        UploadListing page = multipart().listMultipartUploads(new UploadListRequest(bucket(), "", null, null, null, 1));
        assertTrue(page.truncated());
        assertEquals("a", page.nextKeyMarker());
        assertEquals(a, page.nextUploadIdMarker());
    }

    @Test
    default void uploadsOfOneBucketAreNotListedInAnother() {
        store().createBucket("other-bucket");
        start(key("k"));
        assertTrue(multipart().listMultipartUploads(all("other-bucket")).uploads().isEmpty());
        assertEquals(1, multipart().listMultipartUploads(all(bucket())).uploads().size());
    }
}
