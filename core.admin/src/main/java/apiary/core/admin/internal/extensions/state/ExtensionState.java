package apiary.core.admin.internal.extensions.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which extensions an admin asked for: for each, the location of its main bundle and the locations of the bundles
 * installed as its dependencies. Every other bundle the manager installed is a dependency nothing asked for.
 * Immutable; changes return a new state.
 */
public final class ExtensionState {
    /** One requested extension. */
    public static final class Entry {
        /** The main bundle's location. */
        public final String location;
        /** Locations of manager-installed bundles it needs. */
        public final Set<String> uses;

        /**
         * @param location the main bundle's location
         * @param uses dependency locations
         */
        public Entry(String location, Set<String> uses) {
            this.location = location;
            this.uses = Collections.unmodifiableSet(new LinkedHashSet<>(uses));
        }
    }

    /** No extension requested. */
    public static final ExtensionState EMPTY = new ExtensionState(Map.of());

    private final Map<String, Entry> extensions;

    /** @param extensions by name */
    public ExtensionState(Map<String, Entry> extensions) {
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** @return requested extensions by name, in the order they were installed */
    public Map<String, Entry> extensions() {
        return extensions;
    }

    /** @return the name of the extension whose main bundle has this location, or {@code null} */
    public String nameOf(String location) {
        for (Map.Entry<String, Entry> e : extensions.entrySet()) {
            if (e.getValue().location.equals(location)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return a state with the extension added or replaced */
    public ExtensionState with(String name, String location, Set<String> uses) {
        Map<String, Entry> copy = new LinkedHashMap<>(extensions);
        copy.put(name, new Entry(location, uses));
        return new ExtensionState(copy);
    }

    /** @return a state with the extension's dependencies extended */
    public ExtensionState withUses(String name, List<String> more) {
        Entry e = extensions.get(name);
        if (e == null) {
            return this;
        }
        Set<String> uses = new LinkedHashSet<>(e.uses);
        uses.addAll(more);
        return with(name, e.location, uses);
    }

    /** @return a state without the extensions */
    public ExtensionState without(Set<String> names) {
        Map<String, Entry> copy = new LinkedHashMap<>(extensions);
        copy.keySet().removeAll(names);
        return new ExtensionState(copy);
    }

    /** @return the locations every requested extension needs: main bundles and dependencies */
    public Set<String> neededLocations() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : extensions.values()) {
            out.add(e.location);
            out.addAll(e.uses);
        }
        return out;
    }
}
