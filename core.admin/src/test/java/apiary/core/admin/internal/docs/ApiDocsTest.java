package apiary.core.admin.internal.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.core.api.route.dto.ParamDTO;
import apiary.core.api.route.dto.RouteDTO;

import org.junit.jupiter.api.Test;

class ApiDocsTest {
    private static RouteDTO route(String area, String name, boolean ws, boolean nonFinal, String perm, ParamDTO... params) {
        RouteDTO r = new RouteDTO();
        r.area = area;
        r.areaDescription = "Area text.";
        r.name = name;
        r.webSocket = ws;
        r.nonFinal = nonFinal;
        r.sessionless = perm.isEmpty();
        r.permission = perm;
        r.permissionName = "Perm Name";
        r.permissionGroup = "Admin";
        r.description = "Does " + name + ".";
        r.returns = "\"success\": true";
        r.params.addAll(List.of(params));
        return r;
    }

    private static ParamDTO param(String name, String type, boolean required, String def, String description) {
        ParamDTO p = new ParamDTO();
        p.name = name;
        p.type = type;
        p.required = required;
        p.defaultText = def;
        p.description = description;
        return p;
    }

    @Test
    void pagesFollowSwarmsLayout() {
        Map<String, String> pages = ApiDocs.render(List.of(
                route("Z", "Zeta", false, false, "p"),
                route("A", "Second", true, true, "some_perm", param("name", "String", true, "(REQUIRED)", "Who.\nOr what."),
                        param("force", "Boolean", false, "False", "Force | it.")),
                route("A", "First", false, false, "")));
        assertEquals(List.of("A", "Z"), List.copyOf(pages.keySet()));
        String a = pages.get("A");
        assertTrue(a.startsWith("# Apiary API Documentation - A\n\n> This is a subset of the API docs, see [/docs/API.md](/docs/API.md) for general info.\n\nArea text.\n\n#### Table of Contents:\n\n"
                + "- HTTP Route [First](#http-route-apifirst)\n- WebSocket Route [Second](#websocket-route-apisecond)\n\n## HTTP Route /API/First\n"), a);
        assertTrue(a.contains("## HTTP Route /API/First\n\n#### Description\n\nDoes First.\n\n#### Permission Flag\n\n(MISSING)\n\n#### Parameters\n\n**None.**\n\n"
                + "#### Return Format\n\n```js\n\"success\": true\n```\n"), a);
        assertTrue(a.contains("## WebSocket Route /API/Second\n\n> [!WARNING]\n> " + ApiDocs.NON_FINAL + "\n\n#### Description\n\nDoes Second.\n\n"
                + "#### Permission Flag\n\n`some_perm` - `Perm Name` in group `Admin`\n\n#### Parameters\n\n| Name | Type | Description | Default |\n| --- | --- | --- | --- |\n"
                + "| name | String | Who.<br>Or what. | **(REQUIRED)** |\n| force | Boolean | Force \\| it. | `False` |\n\n"), a);
    }

    @Test
    void areaNamesBecomeSafeFileNames() {
        assertEquals("AdminAPI.md", DebugRoutes.fileName("AdminAPI"));
        assertEquals("__x.md", DebugRoutes.fileName("../x"), "no leading dots, no separators");
    }
}
