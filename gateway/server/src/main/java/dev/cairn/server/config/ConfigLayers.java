package dev.cairn.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Accumulates raw settings layer by layer, later layers winning, and rejects unknown keys in the
 * layers where they cannot be a stranger's variable (file, flags, explicit maps). A blank value
 * counts as not given, so {@code CAIRN_ACCESS_KEY=} leaves the lower layers in force.
 */
final class ConfigLayers {
    private final ConfigTable table;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    ConfigLayers(ConfigTable table) {
        this.table = table;
        for (ConfigKey k : table.keys()) {
            if (k.defaultValue() != null) {
                settings.put(k.key(), new Setting(k.defaultValue(), Setting.DEFAULT));
            }
        }
    }

    /** @throws ConfigException for a key not in the table */
    void overlay(Map<String, String> values, Function<String, String> sourceOf) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (table.find(key) == null) {
                throw new ConfigException(key, "unknown configuration key '" + key + "' (in " + sourceOf.apply(key) + "; see --help)");
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                settings.put(key, new Setting(e.getValue().trim(), sourceOf.apply(key)));
            }
        }
    }

    /**
     * Reads the variable of each known key, and its short alias if it has one; other
     * {@code CAIRN_*} variables are ignored on purpose.
     *
     * @throws ConfigException when a key's variable and its alias are both set to different values
     */
    void overlayEnvironment(Map<String, String> env) {
        for (ConfigKey k : table.keys()) {
            String v = env.get(k.envName());
            String alias = k.envAlias() == null ? null : env.get(k.envAlias());
            boolean hasValue = v != null && !v.isBlank();
            boolean hasAlias = alias != null && !alias.isBlank();
            if (hasValue && hasAlias && !v.trim().equals(alias.trim())) {
                throw new ConfigException(k.key(), k.envName() + " and " + k.envAlias() + " are both set, to different values; set one");
            }
            if (hasValue) {
                settings.put(k.key(), new Setting(v.trim(), "environment variable " + k.envName()));
            } else if (hasAlias) {
                settings.put(k.key(), new Setting(alias.trim(), "environment variable " + k.envAlias()));
            }
        }
    }

    void overlaySettings(Map<String, Setting> flags) {
        flags.forEach((key, s) -> {
            if (s.value() != null && !s.value().isBlank()) {
                settings.put(key, new Setting(s.value().trim(), s.source()));
            }
        });
    }

    Map<String, Setting> settings() {
        return Collections.unmodifiableMap(settings);
    }
}
