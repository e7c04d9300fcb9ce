package dev.cairn.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed command-line arguments: {@code --help}, {@code --version}, {@code --config FILE} and
 * settings as {@code --key=value} or {@code --key value}. A boolean key may stand alone
 * ({@code --oap.open-writes}) to mean true.
 */
public final class CommandLine {
    private final boolean help;
    private final boolean version;
    private final Path configFile;
    private final Map<String, Setting> settings;

    private CommandLine(boolean help, boolean version, Path configFile, Map<String, Setting> settings) {
        this.help = help;
        this.version = version;
        this.configFile = configFile;
        this.settings = Collections.unmodifiableMap(settings);
    }

    /**
     * @throws ConfigException for an unknown option, a missing value or a stray argument
     */
    public static CommandLine parse(String[] args, ConfigTable table) {
        boolean help = false;
        boolean version = false;
        Path configFile = null;
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--version")) {
                version = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException(null, "unexpected argument '" + arg + "' (options look like --http.port=9000; see --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (table.find(name) != null && table.find(name).type() == ValueType.BOOLEAN) {
                value = "true";
            } else if (name.equals("config") || table.find(name) != null) {
                throw new ConfigException(name, "option --" + name + " needs a value");
            } else {
                value = null;
            }
            if (name.equals("config")) {
                configFile = Path.of(value);
                continue;
            }
            if (table.find(name) == null) {
                throw new ConfigException(name, "unknown option --" + name + " (see --help for the list)");
            }
            settings.put(name, new Setting(value, "command-line flag --" + name));
        }
        return new CommandLine(help, version, configFile, settings);
    }

    public boolean help() {
        return help;
    }

    public boolean version() {
        return version;
    }

    /** The file named by {@code --config}, or null. */
    public Path configFile() {
        return configFile;
    }

    Map<String, Setting> settings() {
        return settings;
    }
}
