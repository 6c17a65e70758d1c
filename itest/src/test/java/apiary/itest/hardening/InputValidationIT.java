package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import apiary.itest.Api;
import apiary.itest.sessions.SessionsTestSupport;

import org.junit.Test;

/** Values that used to crash into {@code internal_error} (with a stack trace in the log) get a clear error. */
public class InputValidationIT extends SessionsTestSupport {
    @Test
    public void anInfiniteNumberInAPresetIsRefusedClearly() {
        Api api = api();
        String s = localSession();
        Api.Reply r = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/API/AddNewPreset"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"session_id\":\"" + s + "\",\"title\":\""
                        + unique("inf") + "\",\"description\":\"\",\"param_map\":{\"cfgscale\":1e999999}}")).build());
        assertEquals(r.toString(), 200, r.status);
        assertEquals("Invalid value for parameter 'cfgscale' in param_map: number out of range.", r.get("error"));
    }

    @Test
    public void anOverlongRoleNameIsRefusedClearly() {
        Api.Reply r = api().call(localSession(), "AdminAddRole", Map.of("name", "r".repeat(1024 * 1024)));
        assertEquals(r.toString(), 200, r.status);
        assertEquals("Role name must be at most 256 characters long.", r.get("error"));
    }
}
