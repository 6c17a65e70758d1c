package apiary.web.ui.internal.pages;

import java.util.List;

import apiary.core.api.model.KnownModelDTO;

/**
 * The installer's model catalogue as the installer page's checkboxes (SwarmUI's installer step "which models to
 * download"): one per model the models bundle offers, its value the id {@code InstallConfirmWS} takes in
 * {@code models}.
 */
final class ModelChoices {
    static final String NONE_AVAILABLE = "<p class=\"muted\" id=\"install-models-none\">Model downloads are not available on "
            + "this server: put model files into the Models folder later.</p>";

    private ModelChoices() {
    }

    /** @param catalogue the models offered, or {@code null} when downloads are not available @return safe HTML */
    static String html(List<KnownModelDTO> catalogue) {
        if (catalogue == null || catalogue.isEmpty()) {
            return NONE_AVAILABLE;
        }
        StringBuilder out = new StringBuilder("<p class=\"muted\">Optional: each is downloaded (several GB) before the "
                + "setup finishes; more can be added later.</p>\n");
        for (KnownModelDTO m : catalogue) {
            String id = "install-model-" + escape(m.id);
            out.append("<div class=\"row install-model\"><input type=\"checkbox\" id=\"").append(id).append("\" value=\"")
                    .append(escape(m.id)).append("\"><label for=\"").append(id).append("\" style=\"margin:0\"><b>")
                    .append(escape(m.name)).append("</b> <span class=\"muted\">").append(escape(m.description))
                    .append("</span></label></div>\n");
        }
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
