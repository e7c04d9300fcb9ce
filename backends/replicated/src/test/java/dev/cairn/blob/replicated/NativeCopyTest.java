package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When every replica copies natively, a copy is one native copy per replica, not a stream through the gateway. */
class NativeCopyTest {
    private static final BlobKey SRC = new BlobKey("b", "src");
    private static final BlobKey DST = new BlobKey("b", "dst");

    @TempDir
    Path dir;

    /** A memory store that declares NATIVE_COPY and counts the copies it is asked for. */
    private static final class CopyingStore extends ForwardingMultipartBlobStore {
        final AtomicInteger copies = new AtomicInteger();

        CopyingStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public Set<Capability> capabilities() {
            EnumSet<Capability> c = EnumSet.copyOf(super.capabilities());
            c.add(Capability.NATIVE_COPY);
            return c;
        }

        @Override
        public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
            copies.incrementAndGet();
            return super.copy(source, target, sourceConditions, options);
        }
    }

    @Test
    void everyReplicaCopiesOnceAndAPreconditionIsDecidedByTheAuthority() {
        List<CopyingStore> stores = new ArrayList<>();
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stores.add(new CopyingStore(ReplicaStores.memory(dir.resolve("m" + i))));
            replicas.add(new Replica("r" + i, stores.get(i)));
        }
        try (BlobStore set = ReplicaStores.open(replicas, ReplicaStores.settings(3, WritePolicy.ALL))) {
            assertTrue(set.capabilities().contains(Capability.NATIVE_COPY));
            set.createBucket("b");
            set.write(SRC, ObjectSource.of(utf8("payload")), WriteOptions.DEFAULTS.withContentType("text/plain"));
            ObjectInfo copied = set.copy(SRC, DST, ReadOptions.WHOLE, WriteOptions.DEFAULTS);
            for (CopyingStore s : stores) {
                assertEquals(1, s.copies.get());
                assertEquals(copied.etag(), s.stat(DST).etag());
                assertEquals("text/plain", s.stat(DST).contentType());
                assertArrayEquals(utf8("payload"), readAll(s, DST));
            }
            assertBlobError(BlobError.PRECONDITION_FAILED, () -> set.copy(SRC, DST, ReadOptions.WHOLE,
                    WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent())));
            assertEquals(2, stores.get(0).copies.get(), "the authority decided");
            assertEquals(1, stores.get(1).copies.get(), "the others were not asked");
            assertBlobError(BlobError.NO_SUCH_KEY, () -> set.copy(new BlobKey("b", "missing"), DST, ReadOptions.WHOLE, WriteOptions.DEFAULTS));
        }
    }
}
