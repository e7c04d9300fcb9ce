package dev.cairn.blob.memory;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole contract through a {@link ForwardingBlobStore} that overrides nothing: every SPI
 * method, defaults included, must reach the store underneath unchanged.
 */
class ForwardingBlobStoreContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract {

    @Override
    protected BlobStore createStore(Path tempDir) {
        return new ForwardingBlobStore(new MemoryBlobStoreProvider().open(new BackendSettings(tempDir, Map.of()))) {
        };
    }
}
