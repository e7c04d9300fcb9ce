package dev.cairn.compat;

import dev.cairn.fixtures.FakeGcsServer;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a lane on another backend than the one it names: with the system property
 * {@code cairn.compat.backend=gcs} (the {@code gcs-lane} surefire execution in sdk-compat/pom.xml)
 * every gateway the lanes start stores into fake-gcs-server, each under its own prefix of one
 * emulator bucket. Without the property a lane runs on the backend it names.
 */
final class BackendLane {
    static final String PROPERTY = "cairn.compat.backend";
    private static final String GCS_BUCKET = "cairn-compat";
    private static boolean gcsBucketCreated;

    private BackendLane() {
    }

    /** The backend to run: the override if set, else {@code declared}. */
    static String backend(String declared) {
        String override = System.getProperty(PROPERTY);
        return override == null || override.isBlank() ? declared : override.trim();
    }

    /**
     * The settings {@code backend} needs beyond the lane's own.
     *
     * @throws IllegalStateException when the backend's peer server cannot be installed or started
     *     (the lane fails, naming the missing step)
     */
    static Map<String, String> settings(String backend) {
        if (!backend.equals("gcs")) {
            return Map.of();
        }
        FakeGcsServer server = gcsServer();
        return Map.of("gcs.bucket", GCS_BUCKET, "gcs.prefix", "compat-" + UUID.randomUUID() + "/",
                "gcs.endpoint", server.endpoint().toString(), "gcs.credentials", "none");
    }

    private static synchronized FakeGcsServer gcsServer() {
        FakeGcsServer server = FakeGcsServer.shared();
        if (!gcsBucketCreated) {
            server.createBucket(GCS_BUCKET);
            gcsBucketCreated = true;
        }
        return server;
    }
}
