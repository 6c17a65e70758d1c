package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import apiary.core.api.data.Database;
import apiary.core.api.settings.ServerSettings;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * A setting value the server cannot run with is refused when it is changed (and one stored by an older server is
 * ignored), so no single setting can brick the API: a request size of 0 or -5 refused every POST, including the
 * one that would have changed it back, and 2048 MiB or more overflowed.
 */
public class SettingRangesIT extends ApiaryTestSupport {
    private static final String SIZE = "network.maxnetworkrequestmegabytes";
    private static final String ORIGIN = "network.accesscontrolalloworigin";
    private static final String WAIT = "backends.perrequesttimeoutminutes";
    private static final String ATTEMPTS = "backends.maxbackendinitattempts";

    @After
    public void restore() throws Exception {
        store("DELETE FROM server_settings WHERE path = ?", SIZE);
        store("DELETE FROM server_settings WHERE path = ?", ORIGIN);
        store("DELETE FROM server_settings WHERE path = ?", WAIT);
        store("DELETE FROM server_settings WHERE path = ?", ATTEMPTS);
        Api api = api();
        api.call(api.newSession(), "ChangeServerSettings", Map.of("settings", Map.of(SIZE, 200, ORIGIN, "")));
    }

    @Test
    public void outOfRangeValuesAreRefusedAndChangeNothing() {
        Api api = api();
        String s = api.newSession();
        for (Object bad : new Object[] {0, -5, 2048, 1L << 40, "1e999999"}) {
            Api.Reply r = api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(SIZE, bad)));
            assertEquals(r.toString(), 200, r.status);
            assertEquals(r.toString(), "Invalid value '" + bad + "' for setting 'maxnetworkrequestmegabytes': must be "
                    + (bad instanceof String ? "a whole number." : "between 1 and 2047."), r.get("error"));
            assertEquals(200, api.call(s, "GetCurrentStatus", Map.of()).status);
        }
        assertEquals(Map.of("success", true), api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(SIZE, 2047))).json);
        assertEquals(200, api.call(s, "GetCurrentStatus", Map.of()).status);
    }

    @Test
    public void theSchedulersNumbersHaveRangesToo() {
        Api api = api();
        String s = api.newSession();
        for (Object bad : new Object[] {-5, 600_000}) {
            Api.Reply r = api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(WAIT, bad)));
            assertEquals(r.toString(), "Invalid value '" + bad + "' for setting 'perrequesttimeoutminutes': must be "
                    + "between 0 and 527040.", r.get("error"));
        }
        Api.Reply r = api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(ATTEMPTS, -1)));
        assertEquals(r.toString(), "Invalid value '-1' for setting 'maxbackendinitattempts': must be between 0 and 1000.",
                r.get("error"));
        assertEquals(Map.of("success", true), api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(WAIT, 30))).json);
    }

    @Test
    public void aStoredValueTheServerCannotRunWithIsIgnored() throws Exception {
        // What a server before this fix could have stored, plus a valid marker stored with it.
        store("DELETE FROM server_settings WHERE path = ?", SIZE);
        store("DELETE FROM server_settings WHERE path = ?", ORIGIN);
        store("INSERT INTO server_settings (path, value_json) VALUES (?, '0')", SIZE);
        store("INSERT INTO server_settings (path, value_json) VALUES (?, '\"marker.example\"')", ORIGIN);
        ServiceReference<ServerSettings> ref = context.getServiceReference(ServerSettings.class);
        ServerSettings settings = context.getService(ref);
        try {
            // Rows are re-read within seconds (front ends may share a database): the marker shows they were.
            Await.until("the settings were re-read", 30, () -> "marker.example".equals(settings.getString(ORIGIN)));
            assertEquals(200L, settings.getLong(SIZE));
        } finally {
            context.ungetService(ref);
        }
        assertEquals(200, api().post("GetNewSession", Map.of()).status);
    }

    private void store(String sql, String path) throws Exception {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        Database db = context.getService(ref);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, path);
            ps.executeUpdate();
        } finally {
            context.ungetService(ref);
        }
    }
}
