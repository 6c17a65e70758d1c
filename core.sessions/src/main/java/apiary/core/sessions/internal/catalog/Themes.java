package apiary.core.sessions.internal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in UI themes, in SwarmUI's order: id, display name, dark or light, and the stylesheets to load. */
public final class Themes {
    /** One theme as {@code GetUserSettings} lists it. */
    public record Theme(String id, String name, boolean isDark, List<String> cssPaths) {
    }

    private static final String MODERN = "css/themes/modern.css";

    private static final List<Theme> BUILT_IN = List.of(
            new Theme("modern_dark", "Modern Dark", true, List.of(MODERN, "css/themes/modern_dark.css")),
            new Theme("modern_light", "Modern Light", false, List.of(MODERN, "css/themes/modern_light.css")),
            new Theme("solarized", "Solarized Light", false, List.of(MODERN, "css/themes/solarized.css")),
            new Theme("dark_dreams", "Dark Dreams (Legacy)", true, List.of("css/themes/dark_dreams.css")),
            new Theme("gravity_blue", "Gravity Blue (Legacy)", true, List.of("css/themes/gravity_blue.css")),
            new Theme("cyber_swarm", "Cyber Swarm (Legacy)", true, List.of("css/themes/cyber_swarm.css")),
            new Theme("punked", "Punked (Legacy)", true, List.of("css/themes/punked.css")),
            new Theme("eyesear_white", "Eyesear White (Legacy)", false, List.of("css/themes/eyesear_white.css")),
            new Theme("swarmpunk", "Swarm Punk", true, List.of(MODERN, "css/themes/swarmpunk.css")),
            new Theme("beweish", "Beweish", true, List.of(MODERN, "css/themes/beweish.css")),
            new Theme("ctp_mocha", "Catppuccin Mocha", true, List.of(MODERN, "css/themes/ctp_mocha.css")),
            new Theme("ctp_macchiato", "Catppuccin Macchiato", true, List.of(MODERN, "css/themes/ctp_macchiato.css")),
            new Theme("ctp_frappe", "Catppuccin Frappe", true, List.of(MODERN, "css/themes/ctp_frappe.css")),
            new Theme("ctp_latte", "Catppuccin Latte", false, List.of(MODERN, "css/themes/ctp_latte.css")));

    /** @return the theme ids, in display order */
    public List<String> ids() {
        return BUILT_IN.stream().map(Theme::id).toList();
    }

    /** @return {@code {id: {"name","is_dark","css_paths"}}} as {@code GetUserSettings} sends it */
    public Map<String, Object> wire() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Theme t : BUILT_IN) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", t.name());
            node.put("is_dark", t.isDark());
            node.put("css_paths", t.cssPaths());
            out.put(t.id(), node);
        }
        return out;
    }
}
