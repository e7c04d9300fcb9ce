package dev.cairn.compat;

import java.net.URI;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK exactly as an application gets it: default checksum behaviour (WHEN_SUPPORTED, so
 * uploads are aws-chunked with a trailing CRC32), the Apache HTTP client (which sends
 * {@code Expect: 100-continue}), path-style, memory backend.
 */
class JavaSdkDefaultsTest extends JavaSdkLane {
    @Override
    String backend() {
        return "memory";
    }

    @Override
    S3Client client(Gateway gateway) {
        return withCredentials(Gateway.ACCESS_KEY, Gateway.SECRET_KEY);
    }

    @Override
    S3Client withCredentials(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(gateway.endpoint().toString()))
                .region(Region.of(Gateway.REGION))
                .forcePathStyle(true)
                .credentialsProvider(credentials(accessKey, secretKey))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @Override
    S3Presigner presigner(Gateway gateway) {
        return pathStylePresigner(gateway.endpoint());
    }
}
