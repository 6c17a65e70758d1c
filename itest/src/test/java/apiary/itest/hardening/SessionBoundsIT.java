package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.data.Database;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * Sessions are bounded: a client that opens a session per call (40,000 GetNewSession calls grew the database by
 * 878 MB) ends the longest idle sessions of its user beyond 1000, instead of growing the database and the memory.
 */
public class SessionBoundsIT extends ApiaryTestSupport {
    private static final int PER_USER = 1000;

    @Test
    public void theLongestIdleSessionsOfAUserEndBeyondItsLimit() throws Exception {
        Api api = api();
        String busy = api.newSession();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < PER_USER + 150; i++) {
            opened.add(api.newSession());
            if (i % 100 == 0) {
                // A session in use is not idle: it survives however many are opened after it.
                assertEquals(200, api.call(busy, "GetCurrentStatus", Map.of()).status);
            }
        }
        assertTrue("the local user keeps at most " + PER_USER + " sessions", localSessions() <= PER_USER);
        assertEquals("the first ones opened (and idle since) ended", 401, api.call(opened.get(0), "GetCurrentStatus", Map.of()).status);
        assertEquals("the newest live on", 200, api.call(opened.get(opened.size() - 1), "GetCurrentStatus", Map.of()).status);
        assertEquals("the one in use lives on", 200, api.call(busy, "GetCurrentStatus", Map.of()).status);
    }

    private long localSessions() throws Exception {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        try (Connection c = context.getService(ref).dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM acct_sessions WHERE user_id = 'local'")) {
            rs.next();
            return rs.getLong(1);
        } finally {
            context.ungetService(ref);
        }
    }
}
