package apiary.core.server.internal.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.util.thread.Scheduler;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Decides when the server may accept connections: once the framework has started every installed bundle and
 * Declarative Services has brought up every component that can come up, so that the first client already sees the
 * routes and sessions of every bundle. The framework's STARTED event alone is too early: SCR enables components on a
 * thread of its own, and a route provider may still be waiting for the service that another component registers a
 * moment later. A component still waiting after the deadline (an extension whose dependency is missing, a database
 * that cannot be reached) no longer keeps the server closed; the log names what it waits for.
 */
final class Readiness {
    private static final System.Logger LOG = System.getLogger(Readiness.class.getName());
    /** Checks follow service, bundle and framework events; this slow poll only covers state changes without one. */
    private static final long POLL_MILLIS = 50;
    /** Events come in bursts while bundles start; one check after each burst is enough. */
    private static final long BURST_MILLIS = 2;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Duration deadline;
    private final Scheduler scheduler;
    private final Runnable ready;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();
    private final ServiceListener serviceListener = event -> soon();
    private final BundleListener bundleListener = event -> soon();
    private final FrameworkListener frameworkListener = event -> soon();
    private long deadlineNanos;

    Readiness(BundleContext context, ServiceComponentRuntime scr, Duration deadline, Scheduler scheduler, Runnable ready) {
        this.context = context;
        this.scr = scr;
        this.deadline = deadline;
        this.scheduler = scheduler;
        this.ready = ready;
    }

    /** Starts watching; {@code ready} runs once, on a scheduler thread. */
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
            scheduler.schedule(() -> {
                checkScheduled.set(false);
                check();
            }, BURST_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        if (!done.get()) {
            scheduler.schedule(() -> {
                check();
                poll();
            }, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void check() {
        if (done.get()) {
            return;
        }
        List<String> waiting;
        try {
            waiting = waiting();
        } catch (RuntimeException e) {
            // A bundle changed under the check; look again.
            waiting = List.of(e.toString());
        }
        boolean late = System.nanoTime() > deadlineNanos;
        if (waiting.isEmpty() || late) {
            if (!done.get()) {
                stop();
                if (!waiting.isEmpty()) {
                    LOG.log(Level.WARNING, "Accepting connections after {0} s although these are not ready: {1}",
                            deadline.toSeconds(), String.join("; ", waiting));
                }
                ready.run();
            }
        }
    }

    /** @return what is not ready yet, empty when everything is */
    List<String> waiting() {
        List<String> out = new ArrayList<>();
        if (context.getBundle(0).getState() != Bundle.ACTIVE) {
            out.add("the framework is still starting bundles");
            return out;
        }
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE || b.getHeaders("").get("Service-Component") == null) {
                continue;
            }
            Collection<ComponentDescriptionDTO> components = scr.getComponentDescriptionDTOs(b);
            if (components.isEmpty()) {
                out.add(b.getSymbolicName() + " (components not read yet)");
                continue;
            }
            for (ComponentDescriptionDTO c : components) {
                waiting(c, out);
            }
        }
        return out;
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
