package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.t2i.T2IParam;

/** A parameter's registered default text as its Java value (no validation: the registry checked it). */
final class Defaults {
    private Defaults() {
    }

    static Object of(T2IParam<?> p) {
        String d = p.defaultValue();
        switch (p.type()) {
            case INTEGER: return d.isBlank() ? null : Long.parseLong(d.trim());
            case DECIMAL: return d.isBlank() ? null : Double.parseDouble(d.trim());
            case BOOLEAN: return d.isBlank() ? null : Boolean.valueOf(d.trim().toLowerCase());
            case TEXT: case DROPDOWN: return d;
            case MODEL: return d.isEmpty() ? null : d;
            case LIST:
                List<String> out = new ArrayList<>();
                for (String part : d.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
                return out;
            default: return null;
        }
    }
}
