package dev.cairn.blob.memory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole contract, multipart included, through a plain {@link ForwardingBlobStore} decorator
 * made capability-preserving with {@link ForwardingMultipartBlobStore#preserving}: the shape of a
 * decorator that changes only object calls (a read cache). Object calls must still pass through
 * the decorator.
 */
class PreservingDecoratorContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
    private final AtomicInteger decoratedStats = new AtomicInteger();

    @Override
    protected BlobStore createStore(Path tempDir) {
        BlobStore memory = memory(tempDir);
        return ForwardingMultipartBlobStore.preserving(counting(memory), memory);
    }

    private static BlobStore memory(Path dir) {
        return new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of()));
    }

    private ForwardingBlobStore counting(BlobStore inner) {
        return new ForwardingBlobStore(inner) {
            @Override
            public dev.cairn.blob.ObjectInfo stat(dev.cairn.blob.BlobKey key) {
                decoratedStats.incrementAndGet();
                return super.stat(key);
            }
        };
    }

    @Test
    void objectCallsStillGoThroughTheDecorator(@TempDir Path dir) {
        BlobStore store = createStore(dir);
        store.createBucket("b");
        assertThrows(dev.cairn.blob.BlobStoreException.class, () -> store.stat(new dev.cairn.blob.BlobKey("b", "k")));
        assertTrue(decoratedStats.get() > 0, "stat bypassed the decorator");
    }

    @Test
    void aStoreWithoutMultipartStaysWithoutIt(@TempDir Path dir) {
        // a plain ForwardingBlobStore hides multipart: the stand-in for a store without it
        BlobStore plain = new ForwardingBlobStore(memory(dir)) {
        };
        BlobStore decorator = counting(plain);
        assertSame(decorator, ForwardingMultipartBlobStore.preserving(decorator, plain));
        assertFalse(ForwardingMultipartBlobStore.preserving(decorator, plain) instanceof SupportsMultipart);
    }

    @Test
    void aMultipartDecoratorIsReturnedAsItIs(@TempDir Path dir) {
        BlobStore memory = memory(dir);
        BlobStore decorator = new ForwardingMultipartBlobStore(memory) {
        };
        assertSame(decorator, ForwardingMultipartBlobStore.preserving(decorator, memory));
    }

    @Test
    void aMultipartDecoratorNeedsAMultipartStore(@TempDir Path dir) {
        BlobStore plain = new ForwardingBlobStore(memory(dir)) {
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ForwardingMultipartBlobStore(plain) {
        });
        assertTrue(e.getMessage().contains("does not support multipart"), e.getMessage());
    }
}
