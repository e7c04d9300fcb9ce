package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeUploadIdTest {
    private static final BlobKey KEY = new BlobKey("b", "k");

    @Test
    void anyReplicaIdRoundTripsIncludingDotsAndEmptySlots() {
        CompositeUploadId id = new CompositeUploadId(0x18f_0000_0000L, List.of("a.b+c/d=", "", "VXBsb2Fk-_~"));
        CompositeUploadId back = CompositeUploadId.parse(id.text(), 3, KEY);
        assertEquals(id, back);
        assertEquals(List.of(0, 2), back.holders());
        assertEquals(3, id.text().chars().filter(c -> c == '.').count(), "one separator per slot: " + id.text());
    }

    @Test
    void theTimePrefixOrdersIdsByInitiation() {
        String early = new CompositeUploadId(1000, List.of("zzz")).text();
        String late = new CompositeUploadId(1001, List.of("aaa")).text();
        assertEquals(-1, Integer.signum(early.compareTo(late)));
    }

    @Test
    void anythingElseIsNoSuchUpload() {
        String good = new CompositeUploadId(5, List.of("x", "y")).text();
        for (String bad : List.of("", good + ".eA", good.substring(0, good.length() - 1) + "=", "00000000000g.eA.eQ", "0000005.eA.eQ",
                "000000000005..", "000000000005.eQ=.eA", "000000000005.eR.eA")) {
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> CompositeUploadId.parse(bad, 2, KEY));
        }
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> CompositeUploadId.parse(null, 2, KEY));
        assertEquals(List.of("x", "y"), CompositeUploadId.parse(good, 2, KEY).slots());
    }
}
