package apiary.core.api.t2i;

import java.util.Objects;

/**
 * A group of parameters in the UI (SwarmUI's {@code T2IParamGroup}): {@code ListT2IParams} lists each group used by
 * a listed parameter. Immutable; the id follows the same rule as parameter ids.
 */
public final class T2IParamGroup {
    private final String name;
    private final String id;
    private final boolean toggles;
    private final boolean open;
    private final double priority;
    private final String description;
    private final boolean advanced;
    private final boolean canShrink;
    private final T2IParamGroup parent;

    private T2IParamGroup(String name, boolean toggles, boolean open, double priority, String description,
            boolean advanced, boolean canShrink, T2IParamGroup parent) {
        this.name = Objects.requireNonNull(name, "name");
        this.id = T2IParam.cleanId(name);
        this.toggles = toggles;
        this.open = open;
        this.priority = priority;
        this.description = description == null ? "" : description;
        this.advanced = advanced;
        this.canShrink = canShrink;
        this.parent = parent;
    }

    /**
     * @param name display name, e.g. {@code Sampling}
     * @param open whether it starts expanded
     * @param priority sort order, lower first
     * @param description help text
     * @return a group without toggle, not advanced, shrinkable, top level
     */
    public static T2IParamGroup of(String name, boolean open, double priority, String description) {
        return new T2IParamGroup(name, false, open, priority, description, false, true, null);
    }

    /** @return a copy whose parameters are all switched on or off by one toggle */
    public T2IParamGroup withToggle() { return new T2IParamGroup(name, true, open, priority, description, advanced, canShrink, parent); }
    /** @return a copy shown only under "advanced" */
    public T2IParamGroup asAdvanced() { return new T2IParamGroup(name, toggles, open, priority, description, true, canShrink, parent); }
    /** @return a copy that cannot be collapsed */
    public T2IParamGroup unshrinkable() { return new T2IParamGroup(name, toggles, open, priority, description, advanced, false, parent); }
    /** @param p the enclosing group @return a copy nested in it */
    public T2IParamGroup within(T2IParamGroup p) { return new T2IParamGroup(name, toggles, open, priority, description, advanced, canShrink, p); }

    /** @return the display name */
    public String name() { return name; }
    /** @return the id */
    public String id() { return id; }
    /** @return whether it has a toggle */
    public boolean toggles() { return toggles; }
    /** @return whether it starts open */
    public boolean open() { return open; }
    /** @return the sort priority */
    public double priority() { return priority; }
    /** @return the help text */
    public String description() { return description; }
    /** @return whether it is advanced */
    public boolean advanced() { return advanced; }
    /** @return whether it can be collapsed */
    public boolean canShrink() { return canShrink; }
    /** @return the enclosing group, or {@code null} */
    public T2IParamGroup parent() { return parent; }

    @Override
    public boolean equals(Object o) {
        return o instanceof T2IParamGroup && ((T2IParamGroup) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
