package dev.cairn.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The series selectors of a PromQL expression: each metric name with its label matchers. Enough
 * of PromQL to find every name an expression reads: function and aggregation calls, grouping
 * ({@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left/right}) lists,
 * set and comparison operators, {@code offset}, ranges and subqueries, string and number literals,
 * and Grafana's {@code $variables}. Anything it cannot read is an error, never silently skipped.
 */
final class DashboardPromql {
    /** One {@code label op "value"} of a selector. */
    record LabelMatcher(String label, String op, String value) {
    }

    /** A metric name and its matchers, as written. */
    record Selector(String metric, List<LabelMatcher> matchers) {
    }

    static final Set<String> FUNCTIONS = Set.of(
            // aggregations
            "sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group",
            // functions used on counters, gauges and histograms
            "rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets", "histogram_quantile",
            "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max", "sqrt", "ln", "log2", "log10", "exp",
            "absent", "absent_over_time", "present_over_time", "scalar", "vector", "time", "timestamp", "label_replace", "label_join",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
            "quantile_over_time", "stddev_over_time", "predict_linear", "sort", "sort_desc",
            // Grafana's variable query
            "label_values");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private final String expr;
    private int pos;

    private DashboardPromql(String expr) {
        this.expr = expr;
    }

    /**
     * @throws IllegalArgumentException for an unknown function, an unterminated string, brace or
     *     bracket, or a character PromQL does not have
     */
    static List<Selector> selectors(String expr) {
        return new DashboardPromql(expr).parse();
    }

    private List<Selector> parse() {
        List<Selector> found = new ArrayList<>();
        while (pos < expr.length()) {
            char c = expr.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '"' || c == '\'' || c == '`') {
                string();
            } else if (c == '[') {
                skipPast(']'); // a range or subquery: durations and Grafana's $__rate_interval
            } else if (c == '$') {
                pos++;
                if (pos < expr.length() && expr.charAt(pos) == '{') {
                    skipPast('}');
                } else {
                    identifier();
                }
            } else if (c == '{') {
                found.add(new Selector(null, matchers())); // {__name__="…"} style: no metric name to check
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < expr.length() && Character.isDigit(expr.charAt(pos + 1)))) {
                number();
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                String word = identifier();
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (GROUPING.contains(lower)) {
                    if (peek() == '(') {
                        skipPast(')'); // label names, not metrics
                    }
                } else if (lower.equals("offset")) {
                    skipSpaces();
                    identifierOrNumber();
                } else if (KEYWORDS.contains(lower)) {
                    continue;
                } else if (peek() == '(' || FUNCTIONS.contains(word)) {
                    if (!FUNCTIONS.contains(word)) {
                        throw new IllegalArgumentException("unknown function " + word + "() in: " + expr);
                    }
                } else {
                    skipSpaces();
                    List<LabelMatcher> m = pos < expr.length() && expr.charAt(pos) == '{' ? matchers() : List.of();
                    found.add(new Selector(word, m));
                }
            } else if ("()+-*/%^=!<>,".indexOf(c) >= 0) {
                pos++;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " in: " + expr);
            }
        }
        return found;
    }

    private List<LabelMatcher> matchers() {
        pos++; // {
        List<LabelMatcher> list = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= expr.length()) {
                throw new IllegalArgumentException("unterminated { in: " + expr);
            }
            if (expr.charAt(pos) == '}') {
                pos++;
                return list;
            }
            if (expr.charAt(pos) == ',') {
                pos++;
                continue;
            }
            String label = identifier();
            skipSpaces();
            int start = pos;
            while (pos < expr.length() && "=!~".indexOf(expr.charAt(pos)) >= 0) {
                pos++;
            }
            String op = expr.substring(start, pos);
            if (!Set.of("=", "!=", "=~", "!~").contains(op)) {
                throw new IllegalArgumentException("bad matcher operator '" + op + "' after " + label + " in: " + expr);
            }
            skipSpaces();
            list.add(new LabelMatcher(label, op, string()));
        }
    }

    private String string() {
        char quote = expr.charAt(pos++);
        StringBuilder s = new StringBuilder();
        while (pos < expr.length() && expr.charAt(pos) != quote) {
            char c = expr.charAt(pos++);
            if (c == '\\' && quote != '`' && pos < expr.length()) {
                c = expr.charAt(pos++);
            }
            s.append(c);
        }
        if (pos >= expr.length()) {
            throw new IllegalArgumentException("unterminated string in: " + expr);
        }
        pos++;
        return s.toString();
    }

    private String identifier() {
        int start = pos;
        while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '_' || expr.charAt(pos) == ':')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a name at " + pos + " in: " + expr);
        }
        return expr.substring(start, pos);
    }

    private void identifierOrNumber() {
        while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '$' || expr.charAt(pos) == '_')) {
            pos++;
        }
    }

    private void number() {
        while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '.'
                || ((expr.charAt(pos) == '+' || expr.charAt(pos) == '-') && (expr.charAt(pos - 1) == 'e' || expr.charAt(pos - 1) == 'E')))) {
            pos++;
        }
    }

    private void skipPast(char close) {
        int end = expr.indexOf(close, pos);
        if (end < 0) {
            throw new IllegalArgumentException("missing '" + close + "' in: " + expr);
        }
        pos = end + 1;
    }

    private char peek() {
        int p = pos;
        while (p < expr.length() && Character.isWhitespace(expr.charAt(p))) {
            p++;
        }
        return p < expr.length() ? expr.charAt(p) : 0;
    }

    private void skipSpaces() {
        while (pos < expr.length() && Character.isWhitespace(expr.charAt(pos))) {
            pos++;
        }
    }
}
