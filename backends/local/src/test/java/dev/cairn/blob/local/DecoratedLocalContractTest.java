package dev.cairn.blob.local;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/**
 * The local backend's whole contract, multipart included, behind both decorator shapes of
 * docs/adr/0010: a {@link ForwardingMultipartBlobStore} subclass, and a plain
 * {@link ForwardingBlobStore} made capability-preserving.
 */
class DecoratedLocalContractTest {

    private static BlobStore local(Path dir) {
        return LocalBlobStore.open(new LocalConfig(dir, 0, true));
    }

    @Nested
    class MultipartDecorator extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            return new ForwardingMultipartBlobStore(local(tempDir)) {
            };
        }
    }

    @Nested
    class PreservedPlainDecorator extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            BlobStore local = local(tempDir);
            return ForwardingMultipartBlobStore.preserving(new ForwardingBlobStore(local) {
            }, local);
        }
    }
}
