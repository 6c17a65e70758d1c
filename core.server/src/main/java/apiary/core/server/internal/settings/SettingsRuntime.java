package apiary.core.server.internal.settings;

import java.util.List;

import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;

/**
 * The settings whiteboard's runtime view, one entry per setting (leaf) a contributor defines: active when the merged
 * tree holds exactly that definition, shadowed when an earlier contributor defined the same id (the first stays).
 */
final class SettingsRuntime {
    static final String NAME = "server_settings";

    private SettingsRuntime() {
    }

    static WhiteboardDTO snapshot(List<ServerSettingsStore.Contribution> ordered, List<SettingDef> merged) {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = NAME;
        dto.service = ServerSettingsContributor.class.getName();
        for (ServerSettingsStore.Contribution c : ordered) {
            walk(dto, c, c.nodes, merged, "");
        }
        return dto;
    }

    private static void walk(WhiteboardDTO dto, ServerSettingsStore.Contribution c, List<SettingDef> nodes,
            List<SettingDef> merged, String prefix) {
        for (SettingDef d : nodes) {
            SettingDef served = find(merged, d.id());
            if (d.type() == SettingType.GROUP) {
                walk(dto, c, d.children(), served != null && served.type() == SettingType.GROUP ? served.children() : List.of(),
                        prefix + d.id() + ".");
                continue;
            }
            RegistrationDTO r = new RegistrationDTO();
            r.key = prefix + d.id();
            r.name = d.name();
            r.serviceId = c.serviceId;
            r.implementation = c.implementation;
            if (served == d) {
                dto.active.add(r);
            } else {
                r.reason = "setting '" + r.key + "' is already defined by a contributor that comes first "
                        + "(lower " + ServerSettingsContributor.ORDER + ", or registered earlier); the first definition stays";
                dto.shadowed.add(r);
            }
        }
    }

    private static SettingDef find(List<SettingDef> nodes, String id) {
        for (SettingDef d : nodes) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }
}
