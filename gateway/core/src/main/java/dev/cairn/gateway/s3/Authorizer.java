package dev.cairn.gateway.s3;

import dev.cairn.gateway.s3.auth.Principal;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.Access;
import java.util.Set;

/**
 * Decides whether a principal may perform an operation of some {@link Access} on a bucket. The
 * gateway is single-tenant: every authenticated access key may do everything. An anonymous
 * caller may only {@link Access#READ} a bucket configured as public-read, which matches S3's
 * {@code public-read} canned ACL (GetObject, HeadObject, HeadBucket and object listings).
 * Operations marked {@link Access#OWNER} or {@link Access#WRITE} stay closed to anonymous callers.
 */
final class Authorizer {
    private final Set<String> publicReadBuckets;

    Authorizer(Set<String> publicReadBuckets) {
        this.publicReadBuckets = Set.copyOf(publicReadBuckets);
    }

    /**
     * @param bucket the addressed bucket, or null at service scope
     * @throws S3Exception AccessDenied when the principal may not perform the access
     */
    void check(Access access, Principal principal, String bucket) {
        if (!principal.anonymous()) {
            return;
        }
        if (access == Access.READ && bucket != null && publicReadBuckets.contains(bucket)) {
            return;
        }
        throw new S3Exception(S3ErrorCode.AccessDenied, "Access Denied");
    }
}
