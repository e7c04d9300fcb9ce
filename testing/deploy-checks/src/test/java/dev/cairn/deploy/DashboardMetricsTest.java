package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.deploy.DashboardCheck.Expression;
import dev.cairn.deploy.DashboardCheck.Rules;
import dev.cairn.server.CairnServer;
import dev.cairn.server.config.CairnConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the Prometheus rules against what a real gateway exports. The gateway
 * runs in this JVM as {@code ./cairn} would run it ({@link CairnServer}), over two local replicas
 * with the chunk cache on, so every metric family exists; a few requests (a stored blob, cached
 * reads, unsigned S3 calls on each method, the probes, and requests past a low rate limit until
 * one is refused) give the per-request series their labels. Then {@code /metrics} is scraped once.
 */
class DashboardMetricsTest {
    private static final String TOKEN = "dashboard-test-token";

    @TempDir
    static Path dir;
    private static CairnServer gateway;
    private static DashboardScrape scrape;

    @BeforeAll
    static void scrapeADrivenGateway() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("data.dir", dir.resolve("data").toString());
        settings.put("replication.replicas", dir.resolve("a") + "," + dir.resolve("b"));
        settings.put("access-key", "AKIDDASHBOARDTEST001");
        settings.put("secret-key", "dashboard-test-secret-0123456789abcdef");
        settings.put("oap.write-token", TOKEN);
        settings.put("local.min-free", "1MiB"); // temp dirs may sit on a nearly full disk
        settings.put("admission.max-rps", "20"); // low enough that a burst below is refused
        gateway = CairnServer.start(CairnConfig.fromMap(settings));
        String base = "http://127.0.0.1:" + gateway.port();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> put = send(http, HttpRequest.newBuilder(URI.create(base + "/put"))
                .header("Authorization", "Bearer " + TOKEN).PUT(HttpRequest.BodyPublishers.ofString("dashboard bytes")));
        assertEquals(201, put.statusCode(), put.body());
        Matcher cid = Pattern.compile("\"cid\":\"([^\"]+)\"").matcher(put.body());
        assertTrue(cid.find(), put.body());
        String object = base + "/o/" + cid.group(1);
        for (int i = 0; i < 2; i++) {
            assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(object))).statusCode());
        }
        assertEquals(206, send(http, HttpRequest.newBuilder(URI.create(object)).header("Range", "bytes=0-3")).statusCode());
        assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(object)).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        // unsigned S3 calls: 403 AccessDenied, but each is a request on its route
        for (String method : List.of("GET", "HEAD", "PUT", "POST", "DELETE")) {
            HttpRequest.BodyPublisher body = method.equals("PUT") || method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("x") : HttpRequest.BodyPublishers.noBody();
            send(http, HttpRequest.newBuilder(URI.create(base + "/bucket/key")).method(method, body));
        }
        for (String probe : List.of("/healthz", "/readyz", "/metrics")) {
            assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(base + probe))).statusCode());
        }
        int refusedAfter = -1;
        for (int i = 0; i < 500 && refusedAfter < 0; i++) {
            if (send(http, HttpRequest.newBuilder(URI.create(object))).statusCode() == 429) {
                refusedAfter = i;
            }
        }
        assertTrue(refusedAfter >= 0, "a read past admission.max-rps=20 is refused with 429");
        System.gc(); // JvmGcMetrics registers jvm_gc_pause_seconds at the first collection it sees

        scrape = DashboardScrape.parse(send(http, HttpRequest.newBuilder(URI.create(base + "/metrics"))).body());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void everyDashboardQueryReadsSeriesTheGatewayExports() throws Exception {
        List<Expression> exprs = DashboardCheck.dashboard(DashboardCheck.read(repo().resolve("deploy/grafana/cairn-dashboard.json")));
        assertTrue(exprs.size() >= 20, "panels and variables: " + exprs.size());
        assertEquals(List.of(), DashboardCheck.problems(exprs, Set.of(), scrape));
    }

    @Test
    void everyRuleReadsSeriesTheGatewayExportsOrTheRulesRecord() throws Exception {
        Rules rules = rules();
        assertEquals(List.of(), DashboardCheck.problems(rules.expressions(), rules.recorded(), scrape));
    }

    @Test
    void aMisspelledMetricFailsTheCheck() throws Exception {
        String wrong = DashboardCheck.read(repo().resolve("deploy/prometheus/cairn-alerts.yaml")).replace("rf_observed", "rf_observd");
        Rules rules = DashboardCheck.rules(wrong);
        List<String> problems = DashboardCheck.problems(rules.expressions(), rules.recorded(), scrape);
        assertEquals(List.of("alert CairnUnderReplicated: rf_observd is not exported by the gateway"), problems);
    }

    @Test
    void aWrongLabelAValueNoRouteHasOrABareHistogramNameFailsTheCheck() {
        List<Expression> wrong = List.of(
                new Expression("bare histogram", "histogram_quantile(0.95, rate(latency_seconds[5m]))"),
                new Expression("wrong label", "sum(rate(requests_total{rout=\"s3_get\"}[5m]))"),
                new Expression("wrong route", "sum(rate(requests_total{route=~\"s3_get|s3_list\"}[5m]))"),
                new Expression("unknown function", "rat(requests_total[5m])"),
                new Expression("recorded elsewhere", "job:cairn_requests:rate5m"));
        assertEquals(List.of(
                "bare histogram: latency_seconds is not exported by the gateway",
                "wrong label: requests_total has no label rout",
                "wrong route: requests_total{route} has no value \"s3_list\" (exported: " + scrape.values("requests_total", "route") + ")",
                "unknown function: unknown function rat() in: rat(requests_total[5m])",
                "recorded elsewhere: job:cairn_requests:rate5m is not exported by the gateway"),
                DashboardCheck.problems(wrong, Set.of(), scrape));
    }

    @Test
    void theDashboardShowsWhatOperatorsNeed() throws Exception {
        String json = DashboardCheck.read(repo().resolve("deploy/grafana/cairn-dashboard.json"));
        Set<String> used = metricsIn(DashboardCheck.dashboard(json));
        assertTrue(used.containsAll(Set.of("latency_seconds_bucket", "requests_total", "rejected_total", "cache_gets_total",
                "cache_hit_ratio", "repair_bytes_total", "rf_observed", "rf_target", "replica_up", "inflight")), used.toString());
        for (String q : List.of("0.5", "0.95", "0.99")) {
            assertTrue(json.contains("histogram_quantile(" + q + ", sum by (route, le) (rate(latency_seconds_bucket"), "p" + q + " by route");
        }
        assertTrue(json.contains("/ 0.001"), "error-budget burn against the 0.1% budget");
    }

    @Test
    void theRulesAlertOnWhatTheIssueAsksAndEachHasARunbookStep() throws Exception {
        Rules rules = rules();
        Map<String, String> exprByAlert = rules.alerts().stream()
                .collect(Collectors.toMap(a -> String.valueOf(a.get("alert")), a -> String.valueOf(a.get("expr"))));
        assertTrue(exprByAlert.get("CairnErrorBudgetBurn").contains("> 0.001"));
        assertTrue(exprByAlert.get("CairnShedBudgetBurn").contains("> 0.01"));
        assertTrue(exprByAlert.get("CairnGetLatencySlo").contains("> 0.08"));
        assertTrue(exprByAlert.get("CairnPutLatencySlo").contains("> 0.25"));
        assertEquals("rf_observed < rf_target", exprByAlert.get("CairnUnderReplicated"));
        assertTrue(exprByAlert.get("CairnReadinessFlapping").contains("changes("));

        String operations = DashboardCheck.read(repo().resolve("docs/operations.md"));
        Set<String> anchors = operations.lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        for (Map<String, Object> alert : rules.alerts()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
            String runbook = String.valueOf(annotations.get("runbook"));
            assertTrue(runbook.startsWith("docs/operations.md#"), runbook);
            assertTrue(anchors.contains(runbook.substring(runbook.indexOf('#') + 1)), "operations.md has a section " + runbook);
        }
    }

    private static Set<String> metricsIn(List<Expression> exprs) {
        Set<String> names = new TreeSet<>();
        for (Expression e : exprs) {
            DashboardPromql.selectors(e.promql()).forEach(s -> names.add(s.metric()));
        }
        return names;
    }

    private static Rules rules() throws Exception {
        return DashboardCheck.rules(DashboardCheck.read(repo().resolve("deploy/prometheus/cairn-alerts.yaml")));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path repo() {
        return DockerfileTest.repo();
    }
}
