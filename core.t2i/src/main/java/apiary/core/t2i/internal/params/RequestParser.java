package apiary.core.t2i.internal.params;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamType;
import apiary.core.api.user.PresetLibrary;

/**
 * SwarmUI's request-to-parameters step ({@code RequestToParams}): each known key validated and set (unknown keys
 * ignored, IgnoreIf honoured, permissions checked), then presets, then the special handling of
 * {@link RequestFinisher} (seeds, sizes, LoRA weights); last the prompts' wildcard tags are filled from the locked
 * seeds ({@link PromptWildcards}).
 */
final class RequestParser {
    private static final System.Logger LOG = System.getLogger(RequestParser.class.getName());
    /** Keys of the body that are not parameters. */
    private static final Set<String> NON_PARAMS = Set.of("session_id", "presets", "extra_metadata");
    /** Longer prompts are refused (SwarmUI takes any size; a megabyte of prompt is abuse, not art). */
    static final int MAX_PROMPT_CHARS = 100_000;

    private final ParamTable table;
    private final ValueCoercer coercer;
    private final PresetLibrary presets;
    private final PromptWildcards wildcards;

    RequestParser(ParamTable table, ValueCoercer coercer, PresetLibrary presets) {
        this(table, coercer, presets, PromptWildcards.NONE);
    }

    RequestParser(ParamTable table, ValueCoercer coercer, PresetLibrary presets, PromptWildcards wildcards) {
        this.table = table;
        this.coercer = coercer;
        this.presets = presets;
        this.wildcards = wildcards;
    }

    T2IRequestImpl parse(User user, Map<String, Object> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (NON_PARAMS.contains(e.getKey())) {
                continue;
            }
            T2IParam<?> p = table.find(e.getKey());
            if (p == null) {
                LOG.log(Level.DEBUG, "Ignoring unknown T2I parameter ''{0}''", e.getKey());
                continue;
            }
            apply(p, SwarmText.of(e.getValue()), user, values, null);
        }
        applyPresets(raw.get("presets"), user, values);
        checkPromptLengths(values);
        RequestFinisher.finish(table, values);
        return T2IRequestImpl.create(user, table, values, extraMetadata(raw.get("extra_metadata")), wildcards);
    }

    private void apply(T2IParam<?> p, String text, User user, Map<String, Object> values, Object prior) {
        if (p.ignoreIfValue() != null && p.ignoreIfValue().equals(text)) {
            values.remove(p.id());
            return;
        }
        if (p.permission() != null && !user.hasPermission(p.permission())) {
            throw new ApiError("You do not have permission to use parameter " + p.name() + ".");
        }
        if (prior instanceof String && (p.type() == T2IParamType.TEXT) && text.contains("{value}")) {
            text = text.replace("{value}", (String) prior);
        }
        Object v = coercer.coerce(p, text, user);
        if (v == null) {
            values.remove(p.id());
        } else {
            values.put(p.id(), v);
        }
    }

    private void applyPresets(Object names, User user, Map<String, Object> values) {
        if (names == null || "".equals(names)) {
            return;
        }
        List<?> list = names instanceof List ? (List<?>) names : List.of(SwarmText.of(names).split(","));
        for (Object name : list) {
            String title = String.valueOf(name).trim();
            if (title.isEmpty()) {
                continue;
            }
            Optional<Map<String, String>> preset = presets == null ? Optional.empty() : presets.paramMap(user.id(), title);
            if (preset.isEmpty()) {
                throw new ApiError("Preset '" + title + "' does not exist.");
            }
            preset.get().forEach((key, text) -> {
                T2IParam<?> p = table.find(key);
                if (p != null) {
                    apply(p, text, user, values, values.get(p.id()));
                }
            });
        }
    }

    private static void checkPromptLengths(Map<String, Object> values) {
        for (String id : List.of("prompt", "negativeprompt")) {
            Object v = values.get(id);
            if (v instanceof String && ((String) v).length() > MAX_PROMPT_CHARS) {
                throw new ApiError("The " + (id.equals("prompt") ? "prompt" : "negative prompt") + " is too long ("
                        + ((String) v).length() + " characters; at most " + MAX_PROMPT_CHARS + ").");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extraMetadata(Object raw) {
        return raw instanceof Map ? (Map<String, Object>) raw : Map.of();
    }
}
