package dev.cairn.blob;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The configuration handed to a {@link BlobStoreProvider}: flat string settings with dotted
 * names (e.g. {@code memory.max-bytes}) plus the gateway's data directory. Typed getters fail
 * with an {@link IllegalArgumentException} that names the key, so bad configuration stops the
 * process at start with a clear message.
 */
public final class BackendSettings {
    private final Path dataDir;
    private final Map<String, String> values;

    /** One setting a backend understands. */
    public record Option(String key, String defaultValue, String description) {
    }

    public BackendSettings(Path dataDir, Map<String, String> values) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.values = Map.copyOf(new TreeMap<>(values));
    }

    public Path dataDir() {
        return dataDir;
    }

    public String string(String key, String defaultValue) {
        String v = values.get(key);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    /**
     * A byte size such as {@code 512MiB}, {@code 64KiB}, {@code 1GB} or {@code 4096}.
     *
     * @throws IllegalArgumentException naming the key
     */
    public long size(String key, String defaultValue) {
        String v = string(key, defaultValue);
        try {
            return DataSize.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /**
     * A boolean written {@code true} or {@code false} (any case).
     *
     * @throws IllegalArgumentException naming the key for any other text
     */
    public boolean bool(String key, boolean defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not true or false");
    }

    public Map<String, String> values() {
        return values;
    }
}
