package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakDamageTest {
    @TempDir
    Path replica;

    /** A replica laid out as the local backend does: the object's bytes, then a trailer, in {@code <key>@}. */
    private Map<String, Map<String, SeedObject>> layOut(List<SeedObject> objects) throws Exception {
        Map<String, SeedObject> bench = new LinkedHashMap<>();
        Map<String, SeedObject> oap = new LinkedHashMap<>();
        Files.createDirectories(replica.resolve("buckets/bench"));
        Files.createDirectories(replica.resolve("buckets/.oap"));
        for (SeedObject o : objects) {
            byte[] bytes = o.bytes();
            Files.write(replica.resolve("buckets/bench/" + o.key() + "@"), concat(bytes, "trailer".getBytes()));
            String address = SeedObject.address(bytes);
            Files.write(replica.resolve("buckets/.oap/" + address.replace(":", "%3A") + "@"), concat(bytes, "trailer".getBytes()));
            bench.put(o.key(), o);
            oap.put(address, o);
        }
        // a write made by the workload, not seeded: never a victim
        Files.write(replica.resolve("buckets/bench/w-1-1@"), new byte[10]);
        return Map.of("bench", bench, ".oap", oap);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void damagesTheShareAskedForSpreadOverTimeAndSeesRepairs() throws Exception {
        Map<String, Map<String, SeedObject>> seeded = layOut(SeedPlan.of(new int[] {0, 0, 0}, 40));
        // 80 seeded objects (40 over each API); 5% is 4 victims
        try (SoakDamage damage = SoakDamage.choose(replica, seeded, 5, 7)) {
            assertEquals(4, damage.victims().size());
            assertEquals(4, damage.restored());
            damage.start(0, 0.4);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (damage.events().size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<SoakDamage.Event> events = damage.events();
            assertEquals(4, events.size());
            assertTrue(events.stream().allMatch(SoakDamage.Event::done), events.toString());
            assertEquals(2, events.stream().filter(e -> e.action().equals("delete")).count());
            assertEquals(0, damage.restored());
            for (SoakDamage.Victim v : damage.victims()) {
                Files.write(v.file(), concat(v.bytes(), "new trailer".getBytes())); // what the repair worker does
            }
            assertEquals(4, damage.restored());
        }
    }

    @Test
    void atLeastOneVictimAndNoneWithZero() throws Exception {
        Map<String, Map<String, SeedObject>> seeded = layOut(SeedPlan.of(new int[] {1, 0, 0}, 1));
        assertEquals(1, SoakDamage.choose(replica, seeded, 0.1, 1).victims().size());
        assertEquals(0, SoakDamage.choose(replica, seeded, 0, 1).victims().size());
    }

    @Test
    void aReplicaWithoutTheSeededObjectsIsAnError(@TempDir Path empty) {
        Map<String, Map<String, SeedObject>> seeded = Map.of("bench", Map.of("hot-64k-000", SeedPlan.of(new int[] {1, 0, 0}, 0).get(0)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SoakDamage.choose(empty, seeded, 1.5, 1));
        assertTrue(e.getMessage().contains("layout"), e.getMessage());
    }
}
