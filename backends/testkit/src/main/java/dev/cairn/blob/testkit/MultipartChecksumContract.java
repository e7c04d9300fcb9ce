package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.MultipartSupport.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;

/**
 * The flexible checksums of multipart objects (docs/adr/0009): every part carries the upload's
 * algorithms, completion derives FULL_OBJECT CRCs equal to the CRC of all bytes and COMPOSITE
 * values equal to {@code base64(H(raw1 ‖ … ‖ rawN))-N}, checks the per-part values a completion
 * names (INVALID_PART) and the whole-object values it expects (BAD_DIGEST, upload kept). Expected
 * values are computed here over the bytes: the JDK's CRC32/CRC32C and SHA-256, and the SPI's
 * streaming CRC-64/NVME (catalogue-checked in the SPI's own tests), never its combination code.
 */
public interface MultipartChecksumContract extends MultipartFixture {

    private static byte[] raw(ChecksumAlgorithm a, byte[] data) {
        return switch (a) {
            case CRC32 -> crc(new CRC32(), data, 4);
            case CRC32C -> crc(new CRC32C(), data, 4);
            case SHA256 -> ContractSupport.jdkDigest("SHA-256", data);
            default -> {
                StreamingDigest d = a.newDigest();
                d.update(data, 0, data.length);
                yield d.finish();
            }
        };
    }

    private static byte[] crc(Checksum c, byte[] data, int bytes) {
        c.update(data, 0, data.length);
        long v = c.getValue();
        byte[] out = new byte[bytes];
        for (int k = 0; k < bytes; k++) {
            out[k] = (byte) (v >>> (8 * (bytes - 1 - k)));
        }
        return out;
    }

    private static String b64(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }

