package dev.cairn.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.gatling.http.client.Request;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The frame every workload shares: reads the {@code cairn.perf.*} properties, injects the load
 * (open model at {@code cairn.perf.rate} arrivals per second, one request each, or closed model
 * with {@code cairn.perf.concurrency} looping users) for warm-up plus duration, records every
 * answered request after the warm-up, and writes the result JSON in {@link #after()}.
 *
 * <p>Connections are shared between virtual users ({@code shareConnections}), as a fleet of
 * clients behind one proxy would: with one request per open-model user, per-user connections
 * would measure TCP set-up instead of the gateway.
 *
 * <p>Subclasses pass their name and mix; a configuration mistake fails the constructor with an
 * {@link IllegalArgumentException} naming the property, before any request is sent.
 */
public abstract class PerfSimulation extends Simulation {
    private static final String CALL = "cairn.call";
    private static final String STATUS = "cairn.status";
    private static final String RT = "cairn.rt";

    protected final PerfConfig cfg;
    protected final ApiCalls calls;
    protected final Mixes mixes;
    private final String name;
    private final ResultRecorder recorder;
    private final SplittableRandom root;
    private final ThreadLocal<SplittableRandom> random;
    private ScheduledExecutorService progress;

    PerfSimulation(String name, int defaultProgressSeconds, boolean writes, Function<Mixes, Workload> mix) {
        this.name = name;
        this.cfg = new PerfConfig(System::getProperty, defaultProgressSeconds);
        SeedManifest seed = SeedManifest.read(cfg.seed);
        Bodies bodies = new Bodies(cfg.randomSeed, writes);
        this.calls = ApiCalls.create(cfg, bodies);
        this.mixes = new Mixes(calls, seed);
        this.recorder = new ResultRecorder(cfg.api, System::currentTimeMillis);
        this.root = new SplittableRandom(cfg.randomSeed);
        this.random = ThreadLocal.withInitial(this::splitRoot);
        Workload workload = mix.apply(mixes);
        if (writes) {
            System.out.printf(Locale.ROOT, "%s: gzip pool compresses %.2fx%n", name, bodies.gzipRatio());
        }
        setUp(population(workload)).protocols(protocol()).maxDuration(Duration.ofSeconds(totalSeconds() + 120L));
    }

    private synchronized SplittableRandom splitRoot() {
        return root.split();
    }

    private long totalSeconds() {
        return (long) cfg.warmupSeconds + cfg.durationSeconds;
    }

    private HttpProtocolBuilder protocol() {
        return http.baseUrl(cfg.target.toString()).shareConnections().disableWarmUp().disableCaching()
                .disableFollowRedirect().userAgentHeader("cairn-perf-gatling");
    }

    private PopulationBuilder population(Workload workload) {
        ChainBuilder step = exec(session -> session.set(CALL, workload.next(random.get())).remove(STATUS).remove(RT))
                .doIfOrElse(session -> call(session).body() != null).then(exec(request(true))).orElse(exec(request(false)))
                .exec(this::record);
        Duration total = Duration.ofSeconds(totalSeconds());
        if (cfg.mode == PerfConfig.LoadMode.RATE) {
            ScenarioBuilder scn = scenario(name).exec(step);
            return scn.injectOpen(constantUsersPerSec(cfg.loadValue).during(total));
        }
        ScenarioBuilder scn = scenario(name).during(total).on(step);
        return scn.injectOpen(atOnceUsers((int) cfg.loadValue));
    }

    private static HttpRequestActionBuilder request(boolean withBody) {
        HttpRequestActionBuilder r = http(s -> call(s).route().label).httpRequest(s -> call(s).method(), s -> call(s).path())
                .sign((Request req, Session s) -> {
                    call(s).headers().forEach((k, v) -> req.getHeaders().set(k, v));
                    return req;
                })
                .check(status().saveAs(STATUS), responseTimeInMillis().saveAs(RT));
        return withBody ? r.body(ByteArrayBody(s -> call(s).body())) : r;
    }

    private static Call call(Session s) {
        return s.get(CALL);
    }

    private Session record(Session s) {
        Call c = call(s);
        if (s.contains(STATUS)) {
            recorder.response(c.route(), s.getInt(STATUS), s.getInt(RT));
        } else {
            recorder.connectionFailure(c.route());
        }
        // a refused request must not stop a closed-model user's loop
        return s.markAsSucceeded();
    }

    @Override
    public void before() {
        calls.prepareAbuse();
        recorder.measureFrom(System.currentTimeMillis() + cfg.warmupSeconds * 1000L);
        startHook();
        if (cfg.progressSeconds > 0) {
            progress = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "perf-progress");
                t.setDaemon(true);
                return t;
            });
            long t0 = System.currentTimeMillis();
            progress.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT,
                    "[%s %s] %ds: %d requests recorded, %d unexpected, %d connection failures%n", name,
                    cfg.api.name().toLowerCase(Locale.ROOT), (System.currentTimeMillis() - t0) / 1000, recorder.requests(),
                    recorder.unexpected(), recorder.connectionFailures()), cfg.progressSeconds, cfg.progressSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void after() {
        if (progress != null) {
            progress.shutdownNow();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        stopHook(extra);
        Map<String, Object> result = ResultWriter.result(name, cfg, recorder, extra);
        ResultWriter.write(cfg.out, result);
        System.out.printf(Locale.ROOT, "%s %s: %d requests, %d unexpected, %d connection failures -> %s%n", name,
                cfg.api.name().toLowerCase(Locale.ROOT), recorder.requests(), recorder.unexpected(), recorder.connectionFailures(), cfg.out);
    }

    /** Runs in {@link #before()}, after the warm-up clock starts; the abuse mix opens its slow clients here. */
    void startHook() {
    }

    /** Runs in {@link #after()}; adds fields to the result object. */
    void stopHook(Map<String, Object> extra) {
    }
}
