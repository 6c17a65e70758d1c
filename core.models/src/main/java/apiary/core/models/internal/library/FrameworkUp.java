package apiary.core.models.internal.library;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Completes when the framework has started every bundle of the start level it is meant to reach (at once when it
 * already has, as when only this bundle restarts). Work that can wait (the background check of a stored listing,
 * filling the listing's JSON cache) waits for it, so that it does not take the 2 cores from the bundles still
 * starting and from the first listing. The launcher starts the framework at level 1 and core.server raises it to
 * the level named by {@value #TARGET_PROPERTY} once the core answers: this bundle then starts on the framework's
 * start-level thread while the framework is already ACTIVE, and the level is reached with the event that says so.
 */
final class FrameworkUp {
    /** Framework property (set by the launcher): the start level the framework is raised to once the core answers. */
    static final String TARGET_PROPERTY = "apiary.launcher.targetStartLevel";
    /** The start-level thread's name in Felix: a bundle started on it is part of a level still being reached. */
    private static final String START_LEVEL_THREAD = "FelixStartLevel";
    /** A framework that never says it reached the level (core.server missing) does not hold these tasks back for ever. */
    private static final long LATEST_SECONDS = 30;

    private FrameworkUp() {
    }

    /** @param context this bundle's context, or null (no framework: up at once) @return completes when the framework is up */
    static CompletionStage<Void> of(BundleContext context) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        if (context == null) {
            up.complete(null);
            return up;
        }
        int target = Math.max(level(context, TARGET_PROPERTY), level(context, Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        FrameworkListener listener = e -> {
            if ((e.getType() == FrameworkEvent.STARTED || e.getType() == FrameworkEvent.STARTLEVEL_CHANGED) && reached(system, target)) {
                up.complete(null);
            }
        };
        context.addFrameworkListener(listener);
        // Checked after adding the listener, so a start finishing in between is not missed.
        if (system.getState() == Bundle.ACTIVE && reached(system, target)
                && !START_LEVEL_THREAD.equals(Thread.currentThread().getName())) {
            up.complete(null);
        }
        up.completeOnTimeout(null, LATEST_SECONDS, TimeUnit.SECONDS);
        up.thenRun(() -> {
            try {
                context.removeFrameworkListener(listener);
            } catch (IllegalStateException stopped) {
                // this bundle stopped meanwhile: its listeners are gone anyway
            }
        });
        return up;
    }

    private static boolean reached(Bundle system, int target) {
        FrameworkStartLevel level = system.adapt(FrameworkStartLevel.class);
        return level == null || level.getStartLevel() >= target;
    }

    private static int level(BundleContext context, String key) {
        String v = context.getProperty(key);
        try {
            return v == null ? 1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
