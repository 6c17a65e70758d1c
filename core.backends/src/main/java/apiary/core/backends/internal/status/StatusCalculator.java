package apiary.core.backends.internal.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendStatusReport;

/**
 * Computes {@code backend_status} and {@code supported_features} from the backends' states, with SwarmUI's rules
 * in SwarmUI's order (the first rule that matches wins) and its messages.
 */
public final class StatusCalculator {
    static final String ALL_DISABLED = "All backends are disabled. You must enable backends in the Backends section "
            + "of the Server tab before you can continue.";
    static final String ERRORED = "Some backends have errored on the server. Check the server logs for details.";
    static final String SOME_LOADING = "Some backends are ready, but others are still loading...";
    static final String LOADING = "Backends are still loading on the server...";
    static final String DISABLED = "Some backends are disabled. Please enable or configure them to continue.";
    static final String IDLE = "All backends are idle. Cannot generate until at least one backend is running.";
    static final String UNKNOWN = "Something is wrong with your backends. Please check the Backends section of the "
            + "Server tab, or the server logs.";

    private StatusCalculator() {
    }

    /**
     * @param backends every configured backend, in id order
     * @return the summary
     */
    public static BackendStatusReport compute(Collection<StatusInput> backends) {
        BackendStatusReport report = summary(backends);
        report.supportedFeatures = new ArrayList<>(features(backends));
        return report;
    }

    private static BackendStatusReport summary(Collection<StatusInput> backends) {
        if (backends.isEmpty()) {
            return BackendStatusReport.empty();
        }
        if (backends.stream().noneMatch(StatusInput::enabled)) {
            return report("all_disabled", "error", ALL_DISABLED, false);
        }
        long loading = backends.stream().filter(b -> isLoading(b.status())).count();
        if (any(backends, BackendStatus.ERRORED)) {
            return report("errored", "error", ERRORED, loading > 0);
        }
        if (any(backends, BackendStatus.RUNNING)) {
            return loading > 0 ? report("some_loading", "warn", SOME_LOADING, true) : report("running", "", "", false);
        }
        if (loading > 0) {
            return report("loading", "soft", LOADING, true);
        }
        if (any(backends, BackendStatus.DISABLED)) {
            return report("disabled", "warn", DISABLED, false);
        }
        if (any(backends, BackendStatus.IDLE)) {
            return report("idle", "warn", IDLE, false);
        }
        // SwarmUI's fallback; unreachable while every status has a rule above, kept so a new status cannot pass silently.
        return report("unknown", "error", UNKNOWN, false);
    }

    /** Enabled backends that are not idle contribute their features, as SwarmUI does (errored ones included). */
    private static Set<String> features(Collection<StatusInput> backends) {
        Set<String> out = new LinkedHashSet<>();
        for (StatusInput b : backends) {
            if (b.enabled() && b.status() != BackendStatus.IDLE) {
                out.addAll(b.features());
            }
        }
        return out;
    }

    private static boolean isLoading(BackendStatus s) {
        return s == BackendStatus.LOADING || s == BackendStatus.WAITING;
    }

    private static boolean any(Collection<StatusInput> backends, BackendStatus status) {
        return backends.stream().anyMatch(b -> b.status() == status);
    }

    private static BackendStatusReport report(String status, String cssClass, String message, boolean anyLoading) {
        BackendStatusReport r = new BackendStatusReport();
        r.status = status;
        r.cssClass = cssClass;
        r.message = message;
        r.anyLoading = anyLoading;
        return r;
    }
}
