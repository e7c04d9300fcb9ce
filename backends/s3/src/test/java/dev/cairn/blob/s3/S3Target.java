package dev.cairn.blob.s3;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * An S3 server a lane runs against: where it is, its credentials, and one backend bucket that
 * each store opened here shares under its own fresh prefix (so tests never see each other).
 */
record S3Target(String name, URI endpoint, String accessKey, String secretKey, String region, String bucket) {

    /** Creates the backend bucket if needed (with a plain SDK client, not the store under test). */
    S3Target ensureBucket() {
        try (S3Client admin = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build()) {
            try {
                admin.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException e) {
                // made by an earlier test class in this JVM
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 409) {
                    throw e;
                }
            }
        }
        return this;
    }

    /** Settings for a store on this target under a fresh prefix, plus {@code extra}. */
    BackendSettings settings(Path dataDir, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put(S3BlobStoreProvider.BUCKET, bucket);
        m.put(S3BlobStoreProvider.PREFIX, "t-" + UUID.randomUUID() + "/");
        m.put(S3BlobStoreProvider.ENDPOINT, endpoint.toString());
        m.put(S3BlobStoreProvider.REGION, region);
        m.put(S3BlobStoreProvider.PATH_STYLE, "true");
        m.put(S3BlobStoreProvider.ACCESS_KEY_ID, accessKey);
        m.put(S3BlobStoreProvider.SECRET_ACCESS_KEY, secretKey);
        m.putAll(extra);
        return new BackendSettings(dataDir, m);
    }

    BlobStore open(Path dataDir) {
        return new S3BlobStoreProvider().open(settings(dataDir, Map.of()));
    }
}
