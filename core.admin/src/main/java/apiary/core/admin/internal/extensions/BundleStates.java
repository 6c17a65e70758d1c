package apiary.core.admin.internal.extensions;

import org.osgi.framework.Bundle;

/** Bundle states by the names the extension routes answer with. */
public final class BundleStates {
    private BundleStates() {
    }

    /** @return {@code installed}, {@code resolved}, {@code starting}, {@code stopping}, {@code active} or {@code uninstalled} */
    public static String name(int state) {
        switch (state) {
            case Bundle.INSTALLED:
                return "installed";
            case Bundle.RESOLVED:
                return "resolved";
            case Bundle.STARTING:
                return "starting";
            case Bundle.STOPPING:
                return "stopping";
            case Bundle.ACTIVE:
                return "active";
            default:
                return "uninstalled";
        }
    }
}
