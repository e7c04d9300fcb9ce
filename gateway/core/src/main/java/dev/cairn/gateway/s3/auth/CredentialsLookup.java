package dev.cairn.gateway.s3.auth;

/**
 * Finds the secret key of an access key id. Implementations must be thread-safe and fast: the
 * verifier calls this once per request.
 */
@FunctionalInterface
public interface CredentialsLookup {
    /** The secret key of {@code accessKeyId}, or null when the id is unknown or disabled. */
    String secretKeyFor(String accessKeyId);
}