    private static String compositeOf(ChecksumAlgorithm a, List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(raw(a, p));
        }
        return b64(raw(a, all.toByteArray())) + "-" + parts.size();
    }

    private MultipartUpload startWith(BlobKey k, ChecksumAlgorithm a, ChecksumType type) {
        WriteOptions o = new WriteOptions(WritePrecondition.NONE, null, null, null, null, Set.of(a));
        return multipart().createMultipartUpload(k, o, type);
    }

    private List<PartInfo> upload(BlobKey k, String id, List<byte[]> parts) {
        List<PartInfo> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(part(k, id, i + 1, parts.get(i)));
        }
        return out;
    }

    /** Parts of awkward sizes, the last one empty, so the combination sees odd lengths and a zero length. */
    private List<byte[]> oddParts() {
        return List.of(randomBytes(minPartInt() + 13, 41), randomBytes(minPartInt() * 2 + 1, 42), randomBytes(minPartInt(), 43),
                new byte[0]);
    }

    @Test
    default void fullObjectCrcsEqualTheCrcOfAllTheBytes() throws Exception {
        List<byte[]> parts = oddParts();
        byte[] all = concat(parts);
        for (ChecksumAlgorithm a : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME)) {
            BlobKey k = key("full-" + a);
            MultipartUpload u = startWith(k, a, ChecksumType.FULL_OBJECT);
            assertEquals(ChecksumType.FULL_OBJECT, multipart().upload(k, u.uploadId()).checksumType());
            ObjectInfo info = complete(k, u.uploadId(), upload(k, u.uploadId(), parts));
            assertEquals(b64(raw(a, all)), info.checksums().get(a), a + " of the whole object");
            assertEquals(b64(raw(a, all)), store().stat(k).checksums().get(a));
            assertArrayEquals(all, readAll(store(), k));
        }
    }

    @Test
    default void anUploadWithoutATypeCompletesItsCrcAsFullObjectAndShasAsComposite() {
        List<byte[]> parts = oddParts();
        BlobKey k = key("untyped");
        WriteOptions o = new WriteOptions(WritePrecondition.NONE, null, null, null, null,
                Set.of(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA256));
        MultipartUpload u = multipart().createMultipartUpload(k, o, null);
        assertNull(multipart().upload(k, u.uploadId()).checksumType());
        ObjectInfo info = complete(k, u.uploadId(), upload(k, u.uploadId(), parts));
        assertEquals(b64(raw(ChecksumAlgorithm.CRC64NVME, concat(parts))), info.checksums().get(ChecksumAlgorithm.CRC64NVME));
        assertEquals(compositeOf(ChecksumAlgorithm.SHA256, parts), info.checksums().get(ChecksumAlgorithm.SHA256));
    }

    @Test
    default void compositeCrcsAreTheCrcOfThePartCrcs() {
        List<byte[]> parts = oddParts();
        for (ChecksumAlgorithm a : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA256)) {
            BlobKey k = key("composite-" + a);
            MultipartUpload u = startWith(k, a, ChecksumType.COMPOSITE);
            ObjectInfo info = complete(k, u.uploadId(), upload(k, u.uploadId(), parts));
            assertEquals(compositeOf(a, parts), info.checksums().get(a), a + " composite");
            assertEquals(ChecksumType.COMPOSITE, ChecksumType.ofStored(info.checksums().get(a)));
        }
    }

    @Test
    default void compositeObjectsKeepEachPartsChecksumForPartReadsAndFullObjectOnesDoNot() throws Exception {
        List<byte[]> parts = oddParts();
        BlobKey k = key("part-sums");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.SHA256, ChecksumType.COMPOSITE);
        ObjectInfo done = complete(k, u.uploadId(), upload(k, u.uploadId(), parts));
        ObjectInfo read;
        try (var reader = store().read(k, dev.cairn.blob.ReadOptions.WHOLE)) {
            read = reader.info();
        }
        for (ObjectInfo info : List.of(done, store().stat(k), read)) {
            for (int n = 1; n <= parts.size(); n++) {
                assertEquals(Map.of(ChecksumAlgorithm.SHA256, b64(raw(ChecksumAlgorithm.SHA256, parts.get(n - 1)))), info.partChecksums(n),
                        "part " + n);
            }
            assertEquals(Map.of(), info.partChecksums(parts.size() + 1));
        }
        BlobKey f = key("part-sums-full");
        MultipartUpload full = startWith(f, ChecksumAlgorithm.CRC32, ChecksumType.FULL_OBJECT);
        complete(f, full.uploadId(), upload(f, full.uploadId(), parts));
        assertEquals(List.of(), store().stat(f).partChecksums(), "a FULL_OBJECT CRC has no per-part value to answer");
    }

    @Test
    default void partsCarryTheUploadsAlgorithmInTheirAnswerAndTheListing() {
        BlobKey k = key("listed");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.CRC32C, ChecksumType.FULL_OBJECT);
        byte[] p1 = randomBytes(minPartInt(), 5);
        PartInfo i1 = part(k, u.uploadId(), 1, p1);
        assertEquals(b64(raw(ChecksumAlgorithm.CRC32C, p1)), i1.checksums().get(ChecksumAlgorithm.CRC32C));
        PartInfo listed = multipart().listParts(k, u.uploadId(), 0, 10).parts().get(0);
        assertEquals(i1.checksums().get(ChecksumAlgorithm.CRC32C), listed.checksums().get(ChecksumAlgorithm.CRC32C));
        assertEquals(ChecksumType.FULL_OBJECT, multipart().listParts(k, u.uploadId(), 0, 10).upload().checksumType());
    }

    @Test
    default void aPartChecksumThatDiffersFromTheStoredPartIsAnInvalidPartAndTheUploadStays() {
        BlobKey k = key("wrong-part-sum");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.CRC32, ChecksumType.FULL_OBJECT);
        List<byte[]> parts = List.of(randomBytes(minPartInt(), 6), randomBytes(10, 7));
        List<PartInfo> infos = upload(k, u.uploadId(), parts);
        String right1 = b64(raw(ChecksumAlgorithm.CRC32, parts.get(0)));
        String right2 = b64(raw(ChecksumAlgorithm.CRC32, parts.get(1)));
        List<CompletedPart> wrong = List.of(
                new CompletedPart(1, infos.get(0).etag(), Map.of(ChecksumAlgorithm.CRC32, right1)),
                new CompletedPart(2, infos.get(1).etag(), Map.of(ChecksumAlgorithm.CRC32, right1)));
        assertBlobError(BlobError.INVALID_PART, () -> multipart().completeMultipartUpload(k, u.uploadId(), wrong, WritePrecondition.NONE,
                minPart()));
        List<CompletedPart> otherAlgorithm = List.of(
                new CompletedPart(1, infos.get(0).etag(), Map.of(ChecksumAlgorithm.SHA1, "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=")),
                new CompletedPart(2, infos.get(1).etag()));
        assertBlobError(BlobError.INVALID_PART, () -> multipart().completeMultipartUpload(k, u.uploadId(), otherAlgorithm,
                WritePrecondition.NONE, minPart()));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        List<CompletedPart> right = List.of(
                new CompletedPart(1, infos.get(0).etag(), Map.of(ChecksumAlgorithm.CRC32, right1)),
                new CompletedPart(2, infos.get(1).etag(), Map.of(ChecksumAlgorithm.CRC32, right2)));
        ObjectInfo info = multipart().completeMultipartUpload(k, u.uploadId(), right, WritePrecondition.NONE, minPart());
        assertEquals(b64(raw(ChecksumAlgorithm.CRC32, concat(parts))), info.checksums().get(ChecksumAlgorithm.CRC32));
    }

    @Test
    default void anExpectedWholeObjectChecksumIsVerifiedBeforePublishAndAMismatchKeepsTheUpload() throws Exception {
        BlobKey k = key("expected-sum");
        put(k, "previous");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.CRC32, ChecksumType.FULL_OBJECT);
        List<byte[]> parts = List.of(randomBytes(minPartInt(), 8), randomBytes(99, 9));
        List<PartInfo> infos = upload(k, u.uploadId(), parts);
        String whole = b64(raw(ChecksumAlgorithm.CRC32, concat(parts)));
        String wrong = b64(raw(ChecksumAlgorithm.CRC32, parts.get(0)));
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().completeMultipartUpload(k, u.uploadId(), MultipartSupport.completed(infos),
                WritePrecondition.NONE, minPart(), Map.of(ChecksumAlgorithm.CRC32, wrong)));
        assertArrayEquals(ContractSupport.utf8("previous"), readAll(store(), k), "nothing was published");
        assertEquals(2, multipart().listParts(k, u.uploadId(), 0, 10).parts().size(), "the upload is intact");
        ObjectInfo info = multipart().completeMultipartUpload(k, u.uploadId(), MultipartSupport.completed(infos), WritePrecondition.NONE,
                minPart(), Map.of(ChecksumAlgorithm.CRC32, whole));
        assertEquals(whole, info.checksums().get(ChecksumAlgorithm.CRC32));
        assertArrayEquals(concat(parts), readAll(store(), k));
    }

    @Test
    default void anExpectedCompositeMayOmitThePartCount() {
        BlobKey k = key("expected-composite");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.SHA256, ChecksumType.COMPOSITE);
        List<byte[]> parts = List.of(randomBytes(minPartInt(), 10), randomBytes(5, 11));
        List<PartInfo> infos = upload(k, u.uploadId(), parts);
        String composite = compositeOf(ChecksumAlgorithm.SHA256, parts);
        ObjectInfo info = multipart().completeMultipartUpload(k, u.uploadId(), MultipartSupport.completed(infos), WritePrecondition.NONE,
                minPart(), Map.of(ChecksumAlgorithm.SHA256, composite.substring(0, composite.lastIndexOf('-'))));
        assertEquals(composite, info.checksums().get(ChecksumAlgorithm.SHA256));
    }

    @Test
    default void anExpectedChecksumOfAnAlgorithmTheUploadLacksIsABadDigest() {
        BlobKey k = key("expected-other");
        MultipartUpload u = startWith(k, ChecksumAlgorithm.CRC32, ChecksumType.FULL_OBJECT);
        List<PartInfo> infos = upload(k, u.uploadId(), List.of(randomBytes(10, 12)));
        assertBlobError(BlobError.BAD_DIGEST, () -> multipart().completeMultipartUpload(k, u.uploadId(), MultipartSupport.completed(infos),
                WritePrecondition.NONE, minPart(), Map.of(ChecksumAlgorithm.CRC32C, "AAAAAA==")));
        assertFalse(multipart().listParts(k, u.uploadId(), 0, 10).parts().isEmpty());
    }

    @Test
    default void uploadLookupNamesAMissingUpload() {
        BlobKey k = key("lookup");
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().upload(k, start(key("other"))));
        String id = start(k);
        assertEquals(ChecksumType.COMPOSITE, multipart().upload(k, id).checksumType(), "the two-argument start keeps composites");
        multipart().abortMultipartUpload(k, id);
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().upload(k, id));
    }

    private void put(BlobKey k, String text) {
        store().write(k, ObjectSource.of(ContractSupport.utf8(text)), WriteOptions.DEFAULTS);
    }
}
