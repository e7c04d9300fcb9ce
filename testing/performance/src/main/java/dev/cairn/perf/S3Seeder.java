package dev.cairn.perf;

import dev.cairn.bench.multipart.ServerLauncher;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Seeds a server over S3 with the AWS SDK for Java v2: creates bucket {@code bench} and puts every
 * object. Checksums are sent only when required because S3Proxy 2.6.0 refuses the SDK's default
 * aws-chunked trailing checksums (shared/notes/toolchain.md §3); Cairn takes either.
 */
final class S3Seeder {
    static final String REGION = "us-east-1";

    private S3Seeder() {
    }

    /**
     * @return the manifest of S3 paths
     * @throws software.amazon.awssdk.core.exception.SdkException if the server refuses or fails a request
     */
    static Manifest seed(URI endpoint, List<SeedObject> objects) {
        try (S3Client s3 = client(endpoint)) {
            try {
                s3.createBucket(b -> b.bucket(SeedPlan.BUCKET));
            } catch (BucketAlreadyOwnedByYouException e) {
                // a target seeded twice (e.g. the soak's gateway) keeps its bucket
            }
            Manifest manifest = new Manifest();
            for (SeedObject object : objects) {
                s3.putObject(b -> b.bucket(SeedPlan.BUCKET).key(object.key()), RequestBody.fromBytes(object.bytes()));
                manifest.add(object, Manifest.s3Path(object));
            }
            return manifest;
        }
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ServerLauncher.ACCESS_KEY, ServerLauncher.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }
}
