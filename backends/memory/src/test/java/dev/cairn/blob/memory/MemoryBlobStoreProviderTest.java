package dev.cairn.blob.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreProvider;
import dev.cairn.blob.Capability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBlobStoreProviderTest {
    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        List<BlobStoreProvider> found = ServiceLoader.load(BlobStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("memory")).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof MemoryBlobStoreProvider);
    }

    @Test
    void declaresItsOptionWithTheDefault() {
        assertEquals(List.of(new BackendSettings.Option("memory.max-bytes", "256MiB",
                new MemoryBlobStoreProvider().options().get(0).description())), new MemoryBlobStoreProvider().options());
    }

    @Test
    void opensANonDurableStoreWithConditionalWrites() {
        try (BlobStore store = new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of("memory.max-bytes", "1MiB")))) {
            assertEquals("memory", store.id());
            assertEquals(Set.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH), store.capabilities());
        }
    }

    @Test
    void badSizesAreRejectedNamingTheSetting() {
        for (String bad : List.of("lots", "0", "-5", "12 parsecs")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of("memory.max-bytes", bad))), bad);
            assertTrue(e.getMessage().contains("memory.max-bytes"), e.getMessage());
        }
    }

    @Test
    void aCapBeyondTheHeapIsRejected() {
        long beyond = Runtime.getRuntime().maxMemory() + (1L << 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of("memory.max-bytes", Long.toString(beyond)))));
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
    }

    @Test
    void neverTouchesTheDataDirectory() throws Exception {
        try (BlobStore store = new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of()))) {
            store.createBucket("b");
            store.write(new dev.cairn.blob.BlobKey("b", "k"), dev.cairn.blob.ObjectSource.of(new byte[1000]), dev.cairn.blob.WriteOptions.DEFAULTS);
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
