package dev.cairn.blob.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GcsBlobStoreProviderTest {

    private static BackendSettings settings(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new BackendSettings(Path.of("."), m);
    }

    private static void refused(String expectedKey, String... kv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GcsBlobStoreProvider.config(settings(kv)));
        assertTrue(e.getMessage().contains(expectedKey), e.getMessage());
    }

    @Test
    void theServiceLoaderFindsTheProviderUnderItsName() {
        boolean found = false;
        for (BlobStoreProvider p : ServiceLoader.load(BlobStoreProvider.class)) {
            found |= p.name().equals("gcs") && p instanceof GcsBlobStoreProvider;
        }
        assertTrue(found);
    }

    @Test
    void everyOptionIsDeclaredOnceUnderGcs() {
        var keys = new GcsBlobStoreProvider().options().stream().map(BackendSettings.Option::key).toList();
        assertEquals(keys.size(), new java.util.HashSet<>(keys).size());
        assertTrue(keys.stream().allMatch(k -> k.startsWith("gcs.")), keys.toString());
        assertTrue(keys.containsAll(java.util.List.of("gcs.bucket", "gcs.prefix", "gcs.endpoint", "gcs.project")));
    }

    @Test
    void defaultsNeedOnlyABucket() {
        GcsConfig c = GcsBlobStoreProvider.config(settings("gcs.bucket", "my-bucket"));
        assertEquals("my-bucket", c.bucket());
        assertEquals("", c.prefix());
        assertEquals(null, c.endpoint());
        assertFalse(c.anonymous());
        assertEquals(Duration.ofSeconds(5), c.connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.readTimeout());
        assertEquals(4, c.maxAttempts());
        assertEquals(4 << 20, c.uploadBuffer());
        assertEquals(8 << 20, c.chunkSize());
    }

    @Test
    void emulatorSettingsParse() {
        GcsConfig c = GcsBlobStoreProvider.config(settings("gcs.bucket", "b-1", "gcs.prefix", "cairn/", "gcs.endpoint",
                "http://127.0.0.1:4443", "gcs.credentials", "NONE", "gcs.read-timeout", "750ms", "gcs.max-attempts", "1"));
        assertTrue(c.anonymous());
        assertEquals("cairn/", c.prefix());
        assertEquals(Duration.ofMillis(750), c.readTimeout());
        assertEquals(1, c.maxAttempts());
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        refused("gcs.bucket");
        refused("gcs.bucket", "gcs.bucket", "Not_A_Bucket");
        refused("gcs.prefix", "gcs.bucket", "b-1", "gcs.prefix", "no-slash");
        refused("gcs.prefix", "gcs.bucket", "b-1", "gcs.prefix", "/abs/");
        refused("gcs.endpoint", "gcs.bucket", "b-1", "gcs.endpoint", "ftp://x");
        refused("gcs.credentials", "gcs.bucket", "b-1", "gcs.credentials", "maybe");
        refused("gcs.credentials", "gcs.bucket", "b-1", "gcs.credentials", "none");
        refused("gcs.chunk-size", "gcs.bucket", "b-1", "gcs.chunk-size", "100KiB");
        refused("gcs.upload-buffer", "gcs.bucket", "b-1", "gcs.upload-buffer", "1GiB");
        refused("gcs.max-attempts", "gcs.bucket", "b-1", "gcs.max-attempts", "0");
        refused("gcs.read-timeout", "gcs.bucket", "b-1", "gcs.read-timeout", "soon");
    }
}
