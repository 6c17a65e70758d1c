package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;
import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IParam;

/**
 * Turns one request value's string form into its parameter's Java value by SwarmUI's validation rules, with
 * SwarmUI's error texts ({@code ValidateParam}).
 */
final class ValueCoercer {
    private static final List<String> USER_FILE_PREFIXES = List.of("inputs/", "raw/", "Starred/");

    private final ModelCatalog models;
    private final UserMedia media;

    ValueCoercer(ModelCatalog models, UserMedia media) {
        this.models = models;
        this.media = media;
    }

    /**
     * @param p the parameter
     * @param text the value's string form
     * @param user the caller (model access, own files)
     * @return the typed value
     * @throws ApiError {@code Invalid value for parameter Name: ...}
     */
    Object coerce(T2IParam<?> p, String text, User user) {
        String detail;
        switch (p.type()) {
            case INTEGER: return integer(p, text);
            case DECIMAL: return decimal(p, text);
            case BOOLEAN:
                String b = text.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("false")) {
                    return Boolean.valueOf(b);
                }
                detail = "Invalid boolean value for param " + p.name() + " - '" + text + "' - must be exactly 'true' or 'false'";
                break;
            case TEXT:
            case DROPDOWN: return choice(p, text);
            case LIST: return list(p, text);
            case MODEL: return model(p, text, user);
            case IMAGE: case AUDIO: case VIDEO: return media(p, text, user);
            default: return mediaList(p, text, user);
        }
        throw ParamError.invalid(p.name(), detail);
    }

    private static Long integer(T2IParam<?> p, String text) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ParamError.invalid(p.name(), "Invalid integer value for param " + p.name() + " - '" + text
                    + "' - must be a valid integer (eg '0', '3', '-5', etc)");
        }
        if ((p.min() != 0 || p.max() != 0) && (v < p.min() || v > p.max())) {
            throw ParamError.invalid(p.name(), "Invalid integer value for param " + p.name() + " - '" + text
                    + "' - must be between " + SwarmText.number(p.min()) + " and " + SwarmText.number(p.max()));
        }
        return v;
    }

    private static Double decimal(T2IParam<?> p, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw ParamError.invalid(p.name(), "Invalid decimal value for param " + p.name() + " - '" + text
                    + "' - must be a valid decimal (eg '0.0', '3.5', '-5.2', etc)");
        }
        if ((p.min() != 0 || p.max() != 0) && (v < p.min() || v > p.max())) {
            throw ParamError.invalid(p.name(), "Invalid decimal value for param " + p.name() + " - '" + text
                    + "' - must be between " + SwarmText.number(p.min()) + " and " + SwarmText.number(p.max()));
        }
        return v;
    }

    private static String choice(T2IParam<?> p, String text) {
        List<String> values = p.values();
        if (values == null) {
            return text;
        }
        List<String> raw = valueParts(values);
        String match = FuzzyMatch.best(text, raw);
        if (match == null) {
            throw ParamError.invalid(p.name(), "Invalid value for param " + p.name() + " - '" + text
                    + "' - must be one of: `" + SwarmText.choices(raw) + "`");
        }
        return match;
    }

    private static List<String> list(T2IParam<?> p, String text) {
        String[] parts = text.contains(SwarmText.LIST_SEPARATOR) ? text.split("\n\\|\\|\\|\n") : text.split(",");
        List<String> out = new ArrayList<>();
        List<String> possible = p.values() == null ? null : valueParts(p.values());
        for (String part : parts) {
            String v = part.trim();
            if (v.isEmpty()) {
                continue;
            }
            if (possible != null) {
                String match = FuzzyMatch.best(v, possible);
                if (match == null) {
                    match = FuzzyMatch.bestModel(FuzzyMatch.cleanModelName(v), possible);
                }
                if (match == null) {
                    throw ParamError.invalid(p.name(), "Invalid value for param " + p.name() + " - '" + text + "' - "
                            + (possible.size() < 10 ? "must be one of: `" + SwarmText.choices(possible) + "`"
                                    : "option does not exist. Has it been deleted?"));
                }
                v = match;
            }
            out.add(v);
        }
        return out;
    }

    private String model(T2IParam<?> p, String text, User user) {
        if (text.equalsIgnoreCase("(none)") || text.equalsIgnoreCase("none")) {
            return text;
        }
        String match = FuzzyMatch.bestModel(text, models.names(p.subtype(), user));
        if (match == null) {
            throw ParamError.invalid(p.name(), "Invalid model value for param " + p.name() + " - '" + text
                    + "' - are you sure that model name is correct?");
        }
        return match;
    }

    private MediaInput media(T2IParam<?> p, String text, User user) {
        String v = text.trim();
        for (String prefix : USER_FILE_PREFIXES) {
            if (v.startsWith(prefix)) {
                return media.read(user, v).orElseThrow(() -> ParamError.invalid(p.name(),
                        "Invalid image value for param " + p.name() + " - '" + text + "' - that file does not exist"));
            }
        }
        String mediaType = "image/png";
        if (v.startsWith("data:")) {
            int comma = v.indexOf(',');
            int semi = v.indexOf(';');
            if (semi > 5 && semi < comma) {
                mediaType = v.substring(5, semi);
            }
            v = comma < 0 ? "" : v.substring(comma + 1);
        }
        if (v.isBlank()) {
            return null;
        }
        byte[] data = v.length() < 10 ? null : decode(v);
        if (data == null) {
            String shortText = v.length() > 10 ? v.substring(0, 10) + "..." : v;
            throw ParamError.invalid(p.name(), "Invalid image value for param " + p.name() + " - '" + abbreviate(text)
                    + "' - must be a valid base64 string - got '" + shortText + "'");
        }
        return new MediaInput(data, mediaType, null);
    }

    private List<MediaInput> mediaList(T2IParam<?> p, String text, User user) {
        List<MediaInput> out = new ArrayList<>();
        for (String part : text.split("\\|")) {
            MediaInput m = part.isBlank() ? null : media(p, part, user);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static byte[] decode(String base64) {
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '=') {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    static List<String> valueParts(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            int i = v.indexOf("///");
            out.add(i < 0 ? v : v.substring(0, i));
        }
        return out;
    }
}
