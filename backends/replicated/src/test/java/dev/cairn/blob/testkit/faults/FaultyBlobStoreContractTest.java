package dev.cairn.blob.testkit.faults;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import java.util.Map;

/**
 * With no fault set, {@link FaultyBlobStore} over memory passes the whole contract, multipart
 * included: it is transparent and keeps multipart (docs/adr/0010). Lives here, not in the testkit,
 * because the testkit cannot depend on a store whose own tests depend on the testkit.
 */
class FaultyBlobStoreContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {

    @Override
    protected BlobStore createStore(Path tempDir) {
        return FaultyBlobStore.wrap(new MemoryBlobStoreProvider().open(new BackendSettings(tempDir, Map.of())), new Faults());
    }
}
