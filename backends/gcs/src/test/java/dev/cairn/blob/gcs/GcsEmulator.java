package dev.cairn.blob.gcs;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.fixtures.FakeGcsServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Stores on the shared fake-gcs-server of this test JVM, each under a fresh prefix of one GCS bucket. */
final class GcsEmulator {
    static final String GCS_BUCKET = "cairn-tests";
    private static boolean bucketCreated;

    private GcsEmulator() {
    }

    static synchronized FakeGcsServer server() {
        FakeGcsServer server = FakeGcsServer.shared();
        if (!bucketCreated) {
            server.createBucket(GCS_BUCKET);
            bucketCreated = true;
        }
        return server;
    }

    /** Settings for a store on {@code server}, isolated by a random prefix, plus {@code extra}. */
    static Map<String, String> settings(FakeGcsServer server, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>();
        s.put(GcsBlobStoreProvider.BUCKET, GCS_BUCKET);
        s.put(GcsBlobStoreProvider.PREFIX, "t-" + UUID.randomUUID() + "/");
        s.put(GcsBlobStoreProvider.ENDPOINT, server.endpoint().toString());
        s.put(GcsBlobStoreProvider.CREDENTIALS, "none");
        s.putAll(extra);
        return s;
    }

    static BlobStore open(Path dataDir, Map<String, String> extra) {
        return new GcsBlobStoreProvider().open(new BackendSettings(dataDir, settings(server(), extra)));
    }
}
