package dev.cairn.blob.s3;

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
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.MultipartContract;
import dev.cairn.blob.testkit.MultipartSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract suite on an S3 target, with the one place S3 legitimately differs: S3 keys are at
 * most 1,024 UTF-8 bytes and the gateway bucket's prefix takes part of that, so a 1,024-byte
 * gateway key is refused as INVALID_ARGUMENT (before any byte is sent) and the longest key that
 * fits round-trips instead. Each lane subclass names its target.
 */
abstract class S3ContractTest extends AbstractBlobStoreContractTest implements MultipartContract {
    /** S3 (and every emulator here) refuses to complete an upload whose non-last parts are under 5 MiB. */
    static final long S3_MIN_PART = 5L << 20;

    @Override
    public long minPart() {
        return S3_MIN_PART;
    }

    /**
     * Cairn refuses the small part under its own minimum as everywhere; under a smaller minimum
     * the target itself still refuses a non-last part under 5 MiB, and the backend reports that
     * as the same ENTITY_TOO_SMALL, with nothing published and the upload intact.
     */
    @Test
    @Override
    public void aPartOtherThanTheLastUnderTheMinimumIsEntityTooSmall() {
        BlobKey k = key("small");
        String id = start(k);
        PartInfo p1 = part(k, id, 1, randomBytes(minPartInt() - 1, 1));
        PartInfo p2 = part(k, id, 2, randomBytes(10, 2));
        assertBlobError(BlobError.ENTITY_TOO_SMALL, () -> complete(k, id, List.of(p1, p2)));
        assertBlobError(BlobError.ENTITY_TOO_SMALL, () -> multipart().completeMultipartUpload(k, id,
                MultipartSupport.completed(List.of(p1, p2)), WritePrecondition.NONE, minPart() - 1));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        assertEquals(2, multipart().listParts(k, id, 0, 1000).parts().size(), "the upload survived both refusals");
    }

    private int room() {
        return ((S3BlobStore) store()).maxKeyBytes(bucket());
    }

    /** A 1,024-byte key is refused without a trace; {@code fitting} cut to the room left round-trips. */
    private void assertTooLongRefusedAndFittingRoundTrips(String tooLong, String unit) {
        assertEquals(1024, tooLong.getBytes(StandardCharsets.UTF_8).length, "test key length");
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> put(store(), key(tooLong), utf8("long")));
        assertEquals(List.of(), listAllKeys(store(), bucket()));
        StringBuilder fitting = new StringBuilder();
        while ((fitting + unit).getBytes(StandardCharsets.UTF_8).length <= room()) {
            fitting.append(unit);
        }
        BlobKey k = key(fitting.toString());
        put(store(), k, utf8("long"));
        assertArrayEquals(utf8("long"), readAll(store(), k));
        assertEquals(List.of(fitting.toString()), listAllKeys(store(), bucket()));
    }

    @Test
    @Override
    public void keyOfExactly1024Utf8BytesAsOneSegment() {
        assertTooLongRefusedAndFittingRoundTrips("k".repeat(1024), "k");
    }

    @Test
    @Override
    public void keyOfExactly1024MultiByteUtf8BytesWithoutSlashes() {
        assertTooLongRefusedAndFittingRoundTrips("\u65e5".repeat(341) + "x", "\u65e5");
    }

    @Test
    @Override
    public void keyOfExactly1024Utf8BytesWithManySlashes() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1024) {
            sb.append("seg/");
        }
        assertTooLongRefusedAndFittingRoundTrips(sb.substring(0, 1023) + "z", "seg/");
    }

    @Test
    @Override
    public void keyOfExactly1024Utf8BytesWithFourByteCharacters() {
        assertTooLongRefusedAndFittingRoundTrips("\ud83d\ude00".repeat(256), "\ud83d\ude00");
    }
}
