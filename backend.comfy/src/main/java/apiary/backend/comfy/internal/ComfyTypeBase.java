package apiary.backend.comfy.internal;

import apiary.backend.comfy.internal.backend.ComfySettings;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

/**
 * What the two ComfyUI backend types share: the driver state, their fixed type description, and SwarmUI's
 * {@code OverQueue} rule (one running request plus that many queued ones on the ComfyUI server).
 */
abstract class ComfyTypeBase implements BackendType {
    /** SwarmUI's {@code OverQueue} setting, the same on both types. */
    static final SettingDef OVER_QUEUE = SettingDef.integer("OverQueue", 1,
            "How many extra requests may queue up on this backend while one is processing.").withRange(-1, 1000);

    private final BackendTypeInfo info;
    protected final ComfyDriver driver;

    ComfyTypeBase(BackendTypeInfo info, ComfyDriver driver) {
        this.info = info;
        this.driver = driver;
    }

    @Override
    public final BackendTypeInfo info() {
        return info;
    }

    /** Reads the entry's settings and sets its usage limit from {@code OverQueue}. */
    static ComfySettings settingsOf(BackendContext context) {
        ComfySettings s = new ComfySettings(context.settings());
        context.setMaxUsages((int) Math.max(0, 1 + s.integer("OverQueue", 1)));
        return s;
    }
}
