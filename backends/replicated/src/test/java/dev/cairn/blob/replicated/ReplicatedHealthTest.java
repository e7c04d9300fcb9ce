package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening rules, readiness, capabilities and the multipart interface of the replicated store. */
class ReplicatedHealthTest {
    @TempDir
    Path dir;

    @Test
    void rfMustEqualTheNumberOfReplicasAndNamesMustBeUnique() {
        List<Replica> two = ReplicaStores.memoryReplicas(dir, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicaStores.open(two, ReplicaStores.settings(3, WritePolicy.ALL)));
        assertTrue(e.getMessage().contains("rf (3)"), e.getMessage());
        BlobStore m = ReplicaStores.memory(dir.resolve("x"));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> ReplicaStores.open(
                List.of(new Replica("a", m), new Replica("a", ReplicaStores.memory(dir.resolve("y")))), ReplicaStores.settings(2, WritePolicy.ALL)));
        assertTrue(dup.getMessage().contains("duplicate"), dup.getMessage());
    }

    @Test
    void notReadyUntilTheRepairWorkersRunAndAfterClose() {
        ReplicationSettings settings = ReplicaStores.settings(2, WritePolicy.ALL);
        ReplicaSet set = new ReplicaSet(ReplicaStores.memoryReplicas(dir, 2));
        Background background = new Background();
        ReplicaCalls calls = new ReplicaCalls(set, background.writes());
        RepairQueue queue = new RepairQueue(10, 2, new ReplicationMetrics(new SimpleMeterRegistry()));
        ReplicatedStore store = new ReplicatedStore(settings, set, calls, new FanOutWriter(calls, 100), queue,
                new HedgedReads(set.replicas(), settings.hedge(), 1, queue, new SimpleMeterRegistry()), background);
        assertEquals(new HealthReport(false, false, "repair pacer not started"), store.health());
        store.close();

        BlobStore open = ReplicaStores.open(ReplicaStores.memoryReplicas(dir.resolve("o"), 2), settings);
        assertTrue(open.health().readable() && open.health().writable(), open.health().detail());
        open.close();
        assertEquals(new HealthReport(false, false, "closed"), open.health());
    }

    @Test
    void quorumStaysWritableWithOneReplicaDownAndAllDoesNot() {
        try (ReplicaSetFixture quorum = ReplicaSetFixture.memory(dir.resolve("q"), 3, WritePolicy.QUORUM);
                ReplicaSetFixture all = ReplicaSetFixture.memory(dir.resolve("a"), 3, WritePolicy.ALL)) {
            quorum.faults.get(1).down(true);
            all.faults.get(1).down(true);
            HealthReport q = quorum.store.health();
            assertTrue(q.readable() && q.writable(), q.detail());
            assertTrue(q.detail().contains("r1"), q.detail());
            HealthReport a = all.store.health();
            assertTrue(a.readable(), a.detail());
            assertFalse(a.writable(), a.detail());
            quorum.faults.get(2).down(true);
            HealthReport q2 = quorum.store.health();
            assertFalse(q2.readable(), "one replica cannot answer 404 for a quorum set: " + q2.detail());
            assertFalse(q2.writable());
            assertEquals(0, quorum.registry.get("replica.up").tag("replica", "r2").gauge().value());
            assertEquals(1, quorum.registry.get("replica.up").tag("replica", "r0").gauge().value());
        }
    }

    @Test
    void capabilitiesAreTheIntersectionAndMultipartNeedsEveryReplica() {
        BlobStore withoutIfMatch = new ForwardingBlobStore(ReplicaStores.memory(dir.resolve("p"))) {
            @Override
            public Set<Capability> capabilities() {
                EnumSet<Capability> c = EnumSet.copyOf(super.capabilities());
                c.remove(Capability.WRITE_IF_MATCH);
                return c;
            }
        };
        try (BlobStore set = ReplicaStores.open(List.of(new Replica("m", ReplicaStores.memory(dir.resolve("m"))), new Replica("p", withoutIfMatch)),
                ReplicaStores.settings(2, WritePolicy.ALL))) {
            assertTrue(set.capabilities().contains(Capability.WRITE_IF_ABSENT));
            assertFalse(set.capabilities().contains(Capability.WRITE_IF_MATCH));
            assertFalse(set instanceof SupportsMultipart, "a plain ForwardingBlobStore hides multipart");
            set.createBucket("b");
            BlobKey k = new BlobKey("b", "k");
            set.write(k, ObjectSource.of(utf8("one")), WriteOptions.DEFAULTS);
            assertBlobError(BlobError.UNSUPPORTED, () -> set.write(k, ObjectSource.of(utf8("two")),
                    WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfMatch("x"))));
        }
        try (BlobStore set = ReplicaStores.open(ReplicaStores.memoryReplicas(dir.resolve("all"), 2), ReplicaStores.settings(2, WritePolicy.ALL))) {
            assertTrue(set instanceof SupportsMultipart);
        }
    }
}
