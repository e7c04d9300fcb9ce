package dev.cairn.compat;

import dev.cairn.fixtures.FakeGcsServer;
import dev.cairn.fixtures.LocalStackServer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Which storage backend the gateways of this test JVM use. Unset (the default surefire run),
 * every lane uses the backend it names itself ({@code memory} or {@code local}). With the system
 * property {@value #PROPERTY} set (the per-backend surefire executions in sdk-compat/pom.xml),
 * every {@link Gateway#start} uses that backend instead, against its peer server started once
 * per JVM, so the same lane classes prove each backend end to end:
 * <ul>
 *   <li>{@code s3}: the S3 backend on LocalStack ({@link LocalStackServer#shared()}), one backend
 *       bucket, a fresh prefix per gateway;
 *   <li>{@code gcs}: the GCS backend on fake-gcs-server ({@link FakeGcsServer#shared()}), one
 *       emulator bucket, a fresh prefix per gateway;
 *   <li>{@code replicated}: a replica set of two, {@code [local, s3@LocalStack]} (ADR 0015): the
 *       local replica in the gateway's data directory, the S3 replica as in {@code s3}; every
 *       write goes to both, reads are hedged across them;
 *   <li>further backends add a case to {@link #settings}.
 * </ul>
 */
final class BackendLane {
    static final String PROPERTY = "cairn.compat.backend";
    private static final String S3_BUCKET = "cairn-compat";
    private static final String GCS_BUCKET = "cairn-compat";
    private static boolean gcsBucketCreated;

    private BackendLane() {
    }

    /** The overriding backend, or null when each lane keeps its own. */
    static String override() {
        String v = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() ? null : v;
    }

    /**
     * The gateway settings that select and configure {@code backend} for one gateway.
     *
     * @throws IllegalStateException for a backend this lane mechanism does not know, or when its
     *     peer server cannot be started (naming the missing step)
     */
    static Map<String, String> settings(String backend) {
        Map<String, String> m = new HashMap<>();
        m.put("backend", backend);
        switch (backend) {
            case "memory", "local" -> { }
            case "s3" -> m.putAll(s3());
            case "gcs" -> m.putAll(gcs());
            case "replicated" -> {
                m.remove("backend");
                m.put("replication.replicas", "near,cloud");
                m.put("replica.near.backend", "local");
                m.put("replica.cloud.backend", "s3");
                s3().forEach((k, v) -> m.put("replica.cloud." + k, v));
            }
            default -> throw new IllegalStateException(PROPERTY + "=" + backend
                    + " is not a backend lane (memory, local, s3, gcs, replicated)");
        }
        return m;
    }

    private static Map<String, String> s3() {
        LocalStackServer ls = LocalStackServer.shared();
        ensureBucket(ls);
        return Map.of(
                "s3.bucket", S3_BUCKET,
                // each gateway gets its own namespace, like a fresh data directory
                "s3.prefix", "gw-" + UUID.randomUUID() + "/",
                "s3.endpoint", ls.endpoint().toString(),
                "s3.region", LocalStackServer.REGION,
                "s3.path-style", "true",
                "s3.access-key-id", LocalStackServer.ACCESS_KEY,
                "s3.secret-access-key", LocalStackServer.SECRET_KEY);
    }

    private static Map<String, String> gcs() {
        FakeGcsServer server = gcsServer();
        return Map.of("gcs.bucket", GCS_BUCKET, "gcs.prefix", "gw-" + UUID.randomUUID() + "/",
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

    private static synchronized void ensureBucket(LocalStackServer ls) {
        try (S3Client admin = S3Client.builder().endpointOverride(ls.endpoint()).forcePathStyle(true)
                .region(Region.of(LocalStackServer.REGION)).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStackServer.ACCESS_KEY, LocalStackServer.SECRET_KEY))).build()) {
            admin.createBucket(b -> b.bucket(S3_BUCKET));
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }
}
