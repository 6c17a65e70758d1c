package apiary.core.backends.internal.settings;

import java.util.List;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** The {@code backends.*} server settings (SwarmUI's {@code Backends} section), with SwarmUI's ids and defaults. */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=500")
public final class BackendServerSettings implements ServerSettingsContributor {
    /** Dotted id of the init retry limit. */
    public static final String MAX_INIT_ATTEMPTS = "backends.maxbackendinitattempts";
    /** Dotted id of the "initialise every backend at once" switch. */
    public static final String ALL_LOAD_FAST = "backends.allbackendsloadfast";
    /** Default of {@link #MAX_INIT_ATTEMPTS}. */
    public static final int DEFAULT_MAX_INIT_ATTEMPTS = 3;

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Backends", "Settings related to backends.",
                SettingDef.integer("MaxBackendInitAttempts", DEFAULT_MAX_INIT_ATTEMPTS,
                        "How many times to retry initializing a backend before giving up. Default is 3."),
                SettingDef.integer("MaxTimeoutMinutes", 120,
                        "Safety check: the longest all requests may wait for a backend before the server declares a "
                                + "backend handling failure.\nIf you get backend timeout errors while intentionally "
                                + "running very long generations, increase this value."),
                SettingDef.bool("ForceRestartOnTimeout", false,
                        "If true, when the timeout above is hit, restart all backends instead of failing the waiting "
                                + "requests."),
                SettingDef.integer("PerRequestTimeoutMinutes", 60 * 24 * 7,
                        "The longest one request may wait for a backend to be available before giving up.\nUnlike "
                                + "'MaxTimeoutMinutes', this includes requests that merely wait behind other queued "
                                + "requests.\nDefaults to one week."),
                SettingDef.integer("MaxRequestsForcedOrder", 20,
                        "How many pending requests are kept in strict order.\nBeyond this, requests may be processed "
                                + "out of order."),
                SettingDef.bool("UnrestrictedMaxT2iSimultaneous", false,
                        "If true, how many generations a user may queue at once is not limited by the backend count "
                                + "(the role limit still applies)."),
                SettingDef.decimal("ClearVRAMAfterMinutes", 10,
                        "Minutes after the last generation before VRAM is freed automatically.\nUse a decimal number "
                                + "for seconds. Set to -1 to disable."),
                SettingDef.decimal("ClearSystemRAMAfterMinutes", 60,
                        "Minutes after the last generation before system RAM is freed automatically.\nUse a decimal "
                                + "number for seconds. Set to -1 to disable."),
                SettingDef.bool("AlwaysRefreshOnLoad", true,
                        "If true, every load of the UI triggers a server refresh (model lists and similar).\nIf false, "
                                + "only a restart or a manual refresh does."),
                SettingDef.dropdown("ModelLoadOrderPreference", "last_used",
                        "Which backend loads a newly requested model.\n'Last Used' picks the backend that loaded a "
                                + "model longest ago, spreading work across GPUs.\n'First Free' picks the first free "
                                + "backend.", List.of("last_used", "first_free"))
                        .withValueNames(List.of("Last Used", "First Free")).withStrictValues(),
                SettingDef.bool("AllBackendsLoadFast", false,
                        "If true, every backend initializes at once on its own thread, instead of slow-starting ones "
                                + "(such as self-starting ComfyUI) going one at a time.")));
    }

    /**
     * @param settings the server settings, or {@code null} while they are not available
     * @return how many times a failed init is retried
     */
    public static int maxInitAttempts(ServerSettings settings) {
        try {
            return settings == null ? DEFAULT_MAX_INIT_ATTEMPTS : (int) Math.max(0, settings.getLong(MAX_INIT_ATTEMPTS));
        } catch (RuntimeException notDefinedYet) {
            return DEFAULT_MAX_INIT_ATTEMPTS;
        }
    }

    /**
     * @param settings the server settings, or {@code null} while they are not available
     * @return whether every backend initialises on its own thread
     */
    public static boolean allLoadFast(ServerSettings settings) {
        try {
            return settings != null && settings.getBoolean(ALL_LOAD_FAST);
        } catch (RuntimeException notDefinedYet) {
            return false;
        }
    }
}
