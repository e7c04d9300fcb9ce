package dev.cairn.blob.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The multipart fields of the object metadata: part sizes and per-part checksums within S3's 2 KB. */
class MetadataCodecTest {
    private static final BlobKey KEY = new BlobKey("b", "k");
    private static final String SHA = "UsMqPLORmwWKaqTf86qZiLxF3N/Z+tnBoSTVEp8DA5U=";

    private static ObjectInfo roundTrip(List<Long> sizes, List<Map<ChecksumAlgorithm, String>> perPart) {
        Map<String, String> meta = MetadataCodec.encode("e-" + sizes.size(), Map.of(ChecksumAlgorithm.SHA256, SHA + "-" + sizes.size()),
                Map.of(), Map.of("owner", "ann"), sizes, perPart);
        int bytes = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            bytes += (e.getKey() + e.getValue()).getBytes(StandardCharsets.UTF_8).length;
        }
        assertTrue(bytes <= 2048, "S3 allows 2 KB of user metadata: " + bytes);
        return MetadataCodec.decode(KEY, 1, "\"x\"", Instant.EPOCH, "application/octet-stream", meta);
    }

    @Test
    void perPartChecksumsThatFitRoundTrip() {
        List<Map<ChecksumAlgorithm, String>> perPart = Collections.nCopies(3, Map.of(ChecksumAlgorithm.SHA256, SHA));
        ObjectInfo info = roundTrip(List.of(5L << 20, 5L << 20, 7L), perPart);
        assertEquals(List.of(5L << 20, 5L << 20, 7L), info.partSizes());
        assertEquals(perPart, info.partChecksums());
        assertEquals(Map.of("owner", "ann"), info.userMetadata());
    }

    @Test
    void perPartChecksumsBeyondTheBudgetAreDroppedAndTheRestStays() {
        int parts = 1000;
        List<Long> sizes = new ArrayList<>(Collections.nCopies(parts - 1, 8L << 20));
        sizes.add(3L);
        ObjectInfo info = roundTrip(sizes, Collections.nCopies(parts, Map.of(ChecksumAlgorithm.SHA256, SHA)));
        assertEquals(sizes, info.partSizes(), "run-length coded sizes always fit");
        assertEquals(List.of(), info.partChecksums());
        assertEquals(Map.of(), info.partChecksums(1), "a part read then carries no checksum");
        assertEquals(SHA + "-" + parts, info.checksums().get(ChecksumAlgorithm.SHA256));
    }
}
