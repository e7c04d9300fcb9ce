package dev.cairn.server;

import dev.cairn.server.config.BackendCatalog;
import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.CommandLine;
import dev.cairn.server.config.ConfigException;
import dev.cairn.server.config.ConfigTable;
import dev.cairn.server.config.HelpText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * The command-line entry point. Exit codes: 0 after {@code --help}/{@code --version} or a clean
 * shutdown, 1 when the server cannot start, {@value ConfigException#EXIT_CODE} for bad
 * configuration. Configuration errors print one line, never a stack trace.
 */
public final class Main {
    /** Returned by {@link #run} when the server is up and the caller should wait for it. */
    static final int RUNNING = -1;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Holder holder = new Holder();
        int code = run(args, System.getenv(), System.out, System.err, holder);
        if (code != RUNNING) {
            System.exit(code);
        }
        holder.server.join();
    }

    /** Receives the started server so {@link #main} can wait on it. */
    static final class Holder {
        CairnServer server;
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Holder holder) {
        CairnConfig config;
        try {
            ConfigTable table = ConfigTable.create(BackendCatalog.discover());
            CommandLine commandLine = CommandLine.parse(args, table);
            if (commandLine.help()) {
                out.print(HelpText.render(table));
                return 0;
            }
            if (commandLine.version()) {
                out.println("cairn " + version());
                return 0;
            }
            config = CairnConfig.load(table, commandLine, env);
        } catch (ConfigException e) {
            err.println("cairn: configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        }
        // must run before the first logger is created: slf4j-simple reads its settings once
        LogSetup.apply(config.logging());
        CairnServer server;
        try {
            server = CairnServer.start(config, out, java.util.List.of());
        } catch (ConfigException e) {
            err.println("cairn: configuration error: " + e.getMessage());
            return ConfigException.EXIT_CODE;
        } catch (RuntimeException e) {
            err.println("cairn: cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cairn-shutdown"));
        out.println("Cairn listening on " + server.baseUri() + " (backend " + config.storage().backend()
                + ", data " + config.storage().dataDir().toAbsolutePath().normalize() + ")");
        holder.server = server;
        return RUNNING;
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
