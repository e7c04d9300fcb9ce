package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.WriteOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadMergerTest {
    private static final BlobKey K = new BlobKey("b", "k");

    private static MultipartUpload u(String id, long millis) {
        return new MultipartUpload(K, id, Instant.ofEpochMilli(millis), WriteOptions.DEFAULTS);
    }

    @Test
    void uploadsOfOneKeyArePairedInInitiationOrderWithEmptySlotsForMissingOnes() {
        Map<Integer, List<MultipartUpload>> perReplica = Map.of(
                0, List.of(u("a1", 1000), u("a2", 1010)),
                1, List.of(u("b1", 1001), u("b2", 1011)),
                2, List.of(u("c2", 1012)));
        List<MultipartUpload> merged = UploadMerger.merge(perReplica, 3).stream()
                .sorted(Comparator.comparing(MultipartUpload::uploadId)).toList();
        assertEquals(2, merged.size());
        assertEquals(new CompositeUploadId(1000, List.of("a1", "b1", "")).text(), merged.get(0).uploadId());
        assertEquals(new CompositeUploadId(1010, List.of("a2", "b2", "c2")).text(), merged.get(1).uploadId());
        assertEquals(Instant.ofEpochMilli(1000), merged.get(0).initiated());
    }

    @Test
    void uploadsFurtherApartThanTheWindowAreNotPaired() {
        long late = 1000 + UploadMerger.WINDOW.toMillis() + 1;
        List<MultipartUpload> merged = UploadMerger.merge(Map.of(0, List.of(u("a", 1000)), 1, List.of(u("b", late))), 2);
        assertEquals(2, merged.size());
    }
}
