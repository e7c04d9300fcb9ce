package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;

/** The whole contract, multipart and conditional writes included, over three memory replicas written under ALL. */
class ReplicatedALLMemoryContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
    @Override
    protected BlobStore createStore(Path tempDir) {
        return ReplicaStores.open(ReplicaStores.memoryReplicas(tempDir, 3), ReplicaStores.settings(3, WritePolicy.ALL));
    }
}
