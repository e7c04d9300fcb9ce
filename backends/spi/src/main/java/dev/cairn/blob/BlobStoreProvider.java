package dev.cairn.blob;

/**
 * Creates a {@link BlobStore} from settings. Each backend module registers one provider under
 * {@code META-INF/services/dev.cairn.blob.BlobStoreProvider}; the server finds it by
 * {@link #name()} with {@link java.util.ServiceLoader}.
 */
public interface BlobStoreProvider {

    /** The backend's name as written in configuration ({@code backend: local}). */
    String name();

    /** The settings this backend reads, with their defaults, for {@code --help} and validation. */
    java.util.List<BackendSettings.Option> options();

    /**
     * Opens a store.
     *
     * @throws IllegalArgumentException naming the setting, when a setting is invalid
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when the medium cannot be reached
     */
    BlobStore open(BackendSettings settings);
}
