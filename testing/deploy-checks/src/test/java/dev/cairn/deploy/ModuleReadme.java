package dev.cairn.deploy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of a module README: the inputs table (from variables.tf), the outputs table and the table of
 * checkov skips (from the inline {@code #checkov:skip=ID:reason} comments). Each sits between
 * {@code <!-- BEGIN name -->} and {@code <!-- END name -->} markers.
 */
final class ModuleReadme {
    private static final Pattern SKIP = Pattern.compile("#checkov:skip=([A-Z0-9_]+):(.+)$");
    private static final Pattern RESOURCE = Pattern.compile("^(resource|data) \"([^\"]+)\" \"([^\"]+)\"");

    private ModuleReadme() {
    }

    /** One inline checkov skip: the check, the block it sits in, and why. */
    record Skip(String checkId, String resource, String reason) {
    }

    static String inputs(HclModule m) {
        StringBuilder sb = new StringBuilder("| name | description | type | default | required |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonObject> v : m.variables().entrySet()) {
            JsonObject body = v.getValue();
            String def = HclModule.text(body, "default");
            boolean required = !body.has("default");
            sb.append("| `").append(v.getKey()).append("` | ").append(cell(HclModule.text(body, "description")))
                    .append(" | `").append(expression(HclModule.text(body, "type"))).append("` | ")
                    .append(required ? "n/a" : "`" + cell(def == null ? "null" : quoteIfString(body, def)) + "`")
                    .append(" | ").append(required ? "yes" : "no").append(" |\n");
        }
        return sb.toString();
    }

    static String outputs(HclModule m) {
        StringBuilder sb = new StringBuilder("| name | description |\n|---|---|\n");
        m.outputs().forEach((name, body) -> sb.append("| `").append(name).append("` | ")
                .append(cell(HclModule.text(body, "description"))).append(" |\n"));
        return sb.toString();
    }

    static String skips(Path moduleDir) {
        List<Skip> skips = skipsIn(moduleDir);
        if (skips.isEmpty()) {
            return "No checkov check is skipped.\n";
        }
        StringBuilder sb = new StringBuilder("| check | resource | why it is skipped |\n|---|---|---|\n");
        skips.forEach(s -> sb.append("| `").append(s.checkId()).append("` | `").append(s.resource()).append("` | ")
                .append(cell(s.reason())).append(" |\n"));
        return sb.toString();
    }

    /** Every {@code #checkov:skip} comment in the module's .tf files, in file order. */
    static List<Skip> skipsIn(Path moduleDir) {
        List<Skip> out = new ArrayList<>();
        for (Path f : HclModule.filesEndingIn(moduleDir, ".tf")) {
            String block = f.getFileName().toString();
            for (String line : read(f).split("\n", -1)) {
                Matcher r = RESOURCE.matcher(line);
                if (r.find()) {
                    block = (r.group(1).equals("data") ? "data." : "") + r.group(2) + "." + r.group(3);
                }
                Matcher s = SKIP.matcher(line.trim());
                if (s.find()) {
                    out.add(new Skip(s.group(1), block, s.group(2).trim()));
                }
            }
        }
        return out;
    }

    /** {@code readme} with each generated section replaced by its current text. */
    static String render(String readme, Map<String, String> sections) {
        String out = readme;
        for (Map.Entry<String, String> s : sections.entrySet()) {
            String begin = "<!-- BEGIN " + s.getKey() + " -->\n";
            String end = "<!-- END " + s.getKey() + " -->";
            int from = out.indexOf(begin);
            int to = out.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException("README lacks the markers " + begin.trim() + " … " + end);
            }
            out = out.substring(0, from + begin.length()) + s.getValue() + out.substring(to);
        }
        return out;
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expression(String type) {
        if (type == null) {
            return "any";
        }
        return type.startsWith("${") && type.endsWith("}") ? type.substring(2, type.length() - 1) : type;
    }

    /** A string default is shown quoted, as in HCL; numbers, booleans, lists and maps as they are. */
    private static String quoteIfString(JsonObject body, String def) {
        var e = body.get("default");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !def.startsWith("${")) {
            return "\"" + def + "\"";
        }
        return expression(def);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
