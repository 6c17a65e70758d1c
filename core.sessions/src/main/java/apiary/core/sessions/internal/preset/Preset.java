package apiary.core.sessions.internal.preset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored parameter preset. The preview is a {@code data:image/jpeg;base64,...} URL of the re-encoded image, or a
 * plain path such as {@code imgs/model_placeholder.jpg}.
 *
 * @param author the owning user
 * @param title the cleaned title; unique per user, ignoring case
 * @param description free text
 * @param previewImage the preview as stored
 * @param starred whether the user starred it
 * @param paramMap parameter id to value text
 * @param editId changes on every save, so preview URLs change with the image
 */
public record Preset(String author, String title, String description, String previewImage, boolean starred,
        Map<String, String> paramMap, long editId) {
    /** The preview of a preset without its own image. */
    public static final String PLACEHOLDER = "imgs/model_placeholder.jpg";

    /** @return the object SwarmUI clients expect, with an image URL in place of inline image data */
    public Map<String, Object> wire() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("author", author);
        out.put("title", title);
        out.put("description", description);
        out.put("preview_image", previewImage.startsWith("data:")
                ? "/ViewSpecial/Preset/" + title + "?editid=" + editId : previewImage);
        out.put("is_starred", starred);
        out.put("param_map", paramMap);
        return out;
    }
}
