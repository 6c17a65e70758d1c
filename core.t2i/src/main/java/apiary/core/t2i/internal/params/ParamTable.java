package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamRefusal;
import apiary.core.api.t2i.T2IParamType;

/**
 * An immutable snapshot of the served parameters, built from every registration: invalid ones refused, ids served
 * by a better registration shadowed, the rest sorted for listing (group priority, then parameter priority).
 */
final class ParamTable {
    /** SwarmUI's renamed parameters: old id to current id. */
    static final Map<String, String> REMAPS = Map.of("saveintermediateimages", "outputintermediateimages",
            "textvideofps", "videofps", "textvideoboomerang", "videoboomerang", "textvideoformat", "videoformat");

    static final ParamTable EMPTY = new ParamTable(List.of(), List.of());

    private final List<T2IParam<?>> ordered;
    private final Map<String, T2IParam<?>> byId;
    private final List<T2IParamRefusal> refusals;

    private ParamTable(List<T2IParam<?>> ordered, List<T2IParamRefusal> refusals) {
        this.ordered = List.copyOf(ordered);
        Map<String, T2IParam<?>> map = new HashMap<>();
        ordered.forEach(p -> map.put(p.id(), p));
        this.byId = map;
        this.refusals = List.copyOf(refusals);
    }

    /**
     * @param registrations every provider's parameters
     * @param knownPermissions the declared permission ids
     * @return the table
     */
    static ParamTable build(Collection<ParamRegistration> registrations, Set<String> knownPermissions) {
        List<T2IParamRefusal> refused = new ArrayList<>();
        Map<String, T2IParam<?>> winners = new LinkedHashMap<>();
        Map<String, ParamRegistration> winnerOf = new HashMap<>();
        List<ParamRegistration> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator.comparingLong(ParamRegistration::serviceId));
        for (ParamRegistration reg : sorted) {
            Map<String, Boolean> seen = new HashMap<>();
            for (T2IParam<?> p : reg.params()) {
                String problem = problem(p, knownPermissions);
                if (problem == null && seen.put(p.id(), true) != null) {
                    problem = "the same provider registers the id '" + p.id() + "' twice";
                }
                if (problem != null) {
                    refused.add(refusal(p, reg, false, problem));
                    continue;
                }
                ParamRegistration holder = winnerOf.get(p.id());
                if (holder == null) {
                    winners.put(p.id(), p);
                    winnerOf.put(p.id(), reg);
                } else if (reg.beats(holder)) {
                    refused.add(refusal(winners.get(p.id()), holder, true, shadowText(reg)));
                    winners.put(p.id(), p);
                    winnerOf.put(p.id(), reg);
                } else {
                    refused.add(refusal(p, reg, true, shadowText(holder)));
                }
            }
        }
        List<T2IParam<?>> ordered = new ArrayList<>(winners.values());
        ordered.sort(Comparator.comparingDouble(ParamTable::groupPriority).thenComparingDouble(T2IParam::priorityValue));
        return new ParamTable(ordered, refused);
    }

    private static String shadowText(ParamRegistration winner) {
        return "shadowed by the registration of bundle " + winner.bundle() + " (service " + winner.serviceId()
                + ", ranking " + winner.ranking() + ")";
    }

    private static double groupPriority(T2IParam<?> p) {
        return p.group() == null ? p.priorityValue() : p.group().priority();
    }

    /** @return why a definition cannot be served, or null when it can */
    static String problem(T2IParam<?> p, Set<String> knownPermissions) {
        if (p.id().isEmpty()) {
            return "the name has no letters, so there is no id";
        }
        if (REMAPS.containsKey(p.id())) {
            return "the id '" + p.id() + "' is an old name SwarmUI remaps to '" + REMAPS.get(p.id()) + "'";
        }
        if (p.permission() != null && !knownPermissions.contains(p.permission())) {
            return "it needs the permission '" + p.permission() + "', which no running bundle declares";
        }
        String def = p.defaultValue();
        try {
            if (p.type() == T2IParamType.INTEGER && !def.isEmpty()) {
                Long.parseLong(def.trim());
            } else if (p.type() == T2IParamType.DECIMAL && !def.isEmpty()) {
                Double.parseDouble(def.trim());
            } else if (p.type() == T2IParamType.BOOLEAN && !def.isEmpty()
                    && !def.equalsIgnoreCase("true") && !def.equalsIgnoreCase("false")) {
                return "the default '" + def + "' is not true or false";
            }
        } catch (NumberFormatException e) {
            return "the default '" + def + "' is not a " + p.type().wireName();
        }
        if (p.type() == T2IParamType.MODEL && (p.subtype() == null || p.subtype().isBlank())) {
            return "a model parameter needs a model subtype";
        }
        return null;
    }

    private static T2IParamRefusal refusal(T2IParam<?> p, ParamRegistration reg, boolean shadowed, String reason) {
        T2IParamRefusal r = new T2IParamRefusal();
        r.id = p.id();
        r.name = p.name();
        r.bundle = reg.bundle();
        r.shadowed = shadowed;
        r.reason = reason;
        return r;
    }

    /** @return the served parameters in listing order */
    List<T2IParam<?>> params() {
        return ordered;
    }

    /**
     * @param key an id, name or request key
     * @return the served parameter after cleaning and remaps, or null
     */
    T2IParam<?> find(String key) {
        String id = T2IParam.cleanId(key.toLowerCase(Locale.ROOT));
        T2IParam<?> p = byId.get(id);
        if (p == null && REMAPS.containsKey(id)) {
            p = byId.get(REMAPS.get(id));
        }
        return p;
    }

    /** @return registrations not served, with reasons */
    List<T2IParamRefusal> refusals() {
        return refusals;
    }
}
