package dev.cairn.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A Dockerfile read the way the builder reads it: comments and parser directives dropped, lines
 * joined at a trailing backslash, {@code ARG}s before the first {@code FROM} substituted into
 * {@code FROM}, instructions grouped by stage. Exec-form arguments ({@code ["a", "b"]}) are parsed
 * as JSON; shell forms are kept as one string.
 */
record DockerfileModel(List<Stage> stages) {
    private static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** One instruction: its keyword upper-cased, its flags ({@code --from=build}) and the rest. */
    record Instruction(String keyword, Map<String, String> flags, String args) {
        /** The arguments of an exec form; empty when the instruction is in shell form. */
        Optional<List<String>> execForm() {
            String a = args.strip();
            if (!a.startsWith("[")) {
                return Optional.empty();
            }
            // JSON is YAML; SnakeYAML is already on the classpath
            Object parsed = new Yaml().load(a);
            if (!(parsed instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException(keyword + " is not a JSON array of strings: " + a);
            }
            return Optional.of(list.stream().map(String.class::cast).toList());
        }
    }

    /** A build stage: its base image, its name ({@code AS name}) and its instructions. */
    record Stage(String image, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword.equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }

        /** The {@code ENV} values of this stage, later ones overriding earlier ones. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction i : all("ENV")) {
                Matcher m = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)").matcher(i.args);
                while (m.find()) {
                    String v = m.group(2);
                    env.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v);
                }
            }
            return env;
        }
    }

    static DockerfileModel read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when an instruction precedes the first FROM (other than ARG) */
    static DockerfileModel parse(List<String> lines) {
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue; // comments and directives (# syntax=) only count at the start of an instruction
            }
            if (!pending.isEmpty() && line.startsWith("#")) {
                continue; // comment lines inside a continued instruction are removed by the builder
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            Instruction ins = instruction(pending.toString());
            pending.setLength(0);
            if (ins.keyword.equals("FROM")) {
                String[] words = ins.args.split("\\s+");
                String image = substitute(words[0], globalArgs);
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                current = new ArrayList<>();
                stages.add(new Stage(image, name, current));
            } else if (current == null) {
                if (!ins.keyword.equals("ARG")) {
                    throw new IllegalArgumentException(ins.keyword + " before the first FROM");
                }
                String[] kv = ins.args.split("=", 2);
                globalArgs.put(kv[0].strip(), kv.length == 2 ? kv[1].strip() : "");
            } else {
                current.add(ins);
            }
        }
        return new DockerfileModel(List.copyOf(stages));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Optional<Stage> stage(String nameOrIndex) {
        for (int i = 0; i < stages.size(); i++) {
            if (nameOrIndex.equals(stages.get(i).name) || nameOrIndex.equals(Integer.toString(i))) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    private static Instruction instruction(String text) {
        String[] split = text.split("\\s+", 2);
        String keyword = split[0].toUpperCase(Locale.ROOT);
        String rest = split.length == 2 ? split[1] : "";
        Map<String, String> flags = new LinkedHashMap<>();
        // HEALTHCHECK's flags come before CMD, COPY's before the sources; RUN's --mount too
        while (rest.startsWith("--")) {
            String[] f = rest.split("\\s+", 2);
            String[] kv = f[0].substring(2).split("=", 2);
            flags.put(kv[0], kv.length == 2 ? kv[1] : "");
            rest = f.length == 2 ? f[1] : "";
        }
        return new Instruction(keyword, flags, rest.strip());
    }

    private static String substitute(String s, Map<String, String> args) {
        Matcher m = VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!args.containsKey(name)) {
                throw new IllegalArgumentException("FROM uses undeclared ARG " + name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(name)));
        }
        return m.appendTail(out).toString();
    }
}
