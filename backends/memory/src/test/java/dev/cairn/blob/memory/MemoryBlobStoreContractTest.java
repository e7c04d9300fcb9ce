package dev.cairn.blob.memory;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import java.util.Map;

class MemoryBlobStoreContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {

    @Override
    protected BlobStore createStore(Path tempDir) {
        return new MemoryBlobStoreProvider().open(new BackendSettings(tempDir, Map.of()));
    }
}
