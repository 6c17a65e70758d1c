package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IRequest;
import apiary.core.backends.internal.pool.PoolView;
import apiary.core.backends.internal.pool.Slot;
import apiary.core.backends.internal.pool.SlotView;

/**
 * SwarmUI's per-request backend filter (behaviour spec §A.5.1), with its refusal texts: a backend that cannot
 * load models is a placeholder and is skipped silently; otherwise it is refused, with a reason, for another type
 * than {@code internalbackendtype}, another id than {@code exactbackendid}, a missing feature flag, a model (LoRA,
 * embedding...) missing from the lists it tracks, or its own check. A backend that gave the request back
 * (redirect) is refused too. Runs outside every lock: the backend's own check is backend code.
 */
final class RequestFilter {
    private static final System.Logger LOG = System.getLogger(RequestFilter.class.getName());

    /** Feature flags SwarmUI never lets block a request. */
    static final Set<String> DISREGARDED = Set.of("sd3", "flux-dev", "text2video", "cascade", "sdxl", "text2audio");

    private RequestFilter() {
    }

    /**
     * @param request the request
     * @param view the pool
     * @return the running backends that may take it, and the reasons of the others
     */
    static Eligibility evaluate(BackendRequest request, PoolView view) {
        Set<Slot> passed = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (SlotView s : view.slots()) {
            if (!s.state().takesWork()) {
                continue;
            }
            Optional<String> refused = refusal(request, s);
            if (refused.isEmpty()) {
                passed.add(s.slot());
            } else if (!refused.get().isEmpty()) {
                reasons.add(refused.get());
            }
        }
        return new Eligibility(view.version(), passed, new ArrayList<>(reasons));
    }

    /** @return empty when the backend may take the request; an empty reason for a silent refusal */
    private static Optional<String> refusal(BackendRequest request, SlotView s) {
        BackendDTO b = s.state().dto();
        if (!b.canLoadModels) {
            return Optional.of("");
        }
        if (request.excluded().contains(b.id)) {
            return Optional.of("The backend handed the request back to be run elsewhere");
        }
        T2IRequest params = request.params();
        String type = params == null ? null : params.get(CoreParams.INTERNAL_BACKEND_TYPE).orElse(null);
        if (type != null && !type.equalsIgnoreCase("any") && !type.equalsIgnoreCase(b.type)) {
            return Optional.of("Specific backend type requested in advanced parameters did not match");
        }
        Integer exact = exactId(request);
        if (exact != null && exact != b.id && !exact.equals(b.parentId)) {
            return Optional.of("Specific backend ID# requested in advanced parameters did not match");
        }
        if (params == null) {
            return Optional.empty();
        }
        Set<String> features = Set.copyOf(b.features);
        for (String flag : params.requiredFeatures()) {
            if (!features.contains(flag) && !DISREGARDED.contains(flag)) {
                return Optional.of("Request requires flag '" + flag + "' which is not present on the backend");
            }
        }
        Optional<String> missing = missingModel(params, b.models);
        if (missing.isPresent()) {
            return missing;
        }
        try {
            return s.state().generator().refusalReason(params);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Backend #" + b.id + " failed to check a request; treating it as refused", e);
            return Optional.of("The backend could not check the request");
        }
    }

    private static Integer exactId(BackendRequest request) {
        if (request.exactBackendId().isPresent()) {
            return request.exactBackendId().getAsInt();
        }
        if (request.params() == null) {
            return null;
        }
        Optional<String> raw = request.params().get(CoreParams.EXACT_BACKEND_ID);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE; // matches no backend, so the request is refused with the usual reason
        }
    }

    /** SwarmUI's model-list check: a listed name, or the name plus {@code .safetensors}; {@code (none)} passes. */
    private static Optional<String> missingModel(T2IRequest params, Map<String, List<String>> models) {
        if (models == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Set<String>> used : params.usedModels().entrySet()) {
            List<String> have = models.get(used.getKey());
            if (have == null) {
                continue;
            }
            for (String name : used.getValue()) {
                if (name == null || name.toLowerCase(Locale.ROOT).equals("(none)") || have.contains(name)
                        || have.contains(name + ".safetensors")) {
                    continue;
                }
                return Optional.of(describeMissing(used.getKey(), name));
            }
        }
        return Optional.empty();
    }

    private static String describeMissing(String subtype, String name) {
        switch (subtype) {
            case "LoRA":
                return "Request requires LoRA '" + name + "' but the backend does not have that LoRA";
            case "Embedding":
                return "Request requires embedding '" + name + "' but the backend does not have that embedding";
            default:
                return "Request requires model '" + name + "' but the backend does not have that model";
        }
    }
}
