package dev.cairn.server.admission;

import dev.cairn.server.config.CairnConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;

/**
 * Admission control assembled from {@code admission.*}: the handler that admits or refuses
 * requests and the readiness probe that watches the same budgets. Both share one controller and
 * one error window.
 */
public final class AdmissionGate {
    private final AdmissionController controller;
    private final ErrorWindow errors;
    private final double maxErrorRate;
    private final MeterRegistry registry;

    private AdmissionGate(AdmissionController controller, ErrorWindow errors, double maxErrorRate, MeterRegistry registry) {
        this.controller = controller;
        this.errors = errors;
        this.maxErrorRate = maxErrorRate;
        this.registry = registry;
    }

    /**
     * @throws IllegalArgumentException for limits the configuration binder refuses
     */
    public static AdmissionGate create(CairnConfig.Admission config, MeterRegistry registry) {
        AdmissionController controller = AdmissionController.create(config.maxInflight(), config.maxRps(), config.writeShare(),
                config.writeHighWater(), System::nanoTime);
        ErrorWindow errors = new ErrorWindow((int) config.errorWindow().toSeconds(), System::nanoTime);
        return new AdmissionGate(controller, errors, config.errorRate(), registry);
    }

    /** The handler to place in front of {@code next}; registers {@code rejected_total{reason}}. */
    public Handler.Wrapper handler(Handler next) {
        return new AdmissionHandler(next, controller, errors, registry);
    }

    /** Readiness over the same budgets. */
    public ReadinessProbe readiness() {
        return new ReadinessProbe(controller, errors, maxErrorRate);
    }

    /** The controller, for inspection. */
    public AdmissionController controller() {
        return controller;
    }
}
