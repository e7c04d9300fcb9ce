package dev.cairn.gateway.s3.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of SigV4 verification.
 *
 * @param expectedRegion the only region accepted in credential scopes, or null to accept any
 *     non-empty region string (convenient for a single-site gateway: clients keep whatever
 *     region they were configured with; the region still takes part in the signature)
 * @param maxClockSkew how far a header-signed request's time may be from the server clock, and
 *     how far in the future a presigned URL's {@code X-Amz-Date} may be (S3: 15 minutes)
 * @param signingKeyCacheSize how many derived signing keys to keep (one per secret, day and
 *     region in use)
 */
public record SigV4Settings(String expectedRegion, Duration maxClockSkew, int signingKeyCacheSize) {
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    public static final int DEFAULT_SIGNING_KEY_CACHE_SIZE = 256;

    public SigV4Settings {
        if (expectedRegion != null && expectedRegion.isEmpty()) {
            throw new IllegalArgumentException("expectedRegion must be null (any region) or non-empty");
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
        if (signingKeyCacheSize < 1) {
            throw new IllegalArgumentException("signingKeyCacheSize must be at least 1");
        }
    }

    /** Any region, 15 minutes of skew, 256 cached signing keys. */
    public static SigV4Settings defaults() {
        return new SigV4Settings(null, DEFAULT_MAX_CLOCK_SKEW, DEFAULT_SIGNING_KEY_CACHE_SIZE);
    }

    /** These settings with only {@code region} accepted. */
    public SigV4Settings withExpectedRegion(String region) {
        return new SigV4Settings(region, maxClockSkew, signingKeyCacheSize);
    }
}
