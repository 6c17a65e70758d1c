package apiary.core.server.internal.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.util.thread.Scheduler;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Decides the two moments of start-up. <em>Open</em>: the bundles of the core start levels (at most
 * {@code apiary.http.coreStartLevel}, the launcher puts the libraries, core.server and core.sessions there) are
 * started and Declarative Services has brought up their components, so sessions and logins can be answered.
 * <em>Complete</em>: the framework has started every installed bundle and every component that can come up is up,
 * so every route of every bundle is registered; until then {@link StartupHold} holds the requests the core cannot
 * answer. The framework's STARTED event alone is too early: SCR enables components on a thread of its own, and a
 * route provider may still be waiting for the service that another component registers a moment later. A component
 * still waiting after the deadline (an extension whose dependency is missing, a database that cannot be reached) no
 * longer holds anything back; the log names what it waits for.
 */
final class Readiness {
    private static final System.Logger LOG = System.getLogger(Readiness.class.getName());
    /** Checks follow service, bundle and framework events; this slow poll only covers state changes without one. */
    private static final long POLL_MILLIS = 50;
    /** Events come in bursts while bundles start; one check after each burst is enough. */
    private static final long BURST_MILLIS = 2;
    /**
     * A check reads the component state of every bundle from Declarative Services, which costs milliseconds while the
     * bundles start; the next check waits at least this many times as long as the last one took, so that checking
     * takes at most a fifth of one core from the start it is waiting for (on two cores it was a third of the start).
     */
    private static final long PACE_FACTOR = 4;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Duration deadline;
    private final Scheduler scheduler;
    private final int coreLevel;
    private final Runnable open;
    private final Runnable complete;
    private boolean opened;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();
    private final ServiceListener serviceListener = event -> soon();
    private final BundleListener bundleListener = event -> soon();
    private final FrameworkListener frameworkListener = this::frameworkEvent;
    /** Bundles the framework failed to start: they will not become active, so nothing waits for them. */
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    private long deadlineNanos;
    /** When the next event-driven check may run at the earliest (see {@link #PACE_FACTOR}). */
    private volatile long nextCheckNanos;

    Readiness(BundleContext context, ServiceComponentRuntime scr, Duration deadline, Scheduler scheduler, int coreLevel,
            Runnable open, Runnable complete) {
        this.context = context;
        this.scr = scr;
        this.deadline = deadline;
        this.scheduler = scheduler;
        this.coreLevel = coreLevel;
        this.open = open;
        this.complete = complete;
    }

    /** Starts watching; {@code open}, then {@code complete}, each run once, on a scheduler thread. */
    void start() {
        deadlineNanos = System.nanoTime() + deadline.toNanos();
        context.addServiceListener(serviceListener);
        context.addBundleListener(bundleListener);
        context.addFrameworkListener(frameworkListener);
        soon();
        poll();
    }

    /** Stops watching (the server is going away). */
    void stop() {
        done.set(true);
        context.removeServiceListener(serviceListener);
        context.removeBundleListener(bundleListener);
        context.removeFrameworkListener(frameworkListener);
    }

