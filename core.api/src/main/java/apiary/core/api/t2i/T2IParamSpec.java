package apiary.core.api.t2i;

import java.util.List;
import java.util.function.Supplier;

/** The mutable field set behind an immutable {@link T2IParam}; each {@code with}-style call copies it. */
final class T2IParamSpec implements Cloneable {
    String name;
    String id;
    T2IParamType type;
    String description = "";
    String defaultValue = "";
    double min;
    double max;
    double viewMin;
    double viewMax;
    double step = 1;
    Supplier<List<String>> values;
    List<String> examples;
    String subtype;
    boolean visible = true;
    boolean advanced;
    String featureFlag;
    boolean toggleable;
    double priority;
    T2IParamGroup group;
    boolean alwaysRetain;
    boolean doNotSave;
    boolean doNotPreview;
    String viewType = "small";
    boolean extraHidden;
    boolean canSectionalize;
    boolean nonreusable;
    String dependNonDefault;
    String ignoreIf;
    String permission;

    T2IParamSpec copy() {
        try {
            return (T2IParamSpec) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
