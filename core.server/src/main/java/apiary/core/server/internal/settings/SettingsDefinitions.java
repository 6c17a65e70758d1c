package apiary.core.server.internal.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;

/**
 * Merges the contributors' node lists into one tree: top-level nodes in contributor order; groups with the same id
 * merge child by child (so several bundles may contribute under {@code paths}); a leaf defined twice keeps the first
 * definition.
 */
final class SettingsDefinitions {
    private SettingsDefinitions() {
    }

    /**
     * @param contributions each contributor's nodes, in contributor order
     * @param duplicate told the dotted id of every leaf defined twice
     */
    static List<SettingDef> merge(List<List<SettingDef>> contributions, Consumer<String> duplicate) {
        List<SettingDef> merged = new ArrayList<>();
        for (List<SettingDef> nodes : contributions) {
            merged = mergeLevel(merged, nodes, "", duplicate);
        }
        return List.copyOf(merged);
    }

    private static List<SettingDef> mergeLevel(List<SettingDef> existing, List<SettingDef> added, String prefix,
            Consumer<String> duplicate) {
        Map<String, SettingDef> byId = new LinkedHashMap<>();
        for (SettingDef d : existing) {
            byId.put(d.id(), d);
        }
        for (SettingDef d : added) {
            SettingDef old = byId.get(d.id());
            if (old == null) {
                byId.put(d.id(), d);
            } else if (old.type() == SettingType.GROUP && d.type() == SettingType.GROUP) {
                List<SettingDef> children = mergeLevel(old.children(), d.children(), prefix + d.id() + ".", duplicate);
                byId.put(d.id(), SettingDef.group(old.name(), old.description(), children));
            } else {
                duplicate.accept(prefix + d.id());
            }
        }
        return new ArrayList<>(byId.values());
    }
}