    private void soon() {
        if (!done.get() && checkScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::pacedCheck, BURST_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** An event-driven check, once the pause after the last check is over (events during a check count too). */
    private void pacedCheck() {
        long wait = nextCheckNanos - System.nanoTime();
        if (wait > 0 && !done.get()) {
            scheduler.schedule(this::pacedCheck, wait, TimeUnit.NANOSECONDS);
            return;
        }
        checkScheduled.set(false);
        check();
    }

    private void poll() {
        if (!done.get()) {
            long paced = TimeUnit.NANOSECONDS.toMillis(nextCheckNanos - System.nanoTime());
            scheduler.schedule(() -> {
                check();
                poll();
            }, Math.max(POLL_MILLIS, paced), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void check() {
        if (done.get()) {
            return;
        }
        long started = System.nanoTime();
        List<String> waiting;
        List<String> core;
        try {
            // Until the core is up only the core is looked at: the rest cannot be up before it (the framework starts
            // it later), and looking at every bundle on every check slowed the core's own start.
            core = opened ? List.of() : waitingInCore();
            waiting = core.isEmpty() ? waiting() : core;
        } catch (RuntimeException e) {
            // A bundle changed under the check; look again.
            waiting = List.of(e.toString());
            core = waiting;
        }
        long now = System.nanoTime();
        nextCheckNanos = now + PACE_FACTOR * (now - started);
        boolean late = now > deadlineNanos;
        if (!opened && (core.isEmpty() || waiting.isEmpty() || late)) {
            opened = true;
            open.run();
            HeldStartLevel.release(context);
        }
        if (waiting.isEmpty() || late) {
            stop();
            if (!waiting.isEmpty()) {
                LOG.log(Level.WARNING, "Serving every request after {0} s although these are not ready: {1}",
                        deadline.toSeconds(), String.join("; ", waiting));
            }
            complete.run();
        }
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getBundle().getBundleId() != 0) {
            failed.add(event.getBundle().getBundleId());
        }
        soon();
    }

    /** @return what of the core start levels is not ready yet, empty when the core can answer */
    List<String> waitingInCore() {
        return waiting(coreLevel);
    }

    /** @return what is not ready yet, empty when everything is */
    List<String> waiting() {
        int beginning = beginningStartLevel();
        int active = activeStartLevel();
        if (active < beginning) {
            return List.of("the framework is at start level " + active + " of " + beginning);
        }
        return waiting(Integer.MAX_VALUE);
    }

    /**
     * Bundles up to a start level: each one marked for starting is active (or failed to start), and its components
     * are up. The framework's own ACTIVE state says nothing here: Felix sets it before the start-level thread has
     * started the bundles of the beginning level.
     */
    private List<String> waiting(int maxLevel) {
        List<String> out = new ArrayList<>();
        int active = activeStartLevel();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level == null || level.getStartLevel() > maxLevel) {
                continue;
            }
            if (b.getState() == Bundle.ACTIVE) {
                components(b, out);
            } else if (level.isPersistentlyStarted() && level.getStartLevel() <= Math.max(active, 1)
                    && !failed.contains(b.getBundleId()) && b.getState() != Bundle.UNINSTALLED
                    && (active <= level.getStartLevel() || b.getState() == Bundle.STARTING)) {
                // Marked for starting at a level the framework has reached but not yet started: the start-level
                // thread is on its way. Once the framework is past that level, a bundle that is not active failed.
                out.add(b.getSymbolicName() + " (not started yet)");
            }
        }
        return out;
    }

    private int activeStartLevel() {
        return context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
    }

    /** The level the framework is to reach: the launcher starts it at the core's and names the rest's. */
    private int beginningStartLevel() {
        return HeldStartLevel.target(context);
    }

    private void components(Bundle b, List<String> out) {
        if (b.getHeaders("").get("Service-Component") == null) {
            return;
        }
        Collection<ComponentDescriptionDTO> components = scr.getComponentDescriptionDTOs(b);
        if (components.isEmpty()) {
            out.add(b.getSymbolicName() + " (components not read yet)");
            return;
        }
        for (ComponentDescriptionDTO c : components) {
            waiting(c, out);
        }
    }

    private void waiting(ComponentDescriptionDTO c, List<String> out) {
        if (!scr.isComponentEnabled(c)) {
            if (c.defaultEnabled) {
                out.add(c.name + " (not enabled yet)");
            }
            return;
        }
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(c);
        if (configurations.isEmpty() && !"require".equals(c.configurationPolicy)) {
            out.add(c.name + " (not configured yet)");
        }
        for (ComponentConfigurationDTO config : configurations) {
            if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                List<String> refs = new ArrayList<>();
                for (UnsatisfiedReferenceDTO r : config.unsatisfiedReferences) {
                    refs.add(r.name);
                }
                out.add(c.name + " waits for " + String.join(", ", refs));
            }
        }
    }
}
