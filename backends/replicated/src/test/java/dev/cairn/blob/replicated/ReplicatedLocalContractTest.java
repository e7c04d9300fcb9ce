package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;

/** The whole contract over two local (filesystem) replicas under QUORUM (two of two). */
class ReplicatedLocalContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
    @Override
    protected BlobStore createStore(Path tempDir) {
        return ReplicaStores.open(ReplicaStores.localReplicas(tempDir, 2), ReplicaStores.settings(2, WritePolicy.QUORUM));
    }
}
