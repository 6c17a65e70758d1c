package apiary.core.admin.internal.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import apiary.core.api.route.dto.ParamDTO;
import apiary.core.api.route.dto.RouteDTO;

/**
 * Renders the served routes as Markdown, one page per API area, in the layout of SwarmUI's {@code docs/APIRoutes}:
 * title, area description, table of contents, then per route its kind, the non-final warning, description,
 * permission flag, parameter table and return format.
 */
final class ApiDocs {
    static final String NON_FINAL = "This API is marked non-final. This means it is experimental, non-functional, or subject to change. Use at your own risk.";

    private ApiDocs() {
    }

    /** @return Markdown text by area name, areas and routes in name order */
    static Map<String, String> render(List<RouteDTO> routes) {
        Map<String, List<RouteDTO>> byArea = new TreeMap<>();
        for (RouteDTO r : routes) {
            byArea.computeIfAbsent(r.area, a -> new ArrayList<>()).add(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<RouteDTO>> e : byArea.entrySet()) {
            List<RouteDTO> sorted = new ArrayList<>(e.getValue());
            sorted.sort((a, b) -> a.name.compareTo(b.name));
            out.put(e.getKey(), page(e.getKey(), sorted));
        }
        return out;
    }

    private static String page(String area, List<RouteDTO> routes) {
        StringBuilder md = new StringBuilder();
        md.append("# Apiary API Documentation - ").append(area).append("\n\n");
        md.append("> This is a subset of the API docs, see [/docs/API.md](/docs/API.md) for general info.\n\n");
        String description = routes.get(0).areaDescription;
        md.append(description == null || description.isBlank() ? "(CLASS DESCRIPTION NOT SET)" : description).append("\n\n");
        md.append("#### Table of Contents:\n\n");
        for (RouteDTO r : routes) {
            md.append("- ").append(kind(r)).append(" Route [").append(r.name).append("](#")
                    .append(kind(r).toLowerCase(Locale.ROOT)).append("-route-api").append(r.name.toLowerCase(Locale.ROOT)).append(")\n");
        }
        for (RouteDTO r : routes) {
            md.append('\n');
            route(md, r);
        }
        return md.toString();
    }

    private static void route(StringBuilder md, RouteDTO r) {
        md.append("## ").append(kind(r)).append(" Route /API/").append(r.name).append("\n\n");
        if (r.nonFinal) {
            md.append("> [!WARNING]\n> ").append(NON_FINAL).append("\n\n");
        }
        md.append("#### Description\n\n").append(orNotSet(r.description, "(ROUTE DESCRIPTION NOT SET)")).append("\n\n");
        md.append("#### Permission Flag\n\n");
        if (r.sessionless || r.permission == null || r.permission.isEmpty()) {
            md.append("(MISSING)\n\n");
        } else {
            md.append('`').append(r.permission).append("` - `").append(r.permissionName).append("` in group `")
                    .append(r.permissionGroup).append("`\n\n");
        }
        md.append("#### Parameters\n\n");
        if (r.params.isEmpty()) {
            md.append("**None.**\n\n");
        } else {
            md.append("| Name | Type | Description | Default |\n| --- | --- | --- | --- |\n");
            for (ParamDTO p : r.params) {
                md.append("| ").append(p.name).append(" | ").append(p.type).append(" | ")
                        .append(cell(orNotSet(p.description, "(PARAMETER DESCRIPTION NOT SET)"))).append(" | ")
                        .append(p.required ? "**(REQUIRED)**" : "`" + p.defaultText + "`").append(" |\n");
            }
            md.append('\n');
        }
        md.append("#### Return Format\n\n```js\n").append(orNotSet(r.returns, "(RETURN INFO NOT SET)")).append("\n```\n");
    }

    private static String kind(RouteDTO r) {
        return r.webSocket ? "WebSocket" : "HTTP";
    }

    private static String orNotSet(String text, String placeholder) {
        return text == null || text.isBlank() ? placeholder : text;
    }

    /** Table cells cannot hold line breaks or bare pipes. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
