package dev.cairn.gateway.s3;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the S3 API, bound by the server from {@code s3.*} configuration and the credentials.
 *
 * @param region the region Cairn reports (GetBucketLocation, {@code x-amz-bucket-region}) and
 *     accepts in signatures; signatures scoped to another region are still accepted when
 *     {@code strictRegion} is false, because clients default to their own configured region
 * @param strictRegion reject signatures whose credential scope names another region
 * @param virtualHostDomain domain for virtual-hosted-style requests ({@code bucket.<domain>}); null for path-style only
 * @param accessKey the one access key id
 * @param secretKey its secret
 * @param maxPutSize the largest single PutObject body (S3: 5 GiB)
 * @param maxClockSkew how far a header-signed request's time may be from the server's
 */
public record S3Settings(
        String region,
        boolean strictRegion,
        String virtualHostDomain,
        String accessKey,
        String secretKey,
        long maxPutSize,
        Duration maxClockSkew) {

    public static final long DEFAULT_MAX_PUT_SIZE = 5L << 30;

    public S3Settings {
        Objects.requireNonNull(region, "region");
        if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("the S3 API needs an access key and a secret key");
        }
        if (maxPutSize < 1) {
            throw new IllegalArgumentException("s3.max-put-size must be at least 1 byte");
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Settings[region=" + region + ", strictRegion=" + strictRegion + ", virtualHostDomain=" + virtualHostDomain
                + ", accessKey=" + accessKey + ", secretKey=(redacted), maxPutSize=" + maxPutSize + ", maxClockSkew=" + maxClockSkew + "]";
    }
}
