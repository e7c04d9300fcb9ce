package dev.cairn.server.auth;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gathers every S3 key pair the gateway accepts: the owner's (configured or generated, see
 * {@link CredentialStore}), then {@code s3.credentials}, then the pairs of
 * {@code s3.credentials-file}. A key id may appear only once across all three.
 */
public final class S3KeyRing {
    private S3KeyRing() {
    }

    /**
     * @param owner resolved credentials (every field set)
     * @throws ConfigException naming the key id and where it was given twice, or naming the file
     *     that cannot be read or parsed; never containing a secret
     */
    public static AccessKeys assemble(CairnConfig.Credentials owner, CairnConfig.S3 s3) {
        Map<String, String> others = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        sourceOf.put(owner.accessKey(), "access-key");
        add(others, sourceOf, s3.inlineCredentials(), "s3.credentials");
        if (s3.credentialsFile() != null) {
            add(others, sourceOf, AccessKeyFile.read(s3.credentialsFile()), AccessKeyFile.KEY + " " + s3.credentialsFile());
        }
        try {
            return AccessKeys.create(owner.accessKey(), owner.secretKey(), others);
        } catch (IllegalArgumentException e) {
            // only the owner's pair can get here (the others were checked while parsing); the message names no secret
            throw new ConfigException("access-key", "access-key: " + e.getMessage());
        }
    }

    private static void add(Map<String, String> others, Map<String, String> sourceOf, Map<String, String> pairs, String source) {
        pairs.forEach((id, secret) -> {
            String earlier = sourceOf.putIfAbsent(id, source);
            if (earlier != null) {
                String key = source.startsWith(AccessKeyFile.KEY) ? AccessKeyFile.KEY : source;
                throw new ConfigException(key, key + ": access key id '" + id + "' in " + source + " is already given by " + earlier);
            }
            others.put(id, secret);
        });
    }
}
