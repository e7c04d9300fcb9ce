package dev.cairn.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one configuration file into flat dotted keys: YAML ({@code .yaml}, {@code .yml}) with
 * nested maps flattened ({@code http: {port: 9000}} → {@code http.port=9000}), or Java
 * properties ({@code .properties}). Values stay text; the binder parses them.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * @throws ConfigException when the file is missing, unreadable, malformed, has an unsupported
     *     extension, or holds a list or a key given twice
     */
    static Map<String, String> read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(null, "config file " + file + " does not exist or is not a regular file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return readYaml(reader, file);
            }
            if (name.endsWith(".properties")) {
                return readProperties(reader);
            }
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read config file " + file + ": " + e.getMessage(), e);
        }
        throw new ConfigException(null, "config file " + file + " must end in .yaml, .yml or .properties");
    }

    private static Map<String, String> readProperties(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k.trim(), p.getProperty(k).trim());
        }
        return out;
    }

    private static Map<String, String> readYaml(Reader reader, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            // SafeConstructor: plain maps, lists and scalars only, never arbitrary classes
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            // SnakeYAML's messages quote the offending line, which could hold a secret: keep only the position
            throw new ConfigException(null, "config file " + file + " is not valid YAML" + position(e));
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root == null) {
            return out;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(null, "config file " + file + " must hold a YAML mapping of keys to values");
        }
        flatten("", map, out, file);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, Path file) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out, file);
            } else if (v instanceof List<?>) {
                throw new ConfigException(key, key + ": lists are not supported (in config file " + file + ")");
            } else if (v != null) {
                if (out.putIfAbsent(key, String.valueOf(v)) != null) {
                    throw new ConfigException(key, key + ": given twice (in config file " + file + ")");
                }
            }
        }
    }

    private static String position(YAMLException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return " (line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1) + ")";
        }
        return "";
    }
}
