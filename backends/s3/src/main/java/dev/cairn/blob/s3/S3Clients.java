package dev.cairn.blob.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the one SDK client a store uses. Against AWS the SDK's defaults for checksums apply
 * (WHEN_SUPPORTED: a CRC trailer on every upload). Against an S3-compatible endpoint many servers
 * reject that aws-chunked trailer, so checksums are sent only when an operation requires them and
 * the {@link LegacyMd5Plugin} restores {@code Content-MD5} where such servers expect it
 * (shared/notes/toolchain.md §3). Every body is verified by the gateway before upload anyway.
 */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client build(S3Config c) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .maxConnections(c.maxConnections())
                .connectionTimeout(c.connectTimeout())
                .socketTimeout(c.socketTimeout());
        // the standard strategy backs off (with jitter) on throttling and 5xx answers
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(c.maxAttempts()).build());
        if (!c.apiCallTimeout().isZero()) {
            override.apiCallTimeout(c.apiCallTimeout());
        }
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(http)
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .credentialsProvider(credentials(c))
                .overrideConfiguration(override.build());
        if (c.awsItself()) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED);
        } else {
            b.endpointOverride(c.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        return b.build();
    }

    private static AwsCredentialsProvider credentials(S3Config c) {
        if (c.staticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
