package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Blake3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedingTest {
    @TempDir
    Path dir;

    @Test
    void thePlanHasEachSizeAndDeterministicBytes() {
        List<SeedObject> plan = SeedPlan.of(new int[] {2, 1, 1}, 3);
        assertEquals(7, plan.size());
        assertEquals(List.of("hot-64k-000", "hot-64k-001", "hot-1m-000", "hot-4m-000", "cold-64k-0000", "cold-64k-0001", "cold-64k-0002"),
                plan.stream().map(SeedObject::key).toList());
        assertEquals(List.of(65536, 65536, 1048576, 4194304, 65536, 65536, 65536), plan.stream().map(SeedObject::size).toList());
        assertArrayEquals(plan.get(0).bytes(), SeedPlan.of(new int[] {2, 1, 1}, 3).get(0).bytes());
        assertFalse(java.util.Arrays.equals(plan.get(0).bytes(), plan.get(1).bytes()));
    }

    @Test
    void nginxGetsBothPathStylesAndManifestsTheSimulationsRead() throws Exception {
        List<SeedObject> plan = SeedPlan.of(new int[] {1, 1, 0}, 1);
        Map<Api, Manifest> manifests = StaticSeeder.seed(dir, plan, Integer.MAX_VALUE);
        SeedObject hot = plan.get(0);
        byte[] bytes = hot.bytes();
        String address = "b3:" + Blake3.hex(bytes);
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("bench/hot-64k-000")));
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("o").resolve(address)));
        Path s3 = manifests.get(Api.S3).write(dir.resolve("m/s3.tsv"));
        Path oap = manifests.get(Api.OAP).write(dir.resolve("m/oap.tsv"));
        List<String> s3Lines = Files.readAllLines(s3, StandardCharsets.UTF_8);
        assertEquals(List.of("hot\t65536\t/bench/hot-64k-000", "hot\t1048576\t/bench/hot-1m-000", "cold\t65536\t/bench/cold-64k-0000"), s3Lines);
        assertEquals("hot\t65536\t/o/" + address, Files.readAllLines(oap, StandardCharsets.UTF_8).get(0));
    }

    @Test
    void theOapManifestLeavesOutWhatCairnRefused() {
        List<SeedObject> plan = SeedPlan.of(new int[] {1, 1, 1}, 0);
        Map<Api, Manifest> manifests = StaticSeeder.seed(dir, plan, 1 << 20);
        assertEquals(3, manifests.get(Api.S3).entries().size());
        assertEquals(2, manifests.get(Api.OAP).entries().size());
        assertTrue(manifests.get(Api.OAP).entries().stream().allMatch(e -> e.size() <= 1 << 20));
        assertNotEquals(manifests.get(Api.S3).entries().get(0).path(), manifests.get(Api.OAP).entries().get(0).path());
    }
}
