package apiary.core.t2i.internal.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.core.t2i.internal.params.FuzzyMatch;

/**
 * Fills an output path format such as {@code raw/[year]-[month]-[day]/[hour][minute][request_time_inc]-[prompt]-[model]}
 * the way SwarmUI's {@code OutPathBuilder} does: each {@code [tag]} replaced (shortened to the per-part limit,
 * slashes removed), unknown tags left as written, then the whole path cleaned by {@link PathCleaner}. The
 * {@code [number]} tag is kept for {@link OutputNamer}, which fills it when it resolves collisions.
 */
final class OutPathBuilder {
    /** SwarmUI's default format. */
    static final String DEFAULT_FORMAT = "raw/[year]-[month]-[day]/[hour][minute][request_time_inc]-[prompt]-[model]";
    /** Placeholder the collision counter replaces. */
    static final String NUMBER = "[number]";
    private static final Pattern TAG = Pattern.compile("\\[([^\\[\\]]+)\\]");

    /** What a path is built from. */
    record Input(LocalDateTime time, int requestTimeInc, Map<String, Object> params, Map<String, Object> extra,
            String userName, String batchId, boolean modelSkipFolders) {
    }

    private OutPathBuilder() {
    }

    /**
     * @param format the format (the user's setting or {@code overrideoutpathformat})
     * @param maxLength SwarmUI's MaxLenPerPart
     * @param in the values
     * @return the cleaned relative path without extension, possibly still holding {@link #NUMBER}
     */
    static String build(String format, int maxLength, Input in) {
        Matcher m = TAG.matcher(format == null || format.isBlank() ? DEFAULT_FORMAT : format);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1);
            String value = tag.equalsIgnoreCase("number") ? null : fill(tag.toLowerCase(Locale.ROOT), in);
            String replacement = value == null || value.equals(NUMBER) ? m.group() : PathCleaner.tagValue(value, maxLength);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return PathCleaner.clean(sb.toString());
    }

    /** @return the tag's value, unformatted (not shortened or cleaned), or null for an unknown tag */
    static String fill(String tag, Input in) {
        LocalDateTime t = in.time();
        Function<Object, String> text = v -> v == null ? "" : v instanceof List ? String.join("-", strings((List<?>) v)) : String.valueOf(v);
        switch (tag) {
            case "year": return padded(t.getYear(), 4);
            case "month": return two(t.getMonthValue());
            case "day": return two(t.getDayOfMonth());
            case "hour": return two(t.getHour());
            case "minute": return two(t.getMinute());
            case "second": return two(t.getSecond());
            case "millisecond": return padded(t.getNano() / 1_000_000, 3);
            case "month_name": return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "day_name": return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "request_time_inc": return padded(in.requestTimeInc(), 3);
            case "prompt": return text.apply(in.params().get("prompt"));
            case "negative_prompt": return text.apply(in.params().get("negativeprompt"));
            case "prompthash": return hash(text.apply(in.params().get("prompt")));
            case "negativeprompthash": return hash(text.apply(in.params().get("negativeprompt")));
            case "seed": return text.apply(in.params().get("seed"));
            case "cfg_scale": return text.apply(in.params().get("cfgscale"));
            case "width": return text.apply(in.params().get("width"));
            case "height": return text.apply(in.params().get("height"));
            case "steps": return text.apply(in.params().get("steps"));
            case "model": return modelName(in.params().get("model"), in.modelSkipFolders());
            case "model_title": return modelName(in.params().get("model"), true);
            case "loras": return text.apply(in.params().get("loras"));
            case "batch_id": return in.batchId();
            case "user_name": return in.userName();
            default:
                if (in.params().containsKey(tag)) {
                    return text.apply(in.params().get(tag));
                }
                return in.extra().containsKey(tag) ? text.apply(in.extra().get(tag)) : null;
        }
    }

    private static List<String> strings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }

    private static String two(int v) {
        return padded(v, 2);
    }

    /** Zero-padded ASCII digits whatever the default locale (String.format would localise them, and is slow). */
    static String padded(long v, int width) {
        String digits = Long.toString(v);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String modelName(Object model, boolean skipFolders) {
        if (model == null) {
            return "";
        }
        String name = FuzzyMatch.cleanModelName(String.valueOf(model));
        int dot = name.lastIndexOf('.');
        if (dot > name.lastIndexOf('/')) {
            name = name.substring(0, dot);
        }
        return skipFolders && name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
