package apiary.core.backends.internal.settings;

import java.util.List;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code backends.*} server settings: SwarmUI's {@code Backends} section with SwarmUI's ids and defaults, plus
 * Apiary's {@code backends.schedulingpolicy}. Each reader takes the settings by this bundle's own definitions, so a
 * stored value applies from the first moment, and falls back to the default while no settings store runs.
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=500")
public final class BackendServerSettings implements ServerSettingsContributor {
    /** Dotted id of the init retry limit. */
    public static final String MAX_INIT_ATTEMPTS = "backends.maxbackendinitattempts";
    /** Dotted id of the "initialise every backend at once" switch. */
    public static final String ALL_LOAD_FAST = "backends.allbackendsloadfast";
    /** Dotted id of the queue-wide stall limit. */
    public static final String MAX_TIMEOUT = "backends.maxtimeoutminutes";
    /** Dotted id of the "restart instead of failing" switch. */
    public static final String FORCE_RESTART = "backends.forcerestartontimeout";
    /** Dotted id of the per-request wait limit. */
    public static final String PER_REQUEST_TIMEOUT = "backends.perrequesttimeoutminutes";
    /** Dotted id of the model-load backend preference. */
    public static final String LOAD_ORDER = "backends.modelloadorderpreference";
    /** Dotted id of the queue policy (Apiary's). */
    public static final String POLICY = "backends.schedulingpolicy";
    /** Default of {@link #MAX_INIT_ATTEMPTS}. */
    public static final int DEFAULT_MAX_INIT_ATTEMPTS = 3;
    /** The longest time setting accepted, in minutes: a year (longer is surely a typo). */
    static final double MAX_MINUTES = 60 * 24 * 366;

