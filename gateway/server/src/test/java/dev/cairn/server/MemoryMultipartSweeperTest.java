package dev.cairn.server;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import java.nio.file.Path;
import java.util.Map;

class MemoryMultipartSweeperTest extends MultipartSweeperContract {
    @Override
    BlobStore openStore() {
        return new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of()));
    }

    @Override
    int manyUploads() {
        return 2_500;
    }
}
