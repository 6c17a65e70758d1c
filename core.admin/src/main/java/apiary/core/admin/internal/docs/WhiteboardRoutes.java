package apiary.core.admin.internal.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Apiary's own addition: every whiteboard explaining itself in one answer, so an extension developer sees at once
 * whether a permission, setting, backend type, web file, parameter or route of theirs is served, shadowed by a
 * higher-ranked registration, or refused, and why.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.APIARY_NAME, description = AdminArea.APIARY_DESCRIPTION)
public final class WhiteboardRoutes implements RouteProvider {
    private final Whiteboards whiteboards;

    /** @param context this bundle's context, to read the registries at call time (see {@link Whiteboards}) */
    @Activate
    public WhiteboardRoutes(BundleContext context) {
        this.whiteboards = new Whiteboards(context);
    }

    /** @return every whiteboard's active, shadowed and refused registrations */
    @Route(permission = CorePermissions.VIEW_WHITEBOARDS,
            description = "Lists, for every whiteboard (permissions, server_settings, backend_types, web_files, t2i_params, "
                    + "routes), the registrations in use, those shadowed by a higher-ranked registration of the same key, "
                    + "and those refused, each with the bundle, service, implementing class and the reason.",
            returns = "\"whiteboards\": { \"backend_types\": { \"service\": \"apiary.core.api.backend.BackendType\", "
                    + "\"active\": [ { \"key\": \"comfyui_api\", \"name\": \"ComfyUI API By URL\", \"bundle\": \"backend.comfy\", "
                    + "\"bundle_id\": 12, \"service_id\": 80, \"ranking\": 0, \"implementation\": \"...\" } ], "
                    + "\"shadowed\": [ { same fields, \"reason\": \"...\" } ], \"refused\": [ ... ] }, \"permissions\": { ... }, ... }")
    public Map<String, Object> AdminListWhiteboards() {
        Map<String, Object> boards = new LinkedHashMap<>();
        for (WhiteboardDTO w : whiteboards.snapshot().values()) {
            Map<String, Object> board = new LinkedHashMap<>();
            board.put("service", w.service);
            board.put("active", rows(w.active));
            board.put("shadowed", rows(w.shadowed));
            board.put("refused", rows(w.refused));
            boards.put(w.name, board);
        }
        return Map.of("whiteboards", boards);
    }

    private static List<Map<String, Object>> rows(List<RegistrationDTO> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegistrationDTO r : list) {
            out.add(Whiteboards.row(r));
        }
        return out;
    }
}
