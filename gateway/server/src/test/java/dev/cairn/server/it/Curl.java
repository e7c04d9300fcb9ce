package dev.cairn.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code curl} binary and captures status, headers and body. */
final class Curl {
    private final Path scratch;

    Curl(Path scratch) {
        this.scratch = scratch;
    }

    record Response(int status, List<String> headerLines, byte[] body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String h : headerLines) {
                if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return h.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** {@code curl -s <args> URL}, with headers and body captured to files. */
    Response call(String... args) throws IOException, InterruptedException {
        Path headers = Files.createTempFile(scratch, "h", ".txt");
        Path body = Files.createTempFile(scratch, "b", ".bin");
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-S", "--max-time", "30", "-D", headers.toString(),
                "-o", body.toString(), "-w", "%{http_code}"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(40, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("curl failed (" + String.join(" ", cmd) + "): " + out);
        }
        List<String> lines = Files.readAllLines(headers, StandardCharsets.ISO_8859_1);
        return new Response(Integer.parseInt(out), lines, Files.readAllBytes(body));
    }
}
