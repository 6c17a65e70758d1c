package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatusReport;

/** Snapshots handed out by the registry, so that callers never hold live state. */
final class BackendViews {
    private BackendViews() {
    }

    /**
     * @param e the entry (registry lock held)
     * @param type the type in use for it, or {@code null}
     * @return its snapshot, settings masked
     */
    static BackendDTO dto(BackendEntry e, TypeBinding type) {
        Map<String, Object> shown;
        try {
            shown = BackendSettings.masked(type == null ? null : type.info().settings(), resolvedOrStored(type, e.stored));
        } catch (IllegalArgumentException invalid) {
            shown = BackendSettings.masked(null, e.stored.settings());
        }
        return e.toDto(type != null, shown);
    }

    private static Map<String, Object> resolvedOrStored(TypeBinding type, StoredBackend s) {
        return type == null ? s.settings() : BackendSettings.resolve(type.info().settings(), s.settings());
    }

    /** @return a copy the caller may change */
    static BackendStatusReport copy(BackendStatusReport r) {
        BackendStatusReport c = new BackendStatusReport();
        c.status = r.status;
        c.cssClass = r.cssClass;
        c.message = r.message;
        c.anyLoading = r.anyLoading;
        c.supportedFeatures = new ArrayList<>(r.supportedFeatures);
        return c;
    }
}
