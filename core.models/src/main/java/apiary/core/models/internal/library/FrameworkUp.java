package apiary.core.models.internal.library;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Completes when the framework has started every bundle of its start level (at once when it already has, as when
 * only this bundle restarts). Work that can wait (the background check of a stored listing, filling the listing's
 * JSON cache) waits for it, so that it does not take the 2 cores from the bundles still starting and from the first
 * listing.
 */
final class FrameworkUp {
    private FrameworkUp() {
    }

    /** @param context this bundle's context, or null (no framework: up at once) @return completes when the framework is up */
    static CompletionStage<Void> of(BundleContext context) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        if (context == null) {
            up.complete(null);
            return up;
        }
        FrameworkListener listener = e -> {
            if (e.getType() == FrameworkEvent.STARTED) {
                up.complete(null);
            }
        };
        context.addFrameworkListener(listener);
        // Checked after adding the listener, so a start finishing in between is not missed.
        if (context.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.ACTIVE) {
            up.complete(null);
        }
        up.thenRun(() -> {
            try {
                context.removeFrameworkListener(listener);
            } catch (IllegalStateException stopped) {
                // this bundle stopped meanwhile: its listeners are gone anyway
            }
        });
        return up;
    }
}
