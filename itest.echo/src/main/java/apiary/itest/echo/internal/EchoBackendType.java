package apiary.itest.echo.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * A backend type the integration tests and benchmarks drive through its settings: which status init ends in, how
 * many first attempts fail, which features it reports, a file whose presence holds init in LOADING, a file its
 * shutdowns are logged to; how long a generation takes, how many previews it sends, how it fails; which models it
 * lists and has loaded, and how loading a model goes.
 */
@Component
public final class EchoBackendType implements BackendType {
    static final String ID = "itest_echo_backend";

    private final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public BackendTypeInfo info() {
        return BackendTypeInfo.of(ID, "Integration Test Backend", "A backend that does what its settings say.", List.of(
                SettingDef.dropdown("Mode", "run", "How init ends: running, idle, or failing.", List.of("run", "idle", "fail")),
                SettingDef.integer("FailTimes", 0, "How many first init attempts fail."),
                SettingDef.text("Features", "", "Comma-separated features to report."),
                SettingDef.text("GateFile", "", "While this file exists, init waits."),
                SettingDef.text("ShutdownLog", "", "A file each shutdown appends a line to."),
                SettingDef.text("Token", "", "A secret, to check masking.").asSecret(),
                SettingDef.text("TokenLog", "", "A file init writes the secret Token to, to check it reached the instance."),
                SettingDef.group("Limits", "Nested settings.",
                        SettingDef.integer("MaxUsages", 1, "How many generations at once.")),
                SettingDef.dropdown("GenerateMode", "ok", "How a generation ends: a PNG; an exception; a user-facing "
                        + "error; hanging until interrupted; handing the job to another backend.",
                        List.of("ok", "throw", "error", "hang", "redirect")),
                SettingDef.integer("LatencyMs", 0, "How long one generation takes, in milliseconds."),
                SettingDef.integer("Previews", 0, "How many previews a generation sends before its image."),
                SettingDef.text("Models", "", "Comma-separated main models it lists (empty: it does not track models)."),
                SettingDef.text("LoRAs", "", "Comma-separated LoRAs it lists."),
                SettingDef.text("CurrentModel", "", "The model loaded when it starts."),
                SettingDef.bool("CanLoadModels", true, "Whether it can load models (false makes it a placeholder the "
                        + "scheduler never uses, as in SwarmUI)."),
                SettingDef.integer("LoadLatencyMs", 0, "How long loading a model takes, in milliseconds."),
                SettingDef.dropdown("LoadMode", "ok", "How loading a model ends.", List.of("ok", "fail", "throw"))))
                .withFastLoad();
    }

    @Override
    public Backend create(BackendContext context) {
        int attempt = attempts.computeIfAbsent(context.id(), k -> new AtomicInteger()).incrementAndGet();
        return new EchoBackend(context, attempt);
    }
}
