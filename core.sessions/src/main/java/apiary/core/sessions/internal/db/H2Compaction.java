package apiary.core.sessions.internal.db;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Gives the space of deleted rows back while the server runs, on the embedded H2 database. The server opens H2 with
 * {@code WRITE_DELAY=0} (every commit durable before the statement returns), which also stops H2's background
 * writer, and with it the only housekeeping H2 2.3 does while a database is open: the file grew by about 22 KB per
 * session opened (each commit writes a chunk, kept 45 s) and shrank only at close ({@code MAX_COMPACT_TIME}). H2
 * offers no SQL statement that compacts an open database, so this reaches the open store through the connection
 * (public methods of H2's engine, by reflection: the H2 bundle does not export {@code org.h2.engine}) and calls
 * {@code MVStore.compactFile}, bounded in time, keeping the store's retention time as it was.
 *
 * <p>Any failure (another database, another H2 version) is logged once and turns compaction off.
 */
public final class H2Compaction {
    private static final System.Logger LOG = System.getLogger(H2Compaction.class.getName());

    private final DataSource dataSource;
    private volatile boolean disabled;

    /** @param dataSource the server database (an H2 one; see {@link #compact}) */
    public H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Rewrites the live data to the start of the file and truncates the rest.
     *
     * @param maxMillis the longest the compaction may hold the store
     * @return whether the compaction ran
     */
    public boolean compact(int maxMillis) {
        if (disabled) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            Object store = call(call(call(c.unwrap(Connection.class), "getSession"), "getDatabase"), "getStore");
            Object mvStore = call(store, "getMvStore");
            int retention = (Integer) call(mvStore, "getRetentionTime");
            try {
                mvStore.getClass().getMethod("compactFile", int.class).invoke(mvStore, maxMillis);
            } finally {
                // compactFile leaves the retention time at 0; H2 needs it to keep old chunks for readers and crashes
                mvStore.getClass().getMethod("setRetentionTime", int.class).invoke(mvStore, retention);
            }
            return true;
        } catch (SQLException | ReflectiveOperationException | ClassCastException | IllegalStateException e) {
            disabled = true;
            Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            LOG.log(Level.WARNING, "Cannot compact the H2 database file while it is open ({0}); it is compacted when the "
                    + "server stops", String.valueOf(cause));
            return false;
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}
