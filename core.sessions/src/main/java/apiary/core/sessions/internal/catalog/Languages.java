package apiary.core.sessions.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import apiary.core.api.json.Json;

/**
 * The UI translation files: {@code en} ships inside this bundle; more ({@code <code>.json}) can be dropped into
 * {@code <data>/languages/}, where a file also overrides a bundled language of the same code. Files are re-read when
 * they change. A language is only ever found by its code among the loaded files, never by a path built from input.
 */
public final class Languages {
    private static final System.Logger LOG = System.getLogger(Languages.class.getName());
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final List<String> BUNDLED = List.of("en");

    /** One language: its code, English and local names, and the translation keys. */
    public record Language(String code, String name, String localName, Map<String, Object> keys) {
        /** @return {@code {"code","name","local_name","keys"}} as {@code GetLanguage} sends it */
        public Map<String, Object> wire() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", code);
            out.put("name", name);
            out.put("local_name", localName);
            out.put("keys", keys);
            return out;
        }
    }

    private final Path folder;
    private final Json json;
    private final Map<String, Language> bundled = new TreeMap<>();
    private final ParsedFiles<Language> files = new ParsedFiles<>(text -> parse("", text));

    /**
     * @param folder {@code <data>/languages}
     * @param json the JSON service
     */
    public Languages(Path folder, Json json) {
        this.folder = folder;
        this.json = json;
        for (String code : BUNDLED) {
            try (InputStream in = Languages.class.getResourceAsStream("/languages/" + code + ".json")) {
                if (in != null) {
                    bundled.put(code, parse(code, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.ERROR, "Bundled language file " + code + ".json is unreadable", e);
            }
        }
    }

    /** @return every available language code, sorted */
    public List<String> codes() {
        return List.copyOf(all().keySet());
    }

    /**
     * @param code a language code such as {@code en}
     * @return the language, if a file for that exact code exists
     */
    public Optional<Language> find(String code) {
        return Optional.ofNullable(all().get(code));
    }

    private Map<String, Language> all() {
        Map<String, Language> out = new TreeMap<>(bundled);
        if (!Files.isDirectory(folder)) {
            return out;
        }
        for (String name : DataFiles.list(folder, List.of(".json"))) {
            String code = name.substring(0, name.length() - ".json".length());
            if (CODE.matcher(code).matches()) {
                Language lang = load(folder.resolve(name), code);
                if (lang != null) {
                    out.put(code, lang);
                }
            }
        }
        return out;
    }

    private Language load(Path file, String code) {
        try {
            Language parsed = files.get(file);
            return new Language(code, parsed.name(), parsed.localName(), parsed.keys());
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Skipping language file {0}: {1}", file, e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Language parse(String code, String text) {
        Map<String, Object> root = json.readObject(text);
        Object keys = root.get("keys");
        if (keys != null && !(keys instanceof Map)) {
            throw new IllegalArgumentException("'keys' must be an object");
        }
        String name = String.valueOf(root.getOrDefault("name_en", code));
        String local = String.valueOf(root.getOrDefault("name_local", name));
        return new Language(code, name, local, keys == null ? Map.of() : (Map<String, Object>) keys);
    }
}
