package apiary.core.models.internal.library;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs database work as one transaction on a connection: committed when it returns, rolled back when it throws. */
final class InTransaction {
    /** The work; it must not commit itself. */
    interface Work {
        void run() throws SQLException;
    }

    private InTransaction() {
    }

    static void run(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
