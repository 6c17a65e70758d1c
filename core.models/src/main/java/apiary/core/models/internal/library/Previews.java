package apiary.core.models.internal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.json.Json;
import apiary.core.models.internal.meta.SafetensorsHeader;
import apiary.core.models.internal.meta.Sidecars;
import apiary.core.models.internal.paths.ModelNames;

/**
 * Model preview images, read from disk when asked for instead of being kept in memory for every model: from the
 * safetensors metadata (a {@code data:image/} URL) or from a sidecar image file.
 */
public final class Previews {
    /** A preview image. */
    public record Image(byte[] bytes, String mediaType) {
        /** @return it as a {@code data:} URL */
        public String dataUrl() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** SwarmUI's {@code ModelEditID}: bumped by every edit, so preview URLs change and caches refetch. */
    private static final AtomicLong EDIT_ID = new AtomicLong();

    private final Json json;
    private final long maxHeaderBytes;

    /**
     * @param json JSON
     * @param maxHeaderBytes the header limit
     */
    public Previews(Json json, long maxHeaderBytes) {
        this.json = json;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** @return the current edit id (preview URLs made under another one are out of date) */
    public static long editId() {
        return EDIT_ID.get();
    }

    /** Counts an edit. */
    public static void edited() {
        EDIT_ID.incrementAndGet();
    }

    /**
     * @param subtype the URL's subtype part
     * @param name the model or wildcard name
     * @return the URL that {@code /ViewSpecial} serves the preview at
     */
    public static String url(String subtype, String name) {
        return "/ViewSpecial/" + subtype + "/" + name + "?editid=" + EDIT_ID.get();
    }

    /**
     * @param r a model
     * @return its preview image, if it has one that can be read
     */
    public Optional<Image> load(ModelRecord r) {
        String where = r.metadata().preview();
        if (where == null) {
            return Optional.empty();
        }
        try {
            if ("header".equals(where)) {
                return fromHeader(r.path());
            }
            Path file = r.path().resolveSibling(ModelNames.withoutExtension(r.path().getFileName().toString()) + where);
            return Optional.of(new Image(Files.readAllBytes(file), Sidecars.mediaType(where)));
        } catch (IOException | SafetensorsHeader.BadHeader | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Image> fromHeader(Path file) throws IOException, SafetensorsHeader.BadHeader {
        Object meta = SafetensorsHeader.read(file, maxHeaderBytes, json).get("__metadata__");
        if (!(meta instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> m = (Map<?, ?>) meta;
        for (String key : new String[] {"modelspec.preview_image", "modelspec.thumbnail", "preview_image", "thumbnail"}) {
            if (m.get(key) instanceof String) {
                return decode((String) m.get(key));
            }
        }
        return Optional.empty();
    }

    /** @param dataUrl a {@code data:image/...;base64,} URL @return the image, or empty when it is not one */
    public static Optional<Image> decode(String dataUrl) {
        int comma = dataUrl.indexOf(',');
        if (!dataUrl.startsWith("data:image/") || comma < 0 || !dataUrl.substring(0, comma).endsWith(";base64")) {
            return Optional.empty();
        }
        String type = dataUrl.substring(5, dataUrl.indexOf(';'));
        if (!type.matches("image/(png|jpeg|jpg|webp|gif)")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Image(Base64.getDecoder().decode(dataUrl.substring(comma + 1).strip()),
                    "image/jpg".equals(type) ? "image/jpeg" : type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
