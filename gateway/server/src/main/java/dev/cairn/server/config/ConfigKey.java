package dev.cairn.server.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key, declared once: its dotted name, default (null when unset by default),
 * type, description, whether its value is a secret, and an optional short environment variable
 * ({@code CAIRN_RF} for {@code replication.rf}). The environment variable names, the
 * {@code --help} line and validation all derive from this declaration.
 *
 * @param envAlias a second environment variable for the key, or null
 */
public record ConfigKey(String key, String defaultValue, ValueType type, String description, boolean secret, String envAlias) {

    private static final String ENV_PREFIX = "CAIRN_";

    public ConfigKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!key.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("configuration keys are lower-case words joined by '.' or '-': " + key);
        }
    }

    static ConfigKey of(String key, String defaultValue, ValueType type, String description) {
        return new ConfigKey(key, defaultValue, type, description, false, null);
    }

    static ConfigKey secret(String key, String description) {
        return new ConfigKey(key, null, ValueType.STRING, description, true, null);
    }

    /** This key, also read from the environment variable {@code alias} (e.g. {@code CAIRN_RF}). */
    ConfigKey withEnvAlias(String alias) {
        if (!alias.startsWith(ENV_PREFIX)) {
            throw new IllegalArgumentException("environment aliases start with " + ENV_PREFIX + ": " + alias);
        }
        return new ConfigKey(key, defaultValue, type, description, secret, alias);
    }

    /** This key under another name with no default: a replica's copy of a storage key ({@code replica.a.local.dir}). */
    ConfigKey renamed(String newKey, String newDescription) {
        return new ConfigKey(newKey, null, type, newDescription, secret, null);
    }

    /** {@code CAIRN_} + the key in upper case with {@code .} and {@code -} turned into {@code _}: {@code http.port} → {@code CAIRN_HTTP_PORT}. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
