package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.testkit.MultipartSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart uploads fanned out to three memory replicas, and their repair. */
class ReplicatedMultipartTest {
    private static final BlobKey KEY = new BlobKey("b", "mp");
    private static final List<byte[]> PARTS = List.of(randomBytes(5000, 1), randomBytes(5000, 2), randomBytes(1200, 3));

    @TempDir
    Path dir;

    private static ObjectInfo upload(SupportsMultipart mp) {
        String id = mp.createMultipartUpload(KEY, WriteOptions.DEFAULTS.withContentType("video/mp4").withUserMetadata(Map.of("k", "v")))
                .uploadId();
        List<PartInfo> parts = new ArrayList<>();
        for (int n = 1; n <= PARTS.size(); n++) {
            parts.add(mp.uploadPart(KEY, id, n, ObjectSource.of(PARTS.get(n - 1)), WriteOptions.DEFAULTS));
        }
        return mp.completeMultipartUpload(KEY, id, MultipartSupport.completed(parts), WritePrecondition.NONE, 1024);
    }

    @Test
    void everyReplicaHoldsTheSameMultipartEtagAndCompositeBlake3() {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.ALL)) {
            f.store.createBucket("b");
            ObjectInfo done = upload((SupportsMultipart) f.store);
            assertEquals(MultipartSupport.expectedEtag(PARTS), done.etag());
            assertEquals(MultipartSupport.expectedBlake3(PARTS), done.blake3());
            for (int i = 0; i < 3; i++) {
                ObjectInfo copy = f.statOn(i, KEY);
                assertEquals(done.etag(), copy.etag(), "etag on r" + i);
                assertEquals(done.blake3(), copy.blake3(), "b3 on r" + i);
                assertEquals(List.of(5000L, 5000L, 1200L), copy.partSizes());
                assertArrayEquals(MultipartSupport.concat(PARTS), readAll(f.raw.get(i), KEY));
            }
        }
    }

    @Test
    void aReplicaThatMissedTheUploadIsRepairedAsMultipartWithTheSameEtag() throws Exception {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.QUORUM)) {
            f.store.createBucket("b");
            f.faults.get(1).down(true);
            ObjectInfo done = upload((SupportsMultipart) f.store);
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.backends.get(1).stat(KEY));
            f.faults.get(1).down(false);
            ReplicaSetFixture.await("r1 repaired", Duration.ofSeconds(30), () -> ReplicaSetFixture.holds(f.raw.get(1), KEY, done));
            ObjectInfo repaired = f.statOn(1, KEY);
            assertEquals(done.etag(), repaired.etag());
            assertEquals(done.blake3(), repaired.blake3());
            assertEquals(done.partSizes(), repaired.partSizes());
            assertEquals("video/mp4", repaired.contentType());
            assertEquals(Map.of("k", "v"), repaired.userMetadata());
            assertArrayEquals(MultipartSupport.concat(PARTS), readAll(f.raw.get(1), KEY));
        }
    }

    @Test
    void aMalformedUploadIdIsNoSuchUpload() {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.ALL)) {
            f.store.createBucket("b");
            SupportsMultipart mp = (SupportsMultipart) f.store;
            String good = mp.createMultipartUpload(KEY, WriteOptions.DEFAULTS).uploadId();
            assertEquals(4, good.split("\\.", -1).length, good);
            for (String bad : List.of("", "x", good + ".", good.substring(0, good.lastIndexOf('.')), "zz" + good.substring(2),
                    good.replace('.', ':'), good.substring(0, 12) + "...", good + "=")) {
                assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> mp.uploadPart(KEY, bad, 1, ObjectSource.of(new byte[1]), WriteOptions.DEFAULTS));
                assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> mp.abortMultipartUpload(KEY, bad));
            }
            assertTrue(mp.listParts(KEY, good, 0, 10).parts().isEmpty());
        }
    }
}
