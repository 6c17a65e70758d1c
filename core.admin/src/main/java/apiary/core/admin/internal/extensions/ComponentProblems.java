package apiary.core.admin.internal.extensions;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Reads SCR's runtime view of a bundle's components: an extension whose bundle started can still be broken, when
 * a component threw while activating or waits for a service nobody offers.
 */
public final class ComponentProblems {
    private ComponentProblems() {
    }

    /**
     * @return the first problem of an active bundle's components as text ({@code failed: ...} or
     *         {@code waiting: ...}), or {@code null} when there is none
     */
    public static String describe(ServiceComponentRuntime scr, Bundle bundle) {
        ExtensionReport.Health h = of(scr, bundle);
        return h == null ? null : h.state + ": " + h.reason;
    }

    /**
     * @return the first problem of the bundle's components: {@code failed} for an exception, {@code waiting} for a
     *         missing service; {@code null} when all are fine
     */
    static ExtensionReport.Health of(ServiceComponentRuntime scr, Bundle bundle) {
        if (scr == null || bundle.getState() != Bundle.ACTIVE) {
            return null;
        }
        ExtensionReport.Health waiting = null;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return new ExtensionReport.Health(ExtensionReport.FAILED,
                            "component " + d.name + " failed to activate: " + rootCause(c.failure));
                }
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && waiting == null) {
                    waiting = new ExtensionReport.Health(ExtensionReport.WAITING,
                            "component " + d.name + " is waiting for " + missing(d, c));
                }
            }
        }
        return waiting;
    }

    private static String missing(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
            for (ReferenceDTO r : d.references) {
                if (r.name.equals(u.name)) {
                    return "the service " + r.interfaceName;
                }
            }
        }
        return "a service";
    }

    /** SCR keeps the whole stack trace; the innermost "Caused by" line is the one that explains. */
    static String rootCause(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "unknown error";
        }
        String[] lines = stackTrace.split("\\R");
        String best = lines[0];
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                best = line.substring("Caused by: ".length());
            }
        }
        return best.trim();
    }
}
