package dev.cairn.deploy;

import dev.cairn.deploy.DashboardPromql.LabelMatcher;
import dev.cairn.deploy.DashboardPromql.Selector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the PromQL of the Grafana dashboard and of the Prometheus rules file, and checks it against
 * a gateway's scrape: every series it selects exists, every label it matches on is a label of that
 * series, and every fixed label value it names (a route, a reason, a result) is one the gateway
 * exports. Names defined by the rules' own {@code record:} entries count as existing.
 */
final class DashboardCheck {
    /** Labels Prometheus adds at scrape time: never in the exposition itself. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    /** Status codes are exported as they occur, so a quiet test gateway need not have every one. */
    private static final Set<String> TRAFFIC_LABELS = Set.of("code");
    private static final Pattern ALTERNATION = Pattern.compile("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

    /** One PromQL expression and where it comes from (for messages). */
    record Expression(String where, String promql) {
    }

    /** A rules file: its expressions and the series names its recording rules define. */
    record Rules(List<Expression> expressions, Set<String> recorded, List<Map<String, Object>> alerts) {
    }

    private DashboardCheck() {
    }

    /** Every panel target's {@code expr} (rows' nested panels too) and every query variable's query. */
    static List<Expression> dashboard(String json) {
        Map<String, Object> dash = map(new Yaml().load(json), "dashboard");
        List<Expression> out = new ArrayList<>();
        addPanels(list(dash.get("panels")), out);
        Map<String, Object> templating = map(dash.getOrDefault("templating", Map.of()), "templating");
        for (Object o : list(templating.getOrDefault("list", List.of()))) {
            Map<String, Object> v = map(o, "variable");
            if (!"query".equals(v.get("type"))) {
                continue;
            }
            Object q = v.get("query");
            String query = q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q);
            Matcher lv = LABEL_VALUES.matcher(query);
            out.add(new Expression("variable " + v.get("name"), lv.matches() ? lv.group(1) : query));
        }
        return out;
    }

    static Rules rules(String yaml) {
        Map<String, Object> doc = map(new Yaml().load(yaml), "rules file");
        List<Expression> exprs = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Object g : list(doc.get("groups"))) {
            for (Object r : list(map(g, "group").get("rules"))) {
                Map<String, Object> rule = map(r, "rule");
                String name = rule.containsKey("record") ? String.valueOf(rule.get("record")) : String.valueOf(rule.get("alert"));
                if (rule.containsKey("record")) {
                    recorded.add(name);
                } else {
                    alerts.add(rule);
                }
                exprs.add(new Expression((rule.containsKey("record") ? "record " : "alert ") + name, String.valueOf(rule.get("expr"))));
            }
        }
        return new Rules(exprs, recorded, alerts);
    }

    /** What is wrong, one line per problem; empty when every reference resolves. */
    static List<String> problems(List<Expression> expressions, Set<String> recorded, DashboardScrape scrape) {
        List<String> problems = new ArrayList<>();
        for (Expression e : expressions) {
            List<Selector> selectors;
            try {
                selectors = DashboardPromql.selectors(e.promql());
            } catch (IllegalArgumentException bad) {
                problems.add(e.where() + ": " + bad.getMessage());
                continue;
            }
            if (selectors.isEmpty()) {
                problems.add(e.where() + ": selects no series: " + e.promql());
            }
            for (Selector s : selectors) {
                if (s.metric() == null) {
                    problems.add(e.where() + ": a selector without a metric name: " + e.promql());
                } else if (recorded.contains(s.metric())) {
                    continue;
                } else if (!scrape.has(s.metric())) {
                    problems.add(e.where() + ": " + s.metric() + " is not exported by the gateway");
                } else {
                    labelProblems(e.where(), s, scrape, problems);
                }
            }
        }
        return problems;
    }

    private static void labelProblems(String where, Selector s, DashboardScrape scrape, List<String> problems) {
        for (LabelMatcher m : s.matchers()) {
            if (TARGET_LABELS.contains(m.label())) {
                continue;
            }
            Set<String> values = scrape.values(s.metric(), m.label());
            if (values.isEmpty()) {
                problems.add(where + ": " + s.metric() + " has no label " + m.label());
                continue;
            }
            if (TRAFFIC_LABELS.contains(m.label()) || m.value().contains("$")) {
                continue;
            }
            boolean regex = m.op().endsWith("~");
            if (regex && !ALTERNATION.matcher(m.value()).matches()) {
                continue; // a real pattern (5..): nothing fixed to look up
            }
            for (String v : regex ? m.value().split("\\|") : new String[] {m.value()}) {
                if (!values.contains(v)) {
                    problems.add(where + ": " + s.metric() + "{" + m.label() + "} has no value \"" + v + "\" (exported: " + values + ")");
                }
            }
        }
    }

    private static void addPanels(List<Object> panels, List<Expression> out) {
        for (Object p : panels) {
            Map<String, Object> panel = map(p, "panel");
            addPanels(list(panel.getOrDefault("panels", List.of())), out);
            for (Object t : list(panel.getOrDefault("targets", List.of()))) {
                Map<String, Object> target = map(t, "target");
                out.add(new Expression("panel \"" + panel.get("title") + "\" " + target.get("refId"), String.valueOf(target.get("expr"))));
            }
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " is not an object: " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (!(o instanceof List<?>)) {
            throw new IllegalArgumentException("expected a list: " + o);
        }
        return (List<Object>) o;
    }
}
