package dev.cairn.blob.gcs;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.ConcurrencyContract;
import dev.cairn.blob.testkit.FailureAtomicityContract;
import dev.cairn.blob.testkit.RangeContract;
import dev.cairn.blob.testkit.RoundTripContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write and read contracts with a 16 KiB upload buffer, so every larger body goes through the
 * staged path: a resumable upload into a temporary object finalized only after verification,
 * then a one-source compose that publishes it with its metadata (ADR 0013).
 *
 * <p>The conditional-write races are not repeated here: fake-gcs-server ignores preconditions on
 * compose (it honours them only on uploads), so it cannot prove the staged path's atomicity;
 * GCS documents {@code ifGenerationMatch} on compose, and the real-GCS lane
 * ({@link GcsRealContractTest}) runs the whole suite with this setting.
 */
class GcsStagedWriteTest implements RoundTripContract, RangeContract, FailureAtomicityContract, ConcurrencyContract {
    private BlobStore store;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = GcsEmulator.open(dir, Map.of(GcsBlobStoreProvider.UPLOAD_BUFFER, "16KiB", GcsBlobStoreProvider.CHUNK_SIZE, "256KiB"));
        store.createBucket(bucket());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    public BlobStore store() {
        return store;
    }

    @Override
    public String bucket() {
        return "staged";
    }
}
