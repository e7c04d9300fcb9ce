package dev.cairn.server.auth;

import dev.cairn.server.config.CairnConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the gateway's credentials: configured values win; missing ones come from
 * {@code <data.dir>/credentials.properties}; whatever is still missing is generated, saved there
 * (mode 0600, written atomically) and printed once to the console. Later starts print only where
 * the credentials were loaded from, never the secrets.
 */
public final class CredentialStore {
    /** The file name under the data directory. */
    public static final String FILE_NAME = "credentials.properties";

    static final String ACCESS_KEY = "access-key";
    static final String SECRET_KEY = "secret-key";
    static final String WRITE_TOKEN = "oap.write-token";

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final CredentialGenerator generator;
    private final PrintStream console;

    /** @param console where generated credentials are shown once (normally {@code System.out}) */
    public CredentialStore(Path dataDir, PrintStream console) {
        this(dataDir, console, new SecureRandom());
    }

    CredentialStore(Path dataDir, PrintStream console, SecureRandom random) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        this.generator = new CredentialGenerator(random);
        this.console = console;
    }

    public Path file() {
        return file;
    }

    /**
     * Completes {@code configured}. When it is already complete the file is not touched.
     *
     * @return credentials with every field set
     * @throws UncheckedIOException when the file cannot be read or written (the message holds no secret)
     */
    public CairnConfig.Credentials resolve(CairnConfig.Credentials configured) {
        if (configured.complete()) {
            return configured;
        }
        Properties stored = Files.exists(file) ? load() : new Properties();
        String accessKey = first(configured.accessKey(), stored.getProperty(ACCESS_KEY));
        String secretKey = first(configured.secretKey(), stored.getProperty(SECRET_KEY));
        String token = first(configured.oapWriteToken(), stored.getProperty(WRITE_TOKEN));
        List<String[]> generated = new ArrayList<>();
        if (accessKey == null) {
            accessKey = generator.accessKey();
            stored.setProperty(ACCESS_KEY, accessKey);
            generated.add(new String[] {"access key", accessKey});
        }
        if (secretKey == null) {
            secretKey = generator.secretKey();
            stored.setProperty(SECRET_KEY, secretKey);
            generated.add(new String[] {"secret key", secretKey});
        }
        if (token == null) {
            token = generator.token();
            stored.setProperty(WRITE_TOKEN, token);
            generated.add(new String[] {"OAP write token", token});
        }
        if (generated.isEmpty()) {
            console.println("credentials loaded from " + file);
        } else {
            save(stored);
            console.print(box(generated));
        }
        return new CairnConfig.Credentials(accessKey, secretKey, token);
    }

    private Properties load() {
        warnIfReadableByOthers();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
        return p;
    }

    private void warnIfReadableByOthers() {
        try {
            if (isPosix()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    LOG.warn("{} is accessible by other users ({}); run: chmod 600 {}", file, PosixFilePermissions.toString(perms), file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot check permissions of {}: {}", file, e.toString());
        }
    }

    /** Create a temporary file already restricted to 0600, write, fsync, rename over the target, fsync the directory. */
    private void save(Properties p) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(FILE_NAME + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(dir);
            StringWriter text = new StringWriter();
            p.store(text, "Cairn credentials, generated on first start. Keep this file private (mode 0600).");
            FileAttribute<?>[] attrs = isPosix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine to skip. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync of {} not supported: {}", dir, e.toString());
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b.trim() : null);
    }

    private String box(List<String[]> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("Cairn generated credentials (shown once, saved to " + file + "):");
        lines.add("");
        for (String[] r : rows) {
            lines.add(String.format("  %-16s %s", r[0] + ":", r[1]));
        }
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String edge = "+" + "-".repeat(width + 2) + "+";
        StringBuilder b = new StringBuilder().append(edge).append('\n');
        for (String l : lines) {
            b.append("| ").append(l).append(" ".repeat(width - l.length())).append(" |\n");
        }
        return b.append(edge).append('\n').toString();
    }
}
