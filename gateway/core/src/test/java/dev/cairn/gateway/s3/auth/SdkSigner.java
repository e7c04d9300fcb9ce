package dev.cairn.gateway.s3.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2 signer, configured as its S3 client does. */
final class SdkSigner {
    private final AwsCredentialsIdentity identity;
    private final String region;
    private final Clock clock;

    SdkSigner(String accessKey, String secretKey, String region, Clock clock) {
        this.identity = AwsCredentialsIdentity.create(accessKey, secretKey);
        this.region = region;
        this.clock = clock;
    }

    /** What to sign and how. Null {@code presignFor} means header auth. */
    record Spec(SdkHttpMethod method, String encodedPath, Map<String, List<String>> query, Map<String, String> headers,
            byte[] body, boolean payloadSigning, boolean chunked, ChecksumAlgorithm checksum, Duration presignFor) {
    }

    SignedRequest sign(Spec spec) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(spec.method())
                .protocol("https")
                .host("cairn.example.test")
                .port(443)
                .encodedPath(spec.encodedPath());
        spec.query().forEach(builder::putRawQueryParameter);
        spec.headers().forEach(builder::putHeader);
        if (spec.body() != null) {
            builder.putHeader("Content-Length", Integer.toString(spec.body().length));
        }
        SdkHttpRequest request = builder.build();
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        return signer.sign(r -> {
            r.identity(identity)
                    .request(request)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    // The S3 client's settings: single encoding, no path normalisation.
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, spec.payloadSigning())
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, spec.chunked())
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (spec.body() != null) {
                r.payload(ContentStreamProvider.fromByteArray(spec.body()));
            }
            if (spec.checksum() != null) {
                r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, spec.checksum());
            }
            if (spec.presignFor() != null) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, spec.presignFor());
            }
        });
    }

    /** The signed request as the gateway would see it on the wire. */
    static SignedRequestView view(SdkHttpRequest signed) {
        return new SignedRequestView(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(""), signed.headers());
    }
}
