package dev.cairn.server.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key, declared once: its dotted name, default (null when unset by default),
 * type, description and whether its value is a secret. The environment variable name, the
 * {@code --help} line and validation all derive from this declaration.
 */
public record ConfigKey(String key, String defaultValue, ValueType type, String description, boolean secret) {

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
        return new ConfigKey(key, defaultValue, type, description, false);
    }

    static ConfigKey secret(String key, String description) {
        return new ConfigKey(key, null, ValueType.STRING, description, true);
    }

    /** {@code CAIRN_} + the key in upper case with {@code .} and {@code -} turned into {@code _}: {@code http.port} → {@code CAIRN_HTTP_PORT}. */
    public String envName() {
        return envName(key);
    }

    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
