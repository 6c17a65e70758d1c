package apiary.core.admin.internal.extensions.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/** The last reason each bundle failed to start, for ListExtensions; forgotten once it starts. */
public final class StartFailures {
    private final Map<Long, String> reasons = new ConcurrentHashMap<>();

    /**
     * Starts a bundle (persistently) and remembers why it failed, if it does.
     *
     * @param bundle the bundle
     * @return whether it is now active (fragments count as started)
     */
    public boolean start(Bundle bundle) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return true;
        }
        try {
            bundle.start();
            reasons.remove(bundle.getBundleId());
            return true;
        } catch (BundleException | IllegalStateException e) {
            reasons.put(bundle.getBundleId(), describe(e));
            return false;
        }
    }

    /** @return the recorded reason, or {@code null} */
    public String reason(Bundle bundle) {
        return reasons.get(bundle.getBundleId());
    }

    /** Forgets a bundle that is gone. */
    public void forget(Bundle bundle) {
        reasons.remove(bundle.getBundleId());
    }

    /** @return the exception's message, with the activator's exception when that is the cause */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(": ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }
}
