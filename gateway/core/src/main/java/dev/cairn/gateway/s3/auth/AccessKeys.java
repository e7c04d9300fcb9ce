package dev.cairn.gateway.s3.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every access key pair the gateway accepts: the owner's pair (configured or generated on first
 * start) plus any number of further pairs. Immutable and thread-safe; a lookup is one hash-map
 * get. Key ids are not secret (they travel in every request); secrets are compared only through
 * the signatures they produce, in constant time, by the verifier.
 *
 * <p>{@link #toString()} lists the key ids, never a secret.
 */
public final class AccessKeys implements CredentialsLookup {
    private final String owner;
    private final Map<String, String> secrets;

    private AccessKeys(String owner, Map<String, String> secrets) {
        this.owner = owner;
        this.secrets = secrets;
    }

    /** Just the owner's pair. */
    public static AccessKeys of(String ownerKeyId, String ownerSecret) {
        return create(ownerKeyId, ownerSecret, Map.of());
    }

    /**
     * The owner's pair plus {@code others} (key id to secret).
     *
     * @throws IllegalArgumentException for an empty or null key id or secret, a key id that
     *     cannot appear in a SigV4 credential (whitespace, {@code /}, {@code ,}, {@code =}), or a
     *     key id of {@code others} equal to the owner's; the message names the key id, never a secret
     */
    public static AccessKeys create(String ownerKeyId, String ownerSecret, Map<String, String> others) {
        Map<String, String> all = new LinkedHashMap<>();
        put(all, ownerKeyId, ownerSecret);
        for (Map.Entry<String, String> e : others.entrySet()) {
            if (e.getKey() != null && e.getKey().equals(ownerKeyId)) {
                throw new IllegalArgumentException("access key id '" + ownerKeyId + "' is given twice");
            }
            put(all, e.getKey(), e.getValue());
        }
        return new AccessKeys(ownerKeyId, Collections.unmodifiableMap(all));
    }

    private static void put(Map<String, String> all, String keyId, String secret) {
        String problem = keyIdProblem(keyId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("access key id '" + keyId + "' has an empty secret");
        }
        all.put(keyId, secret);
    }

    /**
     * Why {@code keyId} cannot be an access key id, or null when it can. The id is the first field
     * of the SigV4 credential {@code <id>/<date>/<region>/s3/aws4_request} and of the config forms,
     * so it may not contain {@code /}, whitespace, control characters, {@code ,}, {@code =} or {@code :}.
     */
    public static String keyIdProblem(String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            return "an access key id is empty";
        }
        if (keyId.length() > 128) {
            return "access key id '" + keyId.substring(0, 16) + "...' is longer than 128 characters";
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '/' || c == ',' || c == '=' || c == ':') {
                return "access key id '" + keyId.replaceAll("[^\\x21-\\x7e]", "?")
                        + "' may only hold printable ASCII other than '/', ',', '=' and ':'";
            }
        }
        return null;
    }

    /** The owner's key id: the {@code Owner} of every bucket and object in this single-tenant gateway. */
    public String owner() {
        return owner;
    }

    /** Every key id, the owner's first. */
    public Set<String> keyIds() {
        return secrets.keySet();
    }

    @Override
    public String secretKeyFor(String accessKeyId) {
        return accessKeyId == null ? null : secrets.get(accessKeyId);
    }

    @Override
    public String toString() {
        return "AccessKeys[owner=" + owner + ", keyIds=" + secrets.keySet() + ", secrets=(redacted)]";
    }
}
