package dev.cairn.blob.local;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;

/** The shared BlobStore contract, plus both conditional writes and multipart uploads, against the local backend. */
class LocalBlobStoreContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
    @Override
    protected BlobStore createStore(Path tempDir) {
        return LocalBlobStore.open(new LocalConfig(tempDir, 0, true));
    }
}
