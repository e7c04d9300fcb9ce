package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartCompletionTest {
    private static final BlobKey KEY = new BlobKey("bkt", "k");
    private static final MultipartUpload UPLOAD = new MultipartUpload(KEY, "u", Instant.EPOCH, WriteOptions.DEFAULTS, null);
    private static final String MD5_A = "0cc175b9c0f1b6a831c399e269772661";
    private static final String MD5_B = "92eb5ffee6ae2fec3ad71c777531578f";
    private static final String B3 = "a".repeat(64);

    private static PartInfo part(int n, long size, String md5) {
        return new PartInfo(n, size, md5, Instant.EPOCH, Map.of(ChecksumAlgorithm.MD5, md5, ChecksumAlgorithm.B3, B3));
    }

    private static final Map<Integer, PartInfo> STORED = Map.of(1, part(1, 10, MD5_A), 2, part(2, 3, MD5_B));

    private static BlobError error(List<CompletedPart> parts, long minPartSize) {
        return assertThrows(BlobStoreException.class,
                () -> MultipartCompletion.plan("t", KEY, UPLOAD, parts, STORED::get, minPartSize, Map.of())).error();
    }

    @Test
    void choosesThePartsInOrderWithQuotedOrBareEtagsAndDerivesTheDigests() {
        MultipartCompletion plan = MultipartCompletion.plan("t", KEY, UPLOAD,
                List.of(new CompletedPart(1, "\"" + MD5_A + "\""), new CompletedPart(2, MD5_B)), STORED::get, 10, Map.of());
        assertEquals(List.of(1, 2), plan.parts().stream().map(PartInfo::partNumber).toList());
        assertEquals(List.of(10L, 3L), plan.partSizes());
        assertEquals(13, plan.size());
        assertEquals(MultipartChecksums.etag(List.of(MD5_A, MD5_B)), plan.etag());
        assertEquals("-2", plan.etag().substring(32));
    }

    @Test
    void refusesWhatS3Refuses() {
        assertEquals(BlobError.INVALID_PART, error(List.of(), 0));
        assertEquals(BlobError.INVALID_PART_ORDER, error(List.of(new CompletedPart(2, MD5_B), new CompletedPart(1, MD5_A)), 0));
        assertEquals(BlobError.INVALID_PART, error(List.of(new CompletedPart(1, MD5_A), new CompletedPart(3, MD5_B)), 0));
        assertEquals(BlobError.INVALID_PART, error(List.of(new CompletedPart(1, MD5_B)), 0));
        assertEquals(BlobError.ENTITY_TOO_SMALL, error(List.of(new CompletedPart(1, MD5_A), new CompletedPart(2, MD5_B)), 11));
        assertEquals(BlobError.INVALID_PART, error(List.of(new CompletedPart(1, MD5_A, Map.of(ChecksumAlgorithm.CRC32, "AAAAAA=="))), 0));
    }

    @Test
    void unquoteLeavesBareAndOddValuesAlone() {
        assertEquals("abc", MultipartCompletion.unquote("\"abc\""));
        assertEquals("abc", MultipartCompletion.unquote("abc"));
        assertEquals("\"", MultipartCompletion.unquote("\""));
        assertEquals("", MultipartCompletion.unquote(null));
    }
}
