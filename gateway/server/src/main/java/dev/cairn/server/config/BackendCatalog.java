package dev.cairn.server.config;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The storage backends on the class path, found with {@link ServiceLoader}. Their names are the
 * valid values of the {@code backend} key and their options become configuration keys.
 */
public final class BackendCatalog {
    private final Map<String, BlobStoreProvider> providers;

    private BackendCatalog(Map<String, BlobStoreProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /**
     * The providers registered under {@code META-INF/services/dev.cairn.blob.BlobStoreProvider}.
     *
     * @throws IllegalStateException when two providers claim the same name
     */
    public static BackendCatalog discover() {
        Map<String, BlobStoreProvider> found = new TreeMap<>();
        for (BlobStoreProvider p : ServiceLoader.load(BlobStoreProvider.class, BackendCatalog.class.getClassLoader())) {
            BlobStoreProvider previous = found.putIfAbsent(p.name(), p);
            if (previous != null) {
                throw new IllegalStateException("two storage backends are named '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new BackendCatalog(found);
    }

    /** Backend names, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** Every option of every backend, as configuration keys (typed as text: the provider validates them when it opens). */
    List<ConfigKey> optionKeys() {
        List<ConfigKey> keys = new ArrayList<>();
        for (BlobStoreProvider p : providers.values()) {
            for (BackendSettings.Option o : p.options()) {
                String description = o.description() + " (backend " + p.name() + ")";
                // a backend's credential (e.g. s3.secret-access-key) is never echoed in errors or help
                keys.add(o.key().contains("secret") ? ConfigKey.secret(o.key(), description)
                        : ConfigKey.of(o.key(), o.defaultValue(), ValueType.STRING, description));
            }
        }
        return keys;
    }

    /**
     * Opens the store configured in {@code storage}.
     *
     * @throws ConfigException naming {@code backend} when no provider has that name, or naming the
     *     setting when the provider rejects a setting
     * @throws dev.cairn.blob.BlobStoreException when the provider cannot reach its medium
     */
    public BlobStore open(CairnConfig.Storage storage) {
        BlobStoreProvider provider = providers.get(storage.backend());
        if (provider == null) {
            throw new ConfigException("backend", unknownBackendMessage(storage.backend()));
        }
        try {
            return provider.open(new BackendSettings(storage.dataDir(), storage.settings()));
        } catch (IllegalArgumentException e) {
            // BackendSettings and providers name the key in the message (contract of BlobStoreProvider.open)
            throw new ConfigException(null, "invalid " + provider.name() + " backend setting: " + e.getMessage(), e);
        }
    }

    String unknownBackendMessage(String name) {
        return "backend: unknown storage backend '" + name + "'; known backends: "
                + (providers.isEmpty() ? "(none on the class path)" : String.join(", ", providers.keySet()));
    }

    boolean has(String name) {
        return providers.containsKey(name);
    }
}
