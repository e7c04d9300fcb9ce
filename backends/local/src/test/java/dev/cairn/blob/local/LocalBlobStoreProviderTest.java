package dev.cairn.blob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreProvider;
import dev.cairn.blob.Capability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreProviderTest {
    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        BlobStoreProvider provider = ServiceLoader.load(BlobStoreProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("local"))
                .findFirst().orElseThrow();
        assertEquals(LocalBlobStoreProvider.class, provider.getClass());
        assertEquals(3, provider.options().size());
    }

    @Test
    void defaultsUseTheDataDirectoryWithFsyncAndAFloor() {
        LocalConfig config = LocalBlobStoreProvider.config(new BackendSettings(dir, Map.of()));
        assertEquals(dir.toAbsolutePath(), config.root());
        assertEquals(256L << 20, config.minFreeBytes());
        assertTrue(config.fsync());
    }

    @Test
    void settingsOverrideTheDefaults() {
        Path other = dir.resolve("elsewhere");
        BackendSettings settings = new BackendSettings(dir, Map.of(
                "local.dir", other.toString(), "local.min-free", "1MiB", "local.fsync", "false"));
        try (BlobStore store = new LocalBlobStoreProvider().open(settings)) {
            assertTrue(Files.isDirectory(other.resolve("buckets")));
            assertTrue(!store.capabilities().contains(Capability.DURABLE));
            assertEquals("local", store.id());
        }
    }

    @Test
    void badSettingsFailNamingTheKey() {
        IllegalArgumentException fsync = assertThrows(IllegalArgumentException.class, () -> LocalBlobStoreProvider.config(
                new BackendSettings(dir, Map.of("local.fsync", "sometimes"))));
        assertTrue(fsync.getMessage().contains("local.fsync"), fsync.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> LocalBlobStoreProvider.config(
                new BackendSettings(dir, Map.of("local.min-free", "lots"))));
        assertTrue(size.getMessage().contains("local.min-free"), size.getMessage());
    }
}
