package apiary.core.admin.internal.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import apiary.core.api.json.Json;

/**
 * The language-builder file {@code <data>/languages/en.debug}: every UI string seen so far, in the language file
 * format ({@code {"name_en", "name_local", "keys": {english: translation}}}), from which translators start. Only
 * this file is written; the real language files are left alone.
 */
final class LanguageBuilder {
    private final Path file;
    private final Json json;

    LanguageBuilder(Path dataDir, Json json) {
        this.file = dataDir.resolve("languages").resolve("en.debug");
        this.json = json;
    }

    Path file() {
        return file;
    }

    /**
     * Adds the strings that are not blank and not numbers.
     *
     * @return how many were new
     */
    synchronized int add(List<?> words) throws IOException {
        Map<String, Object> keys = new TreeMap<>(existingKeys());
        int before = keys.size();
        for (Object w : words) {
            if (w instanceof String && isText((String) w)) {
                keys.putIfAbsent((String) w, w);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name_en", "English");
        doc.put("name_local", "English");
        doc.put("keys", keys);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("en.debug.tmp");
        Files.writeString(tmp, json.write(doc), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return keys.size() - before;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> existingKeys() throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Object keys = json.readObject(Files.readString(file, StandardCharsets.UTF_8)).get("keys");
            return keys instanceof Map ? (Map<String, Object>) keys : Map.of();
        } catch (IllegalArgumentException e) {
            throw new IOException("The language builder file " + file.getFileName() + " is not valid JSON", e);
        }
    }

    private static boolean isText(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(t);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
