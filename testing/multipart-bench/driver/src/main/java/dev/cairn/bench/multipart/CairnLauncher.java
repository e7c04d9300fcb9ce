package dev.cairn.bench.multipart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cairn as {@code ./cairn} runs it ({@code dev.cairn.server.Main}), local backend on a fresh data
 * directory, with fixed credentials and any further settings (e.g. {@code local.fsync=false}),
 * which win over the defaults set here. Public for the performance rig, which starts the runnable
 * jar itself ({@link #ofJar}).
 */
public final class CairnLauncher implements ServerLauncher {
    /** The OAP write token every Cairn started here accepts, unless the settings name another. */
    public static final String OAP_WRITE_TOKEN = "multipart-bench-oap-token";
    private static final String MAIN = "dev.cairn.server.Main";

    /** What follows the JVM options on the command line: {@code -cp CP MAIN} or {@code -jar JAR}. */
    private final List<String> launch;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;

    /** Runs {@code java OPTIONS -cp CLASSPATH dev.cairn.server.Main --key=value…}. */
    public CairnLauncher(String classpath, List<String> jvmOptions, Map<String, String> settings) {
        this(List.of("-cp", classpath, MAIN), jvmOptions, settings);
    }

    private CairnLauncher(List<String> launch, List<String> jvmOptions, Map<String, String> settings) {
        this.launch = List.copyOf(launch);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = Map.copyOf(settings);
    }

    /** Runs {@code java OPTIONS -jar JAR --key=value…}, the runnable jar {@code ./cairn} starts. */
    public static CairnLauncher ofJar(Path jar, List<String> jvmOptions, Map<String, String> settings) {
        return new CairnLauncher(List.of("-jar", jar.toString()), jvmOptions, settings);
    }

    @Override
    public ServerProcess start(Path runDir, int port) {
        Map<String, String> flags = new TreeMap<>();
        flags.put("http.host", "127.0.0.1");
        flags.put("http.port", Integer.toString(port));
        flags.put("backend", "local");
        flags.put("data.dir", runDir.resolve("data").toString());
        flags.put("access-key", ACCESS_KEY);
        flags.put("secret-key", SECRET_KEY);
        flags.put("oap.write-token", OAP_WRITE_TOKEN);
        flags.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(ServerLauncher.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(launch);
        flags.forEach((key, value) -> command.add("--" + key + "=" + value));
        return ServerProcess.start("Cairn", command, runDir, port, runDir.resolve("server.log"));
    }
}