    static final SettingDef MAX_INIT_ATTEMPTS_DEF = SettingDef.integer("MaxBackendInitAttempts", DEFAULT_MAX_INIT_ATTEMPTS,
            "How many times to retry initializing a backend before giving up. Default is 3.").withRange(0, 1000);
    static final SettingDef MAX_TIMEOUT_DEF = SettingDef.integer("MaxTimeoutMinutes", 120,
            "Safety check: the longest all requests may wait for a backend before the server declares a "
                    + "backend handling failure.\nIf you get backend timeout errors while intentionally "
                    + "running very long generations, increase this value.\nApiary also interrupts a single generation "
                    + "that runs longer than this.").withRange(1, MAX_MINUTES);
    static final SettingDef FORCE_RESTART_DEF = SettingDef.bool("ForceRestartOnTimeout", false,
            "If true, when the timeout above is hit, restart all backends instead of failing the waiting requests.");
    static final SettingDef PER_REQUEST_TIMEOUT_DEF = SettingDef.integer("PerRequestTimeoutMinutes", 60 * 24 * 7,
            "The longest one request may wait for a backend to be available before giving up.\nUnlike "
                    + "'MaxTimeoutMinutes', this includes requests that merely wait behind other queued "
                    + "requests.\nDefaults to one week.").withRange(0, MAX_MINUTES);
    static final SettingDef LOAD_ORDER_DEF = SettingDef.dropdown("ModelLoadOrderPreference", "last_used",
            "Which backend loads a newly requested model.\n'Last Used' picks the backend that loaded a "
                    + "model longest ago, spreading work across GPUs.\n'First Free' picks the first free "
                    + "backend.", List.of("last_used", "first_free"))
            .withValueNames(List.of("Last Used", "First Free")).withStrictValues();
    static final SettingDef ALL_LOAD_FAST_DEF = SettingDef.bool("AllBackendsLoadFast", false,
            "If true, every backend initializes at once on its own thread, instead of slow-starting ones "
                    + "(such as self-starting ComfyUI) going one at a time.");
    static final SettingDef POLICY_DEF = SettingDef.dropdown("SchedulingPolicy", "fair",
            "How waiting generations share the backends (Apiary; SwarmUI has one first-come queue).\n'Fair' "
                    + "gives every user an equal share (weighted by the scheduling weight of their role), so one "
                    + "user's big batch never makes another user's single image wait behind it.\n'FIFO' serves "
                    + "requests strictly in arrival order, like SwarmUI.", List.of("fair", "fifo"))
            .withValueNames(List.of("Fair", "FIFO")).withStrictValues();

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Backends", "Settings related to backends.",
                MAX_INIT_ATTEMPTS_DEF,
                MAX_TIMEOUT_DEF,
                FORCE_RESTART_DEF,
                PER_REQUEST_TIMEOUT_DEF,
                SettingDef.integer("MaxRequestsForcedOrder", 20,
                        "How many pending requests are kept in strict order.\nBeyond this, requests may be processed "
                                + "out of order.").withRange(1, 1_000_000),
                SettingDef.bool("UnrestrictedMaxT2iSimultaneous", false,
                        "If true, how many generations a user may queue at once is not limited by the backend count "
                                + "(the role limit still applies)."),
                SettingDef.decimal("ClearVRAMAfterMinutes", 10,
                        "Minutes after the last generation before VRAM is freed automatically.\nUse a decimal number "
                                + "for seconds. Set to -1 to disable.").withRange(-1, MAX_MINUTES),
                SettingDef.decimal("ClearSystemRAMAfterMinutes", 60,
                        "Minutes after the last generation before system RAM is freed automatically.\nUse a decimal "
                                + "number for seconds. Set to -1 to disable.").withRange(-1, MAX_MINUTES),
                SettingDef.bool("AlwaysRefreshOnLoad", true,
                        "If true, every load of the UI triggers a server refresh (model lists and similar).\nIf false, "
                                + "only a restart or a manual refresh does."),
                LOAD_ORDER_DEF,
                ALL_LOAD_FAST_DEF,
                POLICY_DEF));
    }

    private static Object read(ServerSettings settings, String path, SettingDef def) {
        if (settings == null) {
            return def.defaultValue();
        }
        try {
            Object v = settings.get(path, def);
            return v == null ? def.defaultValue() : v;
        } catch (RuntimeException notAvailable) {
            return def.defaultValue();
        }
    }

    private static long number(ServerSettings settings, String path, SettingDef def) {
        Object v = read(settings, path, def);
        return v instanceof Number ? ((Number) v).longValue() : ((Number) def.defaultValue()).longValue();
    }

    /**
     * @param settings the server settings, or {@code null} while they are not available
     * @return how many times a failed init is retried
     */
    public static int maxInitAttempts(ServerSettings settings) {
        return (int) Math.max(0, number(settings, MAX_INIT_ATTEMPTS, MAX_INIT_ATTEMPTS_DEF));
    }

    /**
     * @param settings the server settings, or {@code null} while they are not available
     * @return whether every backend initialises on its own thread
     */
    public static boolean allLoadFast(ServerSettings settings) {
        return Boolean.TRUE.equals(read(settings, ALL_LOAD_FAST, ALL_LOAD_FAST_DEF));
    }

    /** @param settings the server settings, or {@code null} @return {@code backends.maxtimeoutminutes} in ms */
    public static long maxTimeoutMillis(ServerSettings settings) {
        return Math.max(1, number(settings, MAX_TIMEOUT, MAX_TIMEOUT_DEF)) * 60_000L;
    }

    /** @param settings the server settings, or {@code null} @return {@code backends.perrequesttimeoutminutes} in ms */
    public static long perRequestTimeoutMillis(ServerSettings settings) {
        return Math.max(0, number(settings, PER_REQUEST_TIMEOUT, PER_REQUEST_TIMEOUT_DEF)) * 60_000L;
    }

    /** @param settings the server settings, or {@code null} @return {@code backends.forcerestartontimeout} */
    public static boolean forceRestartOnTimeout(ServerSettings settings) {
        return Boolean.TRUE.equals(read(settings, FORCE_RESTART, FORCE_RESTART_DEF));
    }

    /** @param settings the server settings, or {@code null} @return whether loads prefer the first free backend */
    public static boolean loadOnFirstFree(ServerSettings settings) {
        return "first_free".equals(read(settings, LOAD_ORDER, LOAD_ORDER_DEF));
    }

    /** @param settings the server settings, or {@code null} @return whether the queue is first-come (SwarmUI's) */
    public static boolean fifoPolicy(ServerSettings settings) {
        return "fifo".equals(read(settings, POLICY, POLICY_DEF));
    }
}
