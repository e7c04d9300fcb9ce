package dev.cairn.server.auth;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code s3.credentials-file}: one {@code ACCESS_KEY_ID = SECRET} (or {@code :}) per line,
 * blank lines and lines starting with {@code #} or {@code !} ignored, surrounding whitespace
 * trimmed. Deliberately not {@link java.util.Properties}: that format silently keeps the last of
 * two equal keys and unescapes backslashes, and a key pair must be neither lost nor altered.
 * A file readable by other users is read, with a warning, as {@code credentials.properties} is.
 */
final class AccessKeyFile {
    static final String KEY = "s3.credentials-file";

    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AccessKeyFile() {
    }

    /**
     * @return access key id to secret, in file order
     * @throws ConfigException naming {@value #KEY}, the file and the line for a missing or
     *     unreadable file, a line without a separator, a bad or repeated key id, or an empty
     *     secret; never quoting a secret or a whole line (which could hold one)
     */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw error(file, "does not exist or is not a regular file");
        }
        warnIfReadableByOthers(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw error(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(KEY, KEY + ": cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            if (sep < 0) {
                throw error(file, "line " + n + " is not ACCESS_KEY_ID = SECRET");
            }
            String id = line.substring(0, sep).strip();
            String secret = line.substring(sep + 1).strip();
            String problem = AccessKeys.keyIdProblem(id);
            if (problem != null) {
                throw error(file, "line " + n + ": " + problem);
            }
            if (secret.isEmpty()) {
                throw error(file, "line " + n + ": access key id '" + id + "' has an empty secret");
            }
            if (pairs.putIfAbsent(id, secret) != null) {
                throw error(file, "line " + n + ": access key id '" + id + "' is already given on line " + lineOf.get(id));
            }
            lineOf.put(id, n);
        }
        return pairs;
    }

    /** The first '=' or ':'; neither can be part of a key id, while a secret may hold both. */
    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static ConfigException error(Path file, String problem) {
        return new ConfigException(KEY, KEY + ": " + file + " " + problem);
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("{} is accessible by other users ({}); run: chmod 600 {}", file, PosixFilePermissions.toString(perms), file);
            }
        } catch (IOException e) {
            LOG.warn("cannot check permissions of {}: {}", file, e.toString());
        }
    }
}
