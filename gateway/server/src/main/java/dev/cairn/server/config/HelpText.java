package dev.cairn.server.config;

/** Renders {@code --help} from the {@link ConfigTable}: every key with its default and environment variable. */
public final class HelpText {
    private HelpText() {
    }

    public static String render(ConfigTable table) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: cairn [--config FILE] [--KEY=VALUE | --KEY VALUE]...\n\n")
                .append("Cairn: S3-compatible storage gateway and BLAKE3 object API.\n\n")
                .append("Each setting comes from, lowest precedence first: its default, the config file\n")
                .append("(--config FILE or CAIRN_CONFIG; .yaml, .yml or .properties with the same dotted\n")
                .append("keys), its environment variable, a command-line flag.\n")
                .append("Sizes: 4096, 64KiB, 1MiB, 2GB. Durations: 30ms, 10s, 5m, 2h, 7d.\n\n")
                .append("Options:\n")
                .append("  --help                 print this text\n")
                .append("  --version              print the version\n")
                .append("  --config FILE          read settings from FILE (env CAIRN_CONFIG)\n\n");
        for (ConfigKey k : table.keys()) {
            b.append("  --").append(k.key()).append('=').append(k.type().placeholder()).append('\n')
                    .append("        ").append(k.description()).append('\n')
                    .append("        env ").append(k.envName()).append(k.envAlias() == null ? "" : " or " + k.envAlias())
                    .append(", default ").append(shownDefault(k))
                    .append(k.secret() ? ", secret" : "").append('\n');
        }
        b.append("\nReplica sets: replication.replicas lists directories (local replicas) or names;\n")
                .append("a name N is configured by --replica.N.KEY=VALUE (in a file: replica: {N: {KEY: VALUE}}),\n")
                .append("where KEY is backend, data.dir or any backend option. A replica's backend options\n")
                .append("not given fall back to the top-level value.\n");
        b.append("\nBackends: ").append(String.join(", ", table.backends().names())).append('\n');
        return b.toString();
    }

    static String shownDefault(ConfigKey k) {
        if (k.defaultValue() == null) {
            return "(unset)";
        }
        return k.defaultValue().isEmpty() ? "(empty)" : k.defaultValue();
    }
}
