package dev.cairn.gateway.s3;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.gateway.s3.route.BucketNames;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the S3 API, bound by the server from {@code s3.*} configuration and the credentials.
 *
 * @param region the region Cairn reports (GetBucketLocation, {@code x-amz-bucket-region}) and
 *     accepts in signatures; signatures scoped to another region are still accepted when
 *     {@code strictRegion} is false, because clients default to their own configured region
 * @param strictRegion reject signatures whose credential scope names another region
 * @param virtualHostDomain domain for virtual-hosted-style requests ({@code bucket.<domain>}); null for path-style only
 * @param accessKeys every accepted access key pair; its owner is the {@code Owner} in listings
 * @param publicReadBuckets buckets anonymous callers may read (objects and listings); copied
 * @param maxPutSize the largest single PutObject body (S3: 5 GiB)
 * @param maxClockSkew how far a header-signed request's time may be from the server's
 * @param minPartSize the smallest multipart part other than the last (S3: 5 MiB)
 * @param maxPartSize the largest UploadPart body or UploadPartCopy range (S3: 5 GiB)
 * @param completeKeepAlive when a slow CompleteMultipartUpload answers 200 early and sends whitespace
 */
public record S3Settings(
        String region,
        boolean strictRegion,
        String virtualHostDomain,
        AccessKeys accessKeys,
        Set<String> publicReadBuckets,
        long maxPutSize,
        Duration maxClockSkew,
        long minPartSize,
        long maxPartSize,
        KeepAlive completeKeepAlive) {

    public static final long DEFAULT_MAX_PUT_SIZE = 5L << 30;
    public static final long DEFAULT_MIN_PART_SIZE = 5L << 20;
    public static final long DEFAULT_MAX_PART_SIZE = 5L << 30;

    /**
     * @throws IllegalArgumentException for a public-read bucket that is not a valid bucket name,
     *     a max put size below one byte, or part size limits where the minimum is below 0 or
     *     above the maximum (or the maximum below one byte)
     */
    public S3Settings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeys, "accessKeys");
        publicReadBuckets = Set.copyOf(publicReadBuckets);
        for (String bucket : publicReadBuckets) {
            String problem = BucketNames.problem(bucket);
            if (problem != null) {
                throw new IllegalArgumentException("public-read bucket '" + bucket + "': " + problem);
            }
        }
        if (maxPutSize < 1) {
            throw new IllegalArgumentException("s3.max-put-size must be at least 1 byte");
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (maxPartSize < 1 || minPartSize < 0 || minPartSize > maxPartSize) {
            throw new IllegalArgumentException("part size limits need 0 <= min <= max and max >= 1");
        }
        Objects.requireNonNull(completeKeepAlive, "completeKeepAlive");
    }

    /**
     * Keep-alive whitespace for operations that may take long (CompleteMultipartUpload), as S3
     * sends it: an answer ready within {@code after} is sent as usual (real error statuses);
     * past it the gateway commits {@code 200}, writes a space every {@code interval} while the
     * work runs, then the result document, or an {@code <Error>} document if the work failed.
     *
     * @param after how long to wait for a normal answer; zero turns keep-alive off
     * @param interval between two spaces; must be shorter than the clients' read timeouts and
     *     the server's idle timeout
     */
    public record KeepAlive(Duration after, Duration interval) {
        /** S3-like: 5 s before committing, then a space every 5 s. */
        public static final KeepAlive DEFAULT = new KeepAlive(Duration.ofSeconds(5), Duration.ofSeconds(5));
        /** Always wait for the whole answer. */
        public static final KeepAlive OFF = new KeepAlive(Duration.ZERO, Duration.ofSeconds(5));

        /** @throws IllegalArgumentException for a negative {@code after} or an {@code interval} not above zero */
        public KeepAlive {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(interval, "interval");
            if (after.isNegative() || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("keep-alive needs after >= 0 and interval > 0");
            }
        }

        public boolean enabled() {
            return !after.isZero();
        }
    }

    /** S3's part size limits (5 MiB to 5 GiB). */
    public S3Settings(String region, boolean strictRegion, String virtualHostDomain, AccessKeys accessKeys, Set<String> publicReadBuckets,
            long maxPutSize, Duration maxClockSkew) {
        this(region, strictRegion, virtualHostDomain, accessKeys, publicReadBuckets, maxPutSize, maxClockSkew, DEFAULT_MIN_PART_SIZE,
                DEFAULT_MAX_PART_SIZE, KeepAlive.DEFAULT);
    }

    /**
     * One key pair and no public buckets.
     *
     * @throws IllegalArgumentException for an empty access key or secret key
     */
    public S3Settings(String region, boolean strictRegion, String virtualHostDomain, String accessKey, String secretKey,
            long maxPutSize, Duration maxClockSkew) {
        this(region, strictRegion, virtualHostDomain, AccessKeys.of(accessKey, secretKey), Set.of(), maxPutSize, maxClockSkew);
    }

    /** The owner's access key id, shown as the {@code Owner} of buckets and objects. */
    public String accessKey() {
        return accessKeys.owner();
    }

    /** These settings with other key pairs and public-read buckets. */
    public S3Settings withAccess(AccessKeys keys, Set<String> publicRead) {
        return new S3Settings(region, strictRegion, virtualHostDomain, keys, publicRead, maxPutSize, maxClockSkew, minPartSize,
                maxPartSize, completeKeepAlive);
    }

    /**
     * These settings with other multipart part size limits (tests use small parts).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public S3Settings withPartSizes(long minPart, long maxPart) {
        return new S3Settings(region, strictRegion, virtualHostDomain, accessKeys, publicReadBuckets, maxPutSize, maxClockSkew, minPart,
                maxPart, completeKeepAlive);
    }

    /** These settings with another keep-alive for slow completions (tests use short ones). */
    public S3Settings withCompleteKeepAlive(KeepAlive keepAlive) {
        return new S3Settings(region, strictRegion, virtualHostDomain, accessKeys, publicReadBuckets, maxPutSize, maxClockSkew,
                minPartSize, maxPartSize, keepAlive);
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "S3Settings[region=" + region + ", strictRegion=" + strictRegion + ", virtualHostDomain=" + virtualHostDomain
                + ", accessKeys=" + accessKeys + ", publicReadBuckets=" + publicReadBuckets + ", maxPutSize=" + maxPutSize
                + ", maxClockSkew=" + maxClockSkew + ", minPartSize=" + minPartSize + ", maxPartSize=" + maxPartSize
                + ", completeKeepAlive=" + completeKeepAlive + "]";
    }
}
