package apiary.core.admin.internal.logs;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** Adds the paste service address to the {@code logs} settings group (which the core's log pipeline declares). */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=910")
public final class LogSubmitSettings implements ServerSettingsContributor {
    /** Dotted id of the paste service address. */
    static final String PASTEBIN_URL = "logs.pastebinurl";

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Logs", "Settings related to the server log.",
                SettingDef.text("PastebinURL", "https://paste.denizenscript.com/New/Swarm",
                        "The paste service 'Submit to pastebin' on the Logs tab posts the log to (SwarmUI's paste protocol).")));
    }
}
