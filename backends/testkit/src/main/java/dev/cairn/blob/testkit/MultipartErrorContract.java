package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.MultipartSupport.blake3;
import static dev.cairn.blob.testkit.MultipartSupport.completed;
import static dev.cairn.blob.testkit.MultipartSupport.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refused multipart calls: unknown uploads, bad part numbers, bad completion lists, parts that
 * fail verification, and preconditions at the wrong step. A refused call changes nothing: the
 * upload keeps its parts and stays completable, and no object appears.
 */
public interface MultipartErrorContract extends MultipartFixture {

    @Test
    default void anUnknownUploadIdIsNoSuchUpload() {
        BlobKey k = key("k");
        String bogus = "bm90LWFuLXVwbG9hZA";
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> part(k, bogus, 1, randomBytes(10, 1)));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().completeMultipartUpload(k, bogus,
                List.of(new CompletedPart(1, "0".repeat(32))), WritePrecondition.NONE, minPart()));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().listParts(k, bogus, 0, 1000));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().abortMultipartUpload(k, bogus));
    }

    @Test
    default void anUploadIdBelongsToItsKeyAndBucket() {
        BlobKey k = key("mine");
        BlobKey other = key("theirs");
        store().createBucket("other-bucket");
        BlobKey elsewhere = new BlobKey("other-bucket", k.key());
        String id = start(k);
        PartInfo p = part(k, id, 1, randomBytes(10, 1));
        for (BlobKey wrong : List.of(other, elsewhere)) {
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> part(wrong, id, 2, randomBytes(10, 2)));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().listParts(wrong, id, 0, 1000));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> complete(wrong, id, List.of(p)));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().abortMultipartUpload(wrong, id));
        }
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(other));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(elsewhere));
        assertTrue(multipart().listMultipartUploads(MultipartListingContract.all("other-bucket")).uploads().isEmpty());
        complete(k, id, List.of(p));
        assertArrayEquals(randomBytes(10, 1), readAll(store(), k));
    }

    @Test
    default void aMissingBucketIsNoSuchBucket() {
        BlobKey k = new BlobKey("missing", "k");
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> multipart().createMultipartUpload(k, WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> multipart().listMultipartUploads(MultipartListingContract.all("missing")));
        // BlobStore's rule (a call naming a missing bucket) and this interface's (an unknown
        // upload) both fit a part call on a missing bucket.
        BlobStoreException e = assertThrows(BlobStoreException.class, () -> part(k, "x", 1, randomBytes(1, 1)));
        assertTrue(Set.of(BlobError.NO_SUCH_BUCKET, BlobError.NO_SUCH_UPLOAD).contains(e.error()), e.getMessage());
        assertFalse(store().bucketExists("missing"));
    }

    @Test
    default void startingAnUploadWithAPreconditionIsInvalid() {
        BlobKey k = key("pre");
        for (WritePrecondition p : List.of(new WritePrecondition.IfAbsent(), new WritePrecondition.IfMatch("0".repeat(32)))) {
            assertBlobError(BlobError.INVALID_ARGUMENT, () -> multipart().createMultipartUpload(k, WriteOptions.DEFAULTS.withPrecondition(p)));
        }
        assertTrue(multipart().listMultipartUploads(MultipartListingContract.all(bucket())).uploads().isEmpty());
    }

    @ParameterizedTest(name = "part {0}")
    @ValueSource(ints = {0, -1, 10_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    default void aPartNumberOutside1To10000IsInvalid(int number) {
        BlobKey k = key("numbers");
        String id = start(k);
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> part(k, id, number, randomBytes(10, 1)));
        assertTrue(multipart().listParts(k, id, 0, 1000).parts().isEmpty());
    }

    @Test
    default void partNumbers1And10000AreValid() {
        BlobKey k = key("bounds");
        String id = start(k);
        part(k, id, SupportsMultipart.MAX_PART_NUMBER, randomBytes(10, 2));
        part(k, id, SupportsMultipart.MIN_PART_NUMBER, randomBytes(minPartInt(), 1));
        assertEquals(List.of(1, 10_000), multipart().listParts(k, id, 0, 1000).parts().stream().map(PartInfo::partNumber).toList());
    }

    @Test
    default void partsOutOfOrderOrRepeatedAreInvalidPartOrder() {
        BlobKey k = key("order");
        String id = start(k);
        PartInfo p1 = part(k, id, 1, randomBytes(minPartInt(), 1));
        PartInfo p2 = part(k, id, 2, randomBytes(minPartInt(), 2));
        PartInfo p3 = part(k, id, 3, randomBytes(10, 3));
        assertBlobError(BlobError.INVALID_PART_ORDER, () -> complete(k, id, List.of(p2, p1, p3)));
        assertBlobError(BlobError.INVALID_PART_ORDER, () -> complete(k, id, List.of(p1, p3, p2)));
        assertBlobError(BlobError.INVALID_PART_ORDER, () -> complete(k, id, List.of(p1, p1, p2)));
        assertBlobError(BlobError.INVALID_PART_ORDER, () -> complete(k, id, List.of(p1, p2, p2)));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        complete(k, id, List.of(p1, p2, p3));
        assertEquals(List.of(minPart(), minPart(), 10L), store().stat(k).partSizes());
    }

    @Test
    default void aMissingPartOrAWrongEtagIsInvalidPart() {
        BlobKey k = key("parts");
        String id = start(k);
        PartInfo p1 = part(k, id, 1, randomBytes(minPartInt(), 1));
        PartInfo p2 = part(k, id, 2, randomBytes(10, 2));
        assertBlobError(BlobError.INVALID_PART, () -> multipart().completeMultipartUpload(k, id,
                List.of(new CompletedPart(1, p1.etag()), new CompletedPart(2, p2.etag()), new CompletedPart(3, p2.etag())),
                WritePrecondition.NONE, minPart()));
        assertBlobError(BlobError.INVALID_PART, () -> multipart().completeMultipartUpload(k, id,
                List.of(new CompletedPart(1, p1.etag()), new CompletedPart(2, p1.etag())), WritePrecondition.NONE, minPart()));
        assertBlobError(BlobError.INVALID_PART, () -> multipart().completeMultipartUpload(k, id,
                List.of(new CompletedPart(1, "0".repeat(32))), WritePrecondition.NONE, minPart()));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        complete(k, id, List.of(p1, p2));
        assertArrayEquals(concat(List.of(randomBytes(minPartInt(), 1), randomBytes(10, 2))), readAll(store(), k));
    }

    @Test
    default void aPartOtherThanTheLastUnderTheMinimumIsEntityTooSmall() {
        BlobKey k = key("small");
        String id = start(k);
        PartInfo p1 = part(k, id, 1, randomBytes(minPartInt() - 1, 1));
        PartInfo p2 = part(k, id, 2, randomBytes(minPartInt() * 2, 2));
        assertBlobError(BlobError.ENTITY_TOO_SMALL, () -> complete(k, id, List.of(p1, p2)));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        // The same parts pass under a smaller minimum: the upload survived the refusal.
        multipart().completeMultipartUpload(k, id, completed(List.of(p1, p2)), WritePrecondition.NONE, minPart() - 1);
        assertEquals(List.of(minPart() - 1, minPart() * 2), store().stat(k).partSizes());
    }

    @Test
    default void aPartFailingItsDigestIsBadDigestAndKeepsThePreviousPart() {
        BlobKey k = key("digest");
        String id = start(k);
        byte[] good = randomBytes(1500, 1);
        PartInfo kept = part(k, id, 1, good);
        byte[] other = randomBytes(1500, 2);
        WriteOptions wrongB3 = WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.B3, Hex.encode(blake3(good)));
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().uploadPart(k, id, 1, ObjectSource.of(other), wrongB3));
        WriteOptions wrongMd5 = WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, kept.etag());
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().uploadPart(k, id, 1, ObjectSource.of(other), wrongMd5));
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().uploadPart(k, id, 2, ObjectSource.of(other), wrongB3));
        List<PartInfo> listed = multipart().listParts(k, id, 0, 1000).parts();
        assertEquals(List.of(kept.etag()), listed.stream().map(PartInfo::etag).toList(), "a failed part changes nothing");
        complete(k, id, List.of(kept));
        assertArrayEquals(good, readAll(store(), k));
    }

    @Test
    default void aPartWhoseLengthDiffersFromTheDeclaredLengthIsBadDigest() {
        BlobKey k = key("length");
        String id = start(k);
        PartInfo kept = part(k, id, 1, randomBytes(100, 1));
        byte[] body = randomBytes(100, 2);
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().uploadPart(k, id, 1,
                new ObjectSource(new ByteArrayInputStream(body), 101), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().uploadPart(k, id, 1,
                new ObjectSource(new ByteArrayInputStream(body), 99), WriteOptions.DEFAULTS));
        assertEquals(List.of(kept.etag()), multipart().listParts(k, id, 0, 1000).parts().stream().map(PartInfo::etag).toList());
    }

    @Test
    default void aPartWhoseStreamFailsChangesNothing() {
        BlobKey k = key("broken");
        String id = start(k);
        PartInfo kept = part(k, id, 1, randomBytes(100, 1));
        FailingInputStream body = new FailingInputStream(randomBytes(200_000, 2), 70_000);
        BlobStoreException e = assertThrows(BlobStoreException.class,
                () -> multipart().uploadPart(k, id, 1, new ObjectSource(body, 200_000), WriteOptions.DEFAULTS));
        assertTrue(Set.of(BlobError.INTERNAL, BlobError.UNAVAILABLE).contains(e.error()), e.getMessage());
        assertFalse(body.isClosed(), "the caller owns the body");
        assertEquals(List.of(kept.etag()), multipart().listParts(k, id, 0, 1000).parts().stream().map(PartInfo::etag).toList());
    }
}
