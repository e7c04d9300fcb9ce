package dev.cairn.blob.gcs;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The real-GCS lane: the whole contract suite against an actual bucket, switched on by
 * {@code CAIRN_IT_GCS_BUCKET} (credentials from the application-default chain, e.g.
 * {@code GOOGLE_APPLICATION_CREDENTIALS}; {@code CAIRN_IT_GCS_PROJECT} optional). Each test works
 * under a fresh {@code cairn-it/<uuid>/} prefix; a lifecycle rule deleting {@code cairn-it/} after a
 * day cleans up (docs/backends.md). A 16 KiB upload buffer sends larger bodies through the staged
 * compose path, whose preconditions the emulator cannot prove.
 */
@EnabledIfEnvironmentVariable(named = "CAIRN_IT_GCS_BUCKET", matches = ".+",
        disabledReason = "real-GCS lane off: set CAIRN_IT_GCS_BUCKET and GOOGLE_APPLICATION_CREDENTIALS to run it (docs/backends.md)")
class GcsRealContractTest extends GcsBlobStoreContractTest {

    @Override
    protected BlobStore createStore(Path tempDir) {
        Map<String, String> s = new HashMap<>();
        s.put(GcsBlobStoreProvider.BUCKET, System.getenv("CAIRN_IT_GCS_BUCKET"));
        s.put(GcsBlobStoreProvider.PREFIX, "cairn-it/" + UUID.randomUUID() + "/");
        String project = System.getenv("CAIRN_IT_GCS_PROJECT");
        if (project != null && !project.isBlank()) {
            s.put(GcsBlobStoreProvider.PROJECT, project);
        }
        s.put(GcsBlobStoreProvider.UPLOAD_BUFFER, "16KiB");
        s.put(GcsBlobStoreProvider.CHUNK_SIZE, "256KiB");
        return new GcsBlobStoreProvider().open(new BackendSettings(tempDir, s));
    }
}
