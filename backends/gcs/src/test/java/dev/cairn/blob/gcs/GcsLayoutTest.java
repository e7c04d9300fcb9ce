package dev.cairn.blob.gcs;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.testkit.FailingInputStream;
import dev.cairn.blob.testkit.MultipartSupport;
import dev.cairn.fixtures.FakeGcsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store leaves in the GCS bucket, seen with a plain GCS client: the documented layout,
 * metadata as custom metadata, compose trees beyond 32 parts, and no leftovers after completion,
 * abort, staged writes and failed writes.
 */
class GcsLayoutTest {
    private GcsBlobStore store;
    private Storage raw;
    private String prefix;

    @BeforeEach
    void open(@TempDir Path dir) {
        FakeGcsServer server = GcsEmulator.server();
        Map<String, String> settings = GcsEmulator.settings(server, Map.of(GcsBlobStoreProvider.UPLOAD_BUFFER, "16KiB",
                GcsBlobStoreProvider.CHUNK_SIZE, "256KiB"));
        prefix = settings.get(GcsBlobStoreProvider.PREFIX);
        store = (GcsBlobStore) new GcsBlobStoreProvider().open(new BackendSettings(dir, settings));
        raw = StorageOptions.http().setHost(server.endpoint().toString()).setProjectId("test")
                .setCredentials(NoCredentials.getInstance()).build().getService();
        store.createBucket("photos");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        raw.close();
    }

    /** Every object name under the store's prefix, without the prefix. */
    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (Blob b : raw.list(GcsEmulator.GCS_BUCKET, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
            out.add(b.getName().substring(prefix.length()));
        }
        return out;
    }

    @Test
    void objectsKeepTheirNamesUnderTheBucketPrefixWithCairnMetadata() {
        byte[] data = randomBytes(100, 1);
        ObjectInfo info = store.write(new BlobKey("photos", "2026/cat.jpg"), ObjectSource.of(data),
                WriteOptions.DEFAULTS.withContentType("image/jpeg").withUserMetadata(Map.of("owner", "ann"))
                        .withContentHeaders(Map.of("content-encoding", "gzip")));
        assertEquals(List.of("CAIRN/buckets/photos", "photos/2026/cat.jpg"), names());
        Blob blob = raw.get(BlobId.of(GcsEmulator.GCS_BUCKET, prefix + "photos/2026/cat.jpg"));
        assertEquals("image/jpeg", blob.getContentType());
        assertEquals(null, blob.getContentEncoding(), "content headers are not GCS fields (no transcoding)");
        Map<String, String> meta = new TreeMap<>(blob.getMetadata());
        assertEquals(info.etag(), meta.get("cairn-etag"));
        assertEquals(info.blake3(), meta.get("cairn-ck-b3"));
        assertEquals("ann", meta.get("cairn-m-owner"));
        assertEquals("gzip", meta.get("cairn-h-content-encoding"));
    }

    @Test
    void aStagedWriteLeavesNoTemporaryObjectAndAFailedOneLeavesNothing() {
        byte[] big = randomBytes(600_000, 2);
        store.write(new BlobKey("photos", "big"), ObjectSource.of(big), WriteOptions.DEFAULTS);
        assertArrayEquals(big, readAll(store, new BlobKey("photos", "big")));
        assertEquals(List.of("CAIRN/buckets/photos", "photos/big"), names());

        FailingInputStream broken = new FailingInputStream(randomBytes(600_000, 3), 400_000);
        assertBlobError(BlobError.INTERNAL, () -> store.write(new BlobKey("photos", "broken"), new ObjectSource(broken, 600_000),
                WriteOptions.DEFAULTS));
        WriteOptions wrongB3 = WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.B3, "0".repeat(64));
        assertBlobError(BlobError.BAD_DIGEST, () -> store.write(new BlobKey("photos", "big"), ObjectSource.of(randomBytes(600_000, 4)), wrongB3));
        assertArrayEquals(big, readAll(store, new BlobKey("photos", "big")), "the previous version stays");
        assertEquals(List.of("CAIRN/buckets/photos", "photos/big"), names(), "no temporary or half-written object");
    }

    @Test
    void seventyPartsComposeThroughIntermediatesAndCompletionLeavesOnlyTheObject() {
        BlobKey k = new BlobKey("photos", "many");
        String id = store.createMultipartUpload(k, WriteOptions.DEFAULTS).uploadId();
        List<byte[]> parts = new ArrayList<>();
        List<PartInfo> infos = new ArrayList<>();
        for (int n = 1; n <= 70; n++) {
            byte[] p = randomBytes(100 + n, n);
            parts.add(p);
            infos.add(store.uploadPart(k, id, n, ObjectSource.of(p), WriteOptions.DEFAULTS));
        }
        assertEquals(71, names().stream().filter(n -> n.startsWith("CAIRN/uploads/photos/" + id)).count(), "marker + 70 parts");
        ObjectInfo done = store.completeMultipartUpload(k, id, MultipartSupport.completed(infos), WritePrecondition.NONE, 1);
        assertArrayEquals(MultipartSupport.concat(parts), readAll(store, k));
        assertEquals(MultipartSupport.expectedEtag(parts), done.etag());
        assertEquals(MultipartSupport.expectedBlake3(parts), done.blake3());
        assertEquals(70, done.partCount());
        assertEquals(List.of("CAIRN/buckets/photos", "photos/many"), names());
    }

    @Test
    void abortDeletesThePartsAndKeepsATombstone() {
        BlobKey k = new BlobKey("photos", "dropped");
        String id = store.createMultipartUpload(k, WriteOptions.DEFAULTS).uploadId();
        store.uploadPart(k, id, 1, ObjectSource.of(randomBytes(10, 1)), WriteOptions.DEFAULTS);
        store.abortMultipartUpload(k, id);
        assertEquals(List.of("CAIRN/buckets/photos", "CAIRN/uploads/photos/" + id), names());
        store.deleteBucket("photos");
        assertTrue(names().isEmpty(), names().toString());
    }
}
