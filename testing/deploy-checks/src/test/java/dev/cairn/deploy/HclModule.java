package dev.cairn.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Terraform module as python-hcl2 ({@code hcl2tojson --strip-string-quotes}) sees it: its resources, data
 * sources, variables, outputs and locals, each a JSON body.
 *
 * <p>In that JSON a string literal is plain text, an expression is {@code "${...}"}, a nested block is an array of
 * objects, and a {@code dynamic "x"} block sits under {@code dynamic}; {@link #blocks} folds the latter in.
 */
final class HclModule {
    /** One labelled block: {@code resource "type" "name"}, {@code variable "name"} (type empty), …. */
    record Block(String type, String name, JsonObject body) {
        String address() {
            return type.isEmpty() ? name : type + "." + name;
        }
    }

    private final Path dir;
    private final List<Block> resources = new ArrayList<>();
    private final List<Block> data = new ArrayList<>();
    private final Map<String, JsonObject> variables = new LinkedHashMap<>();
    private final Map<String, JsonObject> outputs = new LinkedHashMap<>();
    private final JsonObject locals = new JsonObject();

    private HclModule(Path dir) {
        this.dir = dir;
    }

    /**
     * Parses every {@code *.tf} file directly in {@code dir}.
     *
     * @throws IllegalStateException if the directory holds no .tf file or hcl2tojson rejects one
     */
    static HclModule parse(Path dir) {
        List<Path> files = filesEndingIn(dir, ".tf");
        if (files.isEmpty()) {
            throw new IllegalStateException("no .tf files in " + dir);
        }
        HclModule module = new HclModule(dir);
        for (JsonObject file : toJson(dir, files)) {
            module.add(file);
        }
        return module;
    }

    /**
     * Parses one file of plain assignments (a {@code .tfvars}) into its top-level attributes.
     *
     * @throws IllegalStateException if hcl2tojson rejects it
     */
    static JsonObject parseAttributes(Path file) {
        return toJson(file.getParent(), List.of(file)).get(0);
    }

    private static List<JsonObject> toJson(Path dir, List<Path> files) {
        List<String> command = new ArrayList<>(List.of(
                TerraformTools.hcl2tojson().toString(), "--quiet", "--strip-string-quotes", "--ndjson"));
        files.forEach(f -> command.add(f.toString()));
        TerraformTools.Result r = TerraformTools.run(dir, Duration.ofMinutes(2), command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("hcl2tojson could not parse " + files + ": " + r.describe());
        }
        List<JsonObject> parsed = new ArrayList<>();
        r.stdout().lines().filter(l -> !l.isBlank()).forEach(l -> parsed.add(JsonParser.parseString(l).getAsJsonObject()));
        if (parsed.size() != files.size()) {
            throw new IllegalStateException("hcl2tojson gave " + parsed.size() + " documents for " + files.size()
                    + " files: " + r.describe());
        }
        return parsed;
    }

    static List<Path> filesEndingIn(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(JsonObject file) {
        collect(file, "resource", resources);
        collect(file, "data", data);
        for (JsonObject v : objects(file.get("variable"))) {
            v.entrySet().forEach(e -> variables.put(e.getKey(), e.getValue().getAsJsonObject()));
        }
        for (JsonObject o : objects(file.get("output"))) {
            o.entrySet().forEach(e -> outputs.put(e.getKey(), e.getValue().getAsJsonObject()));
        }
        for (JsonObject l : objects(file.get("locals"))) {
            l.entrySet().forEach(e -> locals.add(e.getKey(), e.getValue()));
        }
    }

    private static void collect(JsonObject file, String kind, List<Block> into) {
        for (JsonObject typed : objects(file.get(kind))) {
            typed.entrySet().forEach(t -> t.getValue().getAsJsonObject().entrySet()
                    .forEach(n -> into.add(new Block(t.getKey(), n.getKey(), n.getValue().getAsJsonObject()))));
        }
    }

    Path dir() {
        return dir;
    }

    List<Block> resources() {
        return resources;
    }

    List<Block> resources(String type) {
        return resources.stream().filter(b -> b.type().equals(type)).toList();
    }

    Optional<Block> dataSource(String type, String name) {
        return data.stream().filter(b -> b.type().equals(type) && b.name().equals(name)).findFirst();
    }

    List<Block> dataSources(String type) {
        return data.stream().filter(b -> b.type().equals(type)).toList();
    }

    Map<String, JsonObject> variables() {
        return variables;
    }

    Map<String, JsonObject> outputs() {
        return outputs;
    }

    /** The text of local {@code name} (an expression as {@code ${...}}), or "" if there is none. */
    String local(String name) {
        return text(locals, name);
    }

    /** Local {@code name} as a list of texts (see {@link #texts}). */
    List<String> localTexts(String name) {
        return texts(locals, name);
    }

    /** The default of variable {@code name} as text, or null if it has none (or no such variable). */
    String variableDefault(String name) {
        JsonObject v = variables.get(name);
        return v == null ? null : text(v, "default");
    }

    /** The validation conditions of variable {@code name}, joined; "" if none. */
    String variableValidations(String name) {
        JsonObject v = variables.get(name);
        if (v == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        blocks(v, "validation").forEach(b -> sb.append(text(b, "condition")).append('\n'));
        return sb.toString();
    }

    /** Attribute {@code key} as text: a string as it is, anything else as JSON; null if absent. */
    static String text(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** Attribute {@code key} as a list of texts (a single expression becomes a one-item list). */
    static List<String> texts(JsonObject body, String key) {
        JsonElement e = body.get(key);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            return List.of(e.isJsonPrimitive() ? e.getAsString() : e.toString());
        }
        List<String> out = new ArrayList<>();
        e.getAsJsonArray().forEach(x -> out.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
        return out;
    }

    /** The nested blocks {@code name} of {@code body}, static ones and the content of {@code dynamic "name"}. */
    static List<JsonObject> blocks(JsonObject body, String name) {
        List<JsonObject> out = new ArrayList<>(objects(body.get(name)));
        for (JsonObject dyn : objects(body.get("dynamic"))) {
            JsonElement d = dyn.get(name);
            if (d != null && d.isJsonObject()) {
                out.addAll(objects(d.getAsJsonObject().get("content")));
            }
        }
        return out;
    }

    private static List<JsonObject> objects(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (e.isJsonObject()) {
            return List.of(e.getAsJsonObject());
        }
        List<JsonObject> out = new ArrayList<>();
        if (e.isJsonArray()) {
            for (JsonElement x : (JsonArray) e) {
                if (x.isJsonObject()) {
                    out.add(x.getAsJsonObject());
                }
            }
        }
        return out;
    }
}
