package apiary.core.server.internal.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A small bounded connection pool over a driver's {@link DataSource}: connections handed out are proxies whose
 * {@code close()} returns the physical connection (rolled back and back in auto-commit) to the pool.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private static final long VALIDATE_AFTER_IDLE_MS = 30_000;

    private final DataSource physical;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile boolean closed;

    private static final class Idle {
        final Connection connection;
        final long since = System.currentTimeMillis();

        Idle(Connection connection) {
            this.connection = connection;
        }
    }

    ConnectionPool(DataSource physical, int size) {
        this.physical = physical;
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("The database is closed");
        }
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLException("No database connection free within 30 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database connection", e);
        }
        try {
            return wrap(take());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection take() throws SQLException {
        while (true) {
            Idle next;
            synchronized (idle) {
                next = idle.pollFirst();
            }
            if (next == null) {
                Connection c = physical.getConnection();
                c.setAutoCommit(true);
                return c;
            }
            boolean stale = System.currentTimeMillis() - next.since > VALIDATE_AFTER_IDLE_MS;
            if (!stale || next.connection.isValid(2)) {
                return next.connection;
            }
            quietClose(next.connection);
        }
    }

    private Connection wrap(Connection real) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean released;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!released) {
                            released = true;
                            giveBack(real);
                        }
                        return null;
                    case "isClosed":
                        return released || real.isClosed();
                    default:
                        if (released) {
                            throw new SQLException("Connection already returned to the pool");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection real) {
        try {
            if (closed || real.isClosed()) {
                quietClose(real);
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
            synchronized (idle) {
                idle.addFirst(new Idle(real));
            }
        } catch (SQLException e) {
            quietClose(real);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            for (Idle i : idle) {
                quietClose(i.connection);
            }
            idle.clear();
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Already broken; nothing left to release.
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool uses the configured credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through the server log.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The pool waits 30 s for a connection; login timeouts are the driver's.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
