package dev.cairn.compat;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK with checksums only where S3 requires them (plain signed bodies, the setting many
 * S3-compatible stores document), the URL-connection HTTP client, path-style, on the local
 * (filesystem) backend.
 */
class JavaSdkWhenRequiredLocalTest extends JavaSdkLane {
    @Override
    String backend() {
        return "local";
    }

    @Override
    S3Client client(Gateway gateway) {
        return withCredentials(Gateway.ACCESS_KEY, Gateway.SECRET_KEY);
    }

    @Override
    S3Client withCredentials(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(gateway.endpoint())
                .region(Region.of(Gateway.REGION))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(accessKey, secretKey))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    S3Presigner presigner(Gateway gateway) {
        return pathStylePresigner(gateway.endpoint());
    }
}
