package dev.cairn.blob.memory;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;

/**
 * The whole contract, multipart included, through a {@link ForwardingMultipartBlobStore} that
 * overrides nothing: the shape of a decorator that intercepts multipart calls.
 */
class ForwardingMultipartContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {

    @Override
    protected BlobStore createStore(Path tempDir) {
        return new ForwardingMultipartBlobStore(new MemoryBlobStoreProvider().open(new BackendSettings(tempDir, java.util.Map.of()))) {
        };
    }
}
