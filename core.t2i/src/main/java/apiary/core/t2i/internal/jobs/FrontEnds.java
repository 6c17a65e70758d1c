package apiary.core.t2i.internal.jobs;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import apiary.core.api.server.ServerInfo;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * This front end's lease on the job ledger. It registers in {@code t2i_front_ends} and beats every
 * {@value #HEARTBEAT_PROPERTY} milliseconds (default 2 s); on a shared PostgreSQL ledger another front end takes over
 * its unfinished jobs once its heartbeat has stood still for a lease ({@value #LEASE_PROPERTY}, default 15 s).
 *
 * <p>Never two runners for one image: a front end that could not beat for most of a lease, or finds its row removed
 * (someone declared it dead), fences itself before anyone may take over: its jobs stop committing images and are
 * cancelled, and it carries on under a new id, so that the fenced jobs are claimable like any dead front end's (also
 * by itself). With H2 (one process per database file) every other front end is dead at once.
 */
@Component(service = FrontEnds.class)
public final class FrontEnds {
    private static final System.Logger LOG = System.getLogger(FrontEnds.class.getName());
    /** Framework property: milliseconds between heartbeats. */
    static final String HEARTBEAT_PROPERTY = "apiary.jobs.heartbeatMillis";
    /** Framework property: milliseconds a heartbeat may stand still before its front end counts as dead. */
    static final String LEASE_PROPERTY = "apiary.jobs.leaseMillis";

    private final FrontEndTable table;
    private final boolean shared;
    private final String serverId;
    private final long heartbeatMillis;
    private final long fenceAfterMillis;
    private final LeaseWatch watch;
    private final List<Consumer<String>> fenceListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-front-end-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile String id;
    private volatile boolean registered;
    private volatile long lastBeat = monotonicMillis();
    private volatile boolean closed;
    private int incarnation;

    /**
     * @param ledger the ledger (its schema is up to date once it is active)
     * @param server this process's server id
     * @param context the lease timings
     * @throws SQLException when this front end cannot register (the database is not usable)
     */
    @Activate
    public FrontEnds(@Reference JobLedger ledger, @Reference ServerInfo server, BundleContext context) throws SQLException {
        this(new FrontEndTable(ledger.dataSource()), ledger.shared(), server.serverId(),
                number(context.getProperty(HEARTBEAT_PROPERTY), 2000), number(context.getProperty(LEASE_PROPERTY), 15_000));
        timer.scheduleWithFixedDelay(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    /** For unit tests: no timer; call {@link #beat()} by hand. */
    FrontEnds(FrontEndTable table, boolean shared, String serverId, long heartbeatMillis, long leaseMillis) throws SQLException {
        this.table = table;
        this.shared = shared;
        this.serverId = serverId;
        this.heartbeatMillis = Math.max(10, heartbeatMillis);
        long lease = Math.max(3 * this.heartbeatMillis, leaseMillis);
        this.fenceAfterMillis = lease - 2 * this.heartbeatMillis;
        this.watch = new LeaseWatch(lease);
        this.id = serverId;
        table.register(id, System.currentTimeMillis());
        registered = true;
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Deactivate
    void stop() {
        closed = true;
        timer.shutdownNow();
        try {
            // Gone for good: the others may take over whatever this one left unfinished right away.
            table.remove(id, -1);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not remove this front end from the job ledger; others take over its jobs after the lease", e);
        }
    }

    /** @return the id this front end's jobs are recorded under now */
    public String id() {
        return id;
    }

    /** @return whether front ends share the ledger (PostgreSQL) */
    boolean shared() {
        return shared;
    }

    /**
     * @param runner the front-end id a job was recorded under
     * @return whether that job may still record progress and save images here
     */
    boolean valid(String runner) {
        return !closed && registered && runner.equals(id) && (!shared || monotonicMillis() - lastBeat <= fenceAfterMillis);
    }

    /** @return whether new jobs may start here (the lease is held) */
    boolean accepting() {
        return valid(id);
    }

    /** @param listener told the old id when this front end fences itself */
    void onFence(Consumer<String> listener) {
        fenceListeners.add(listener);
    }

    /** @param listener a listener to forget */
    void removeFenceListener(Consumer<String> listener) {
        fenceListeners.remove(listener);
    }

    /** One heartbeat (the timer calls it; tests too). */
    void beat() {
        if (closed) {
            return;
        }
        long now = monotonicMillis();
        try {
            if (!registered) {
                table.register(id, System.currentTimeMillis());
                registered = true;
                lastBeat = now;
            } else if (table.beat(id, System.currentTimeMillis())) {
                lastBeat = now;
            } else {
                fence("another front end found its lease expired and took over its jobs");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Job ledger heartbeat failed: " + e.getMessage());
            if (shared && registered && now - lastBeat > fenceAfterMillis) {
                fence("no heartbeat reached the database for " + (now - lastBeat) + " ms");
            }
        }
    }

    private void fence(String reason) {
        String old;
        synchronized (this) {
            old = id;
            incarnation++;
            id = serverId + "-" + incarnation;
            registered = false;
        }
        LOG.log(Level.WARNING, "Front end {0} fenced itself ({1}); its unfinished jobs stop here and are taken over; "
                + "new jobs run as {2}", old, reason, id);
        for (Consumer<String> l : fenceListeners) {
            try {
                l.accept(old);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A fence listener failed", e);
            }
        }
        try {
            table.remove(old, -1);
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Removing the fenced id failed; it expires with its lease", e);
        }
        beat();
    }

    /**
     * @return the dead front ends that own unfinished jobs, each with the heartbeat value seen (-1 for none)
     * @throws SQLException when the ledger cannot be read
     */
    Map<String, Long> dead() throws SQLException {
        java.util.Set<String> owners = table.owningUnfinishedJobs(id);
        if (!shared) {
            Map<String, Long> all = new LinkedHashMap<>();
            owners.forEach(o -> all.put(o, -1L));
            return all;
        }
        return watch.dead(id, owners, table.beats(), monotonicMillis());
    }

    /**
     * Removes a dead front end's row once its jobs were taken, unless it beat meanwhile.
     *
     * @param frontEnd its id
     * @param seenBeat the heartbeat value it was declared dead with (-1: no row)
     */
    void forget(String frontEnd, long seenBeat) {
        if (seenBeat < 0) {
            return;
        }
        try {
            table.remove(frontEnd, seenBeat);
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Removing a dead front end failed; tried again later", e);
        }
    }
}
