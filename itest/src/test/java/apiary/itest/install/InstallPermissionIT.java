package apiary.itest.install;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.sessions.AuthModeTestSupport;

import org.junit.Test;

/**
 * Only a user holding the {@code install} permission may run the setup: nobody gets it by default but the owner
 * (through {@code *}), so logged-in admins and users are refused before anything happens.
 */
public class InstallPermissionIT extends AuthModeTestSupport {
    @Test
    public void usersWithoutTheInstallPermissionAreRefused() {
        for (String role : List.of("user", "admin")) {
            String name = user(role, "install-permission-1");
            String session = sessionFor(login(name, "install-permission-1"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("session_id", session);
            body.put("theme", "modern_dark");
            body.put("installed_for", "just_self");
            body.put("backend", "comfyui");
            body.put("models", "none");
            body.put("install_amd", false);
            body.put("language", "en");
            Api.WsResult r = api().ws("InstallConfirmWS", body);
            assertEquals(role, List.of(Map.of("error", "You lack permissions for this route.", "error_id", "bad_permissions")),
                    r.frames);
            assertEquals(1000, r.closeCode);
        }
        assertFalse(settings.getBoolean("isinstalled"));
    }
}
