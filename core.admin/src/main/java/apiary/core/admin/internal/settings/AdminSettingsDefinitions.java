package apiary.core.admin.internal.settings;

import java.util.List;

import apiary.core.api.settings.SettingDef;

/**
 * The server settings administration owns (SwarmUI's ids, types and defaults): {@code metadata.*},
 * {@code maintenance.*}, the top-level values, {@code ui.*}, {@code webhooks.*} and {@code performance.*}.
 */
final class AdminSettingsDefinitions {
    /** Dotted id of the GPU query cache time. */
    static final String NVIDIA_QUERY_RATE_LIMIT_MS = "nvidiaqueryratelimitms";

    private AdminSettingsDefinitions() {
    }

    static List<SettingDef> metadata() {
        return List.of(SettingDef.group("Metadata", "Settings related to model and image metadata.",
                SettingDef.bool("ModelMetadataPerFolder", false, "Keep model metadata in one cache file per model folder instead of one central cache."),
                SettingDef.bool("ImageMetadataPerFolder", true, "Keep image metadata in one cache file per output folder."),
                SettingDef.bool("XLDefaultAsXL1", false, "Treat SDXL models without an explicit class as SDXL 1.0 rather than SDXL 0.9."),
                SettingDef.bool("EditMetadataWriteJSON", false, "When model metadata is edited, also write a .swarm.json file beside the model."),
                SettingDef.bool("ImageMetadataIncludeModelHash", true, "Include the model's hash in the metadata of generated images."),
                SettingDef.integer("ModelMetadataSpacerKilobytes", 64, "Padding (in kilobytes) reserved in model file headers so that metadata can be edited in place.").withRange(0, 1_048_576),
                SettingDef.bool("DebugAlwaysRecheckClass", false, "Debug option: re-detect every model's class on every load.")));
    }

    static List<SettingDef> maintenance() {
        return List.of(SettingDef.group("Maintenance", "Settings related to server maintenance.",
                SettingDef.bool("CheckForUpdates", true, "Check for server and extension updates at start-up."),
                SettingDef.bool("AutoPullDevUpdates", false, "Automatically apply development updates at start-up."),
                SettingDef.decimal("RestartAfterHours", 0, "Restart the server automatically after this many hours of running (0 to never).").withRange(0, 1_000_000),
                SettingDef.text("RestartHoursAllowed", "", "Comma-separated hours of the day (0-23) in which an automatic restart may happen; empty for any."),
                SettingDef.text("RestartDayAllowed", "", "Comma-separated days of the week in which an automatic restart may happen; empty for any."),
                SettingDef.bool("RestartOnGpuCriticalError", false, "Restart the server when a GPU reports a critical error."),
                SettingDef.integer("GitTimeoutMinutes", 1, "How long update operations may run before they are abandoned, in minutes.").withRange(1, 1440),
                SettingDef.integer("UserDBBackups", 3, "How many weekly backups of the user database to keep.").withRange(0, 1000)));
    }

    static List<SettingDef> topLevel() {
        return List.of(
                SettingDef.integer("NvidiaQueryRateLimitMS", 1000, "How long GPU information (from nvidia-smi) is reused before it is queried again, in milliseconds.").withRange(0, 3_600_000),
                SettingDef.dropdown("LaunchMode", "webinstall", "What to open when the server starts: nothing, the web page, the web page or the installer, or the desktop app.",
                        List.of("none", "web", "webinstall", "electron")).withStrictValues(),
                SettingDef.bool("AddDebugData", false, "Add extra debugging information to generated images' metadata."),
                SettingDef.bool("ShowExperimentalFeatures", false, "Show features that are experimental and may not work."),
                SettingDef.list("DisabledExtensions", List.of(), "Extensions that are installed but not loaded.").asHidden());
    }

    static List<SettingDef> ui() {
        return List.of(SettingDef.group("UI", "Settings related to the user interface.",
                SettingDef.text("OverrideWelcomeMessage", "", "If set, replaces the welcome message shown on the Generate tab (HTML)."),
                SettingDef.text("ExtraWelcomeInfo", "", "Extra information (HTML) shown below the welcome message."),
                SettingDef.bool("AllowAnimatedPreviews", true, "Allow animated previews (e.g. of videos) in image history.")));
    }

    static List<SettingDef> webhooks() {
        return List.of(SettingDef.group("WebHooks", "Web addresses the server calls (POST) when things happen.",
                hook("QueueStartWebhook", "when the generation queue starts being worked on"),
                hookData("QueueStartWebhookData"),
                hook("QueueEndWebhook", "when the generation queue is empty again"),
                hookData("QueueEndWebhookData"),
                hook("EveryGenWebhook", "after every generation"),
                hookData("EveryGenWebhookData"),
                hook("ManualGenWebhook", "after every generation a user started by hand"),
                hookData("ManualGenWebhookData"),
                hook("ServerStartWebhook", "when the server has started"),
                hookData("ServerStartWebhookData"),
                hook("ServerShutdownWebhook", "when the server shuts down"),
                hookData("ServerShutdownWebhookData"),
                SettingDef.decimal("QueueEndDelay", 1, "Seconds the queue must stay empty before the queue-end webhook is called.").withRange(0, 86_400)));
    }

    static List<SettingDef> performance() {
        return List.of(SettingDef.group("Performance", "Settings related to server performance.",
                SettingDef.decimal("ImageDataValidationChance", 0.05, "Fraction (0 to 1) of uploaded images whose data is fully validated.").withRange(0, 1),
                SettingDef.bool("DoBackendDataCache", false, "Cache data that backends send, to answer repeated requests faster."),
                SettingDef.bool("AllowGpuSpecificOptimizations", true, "Allow optimizations that only work on some GPUs."),
                SettingDef.integer("ModelListSanityCap", 5000, "Largest number of models listed in one folder view.").withRange(1, 10_000_000)));
    }

    private static SettingDef hook(String name, String when) {
        return SettingDef.text(name, "", "Address called " + when + "; empty for none.");
    }

    private static SettingDef hookData(String name) {
        return SettingDef.text(name, "", "JSON body sent with the webhook above; empty for none.");
    }
}
