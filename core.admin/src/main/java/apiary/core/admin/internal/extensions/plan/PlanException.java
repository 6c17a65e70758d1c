package apiary.core.admin.internal.extensions.plan;

/** The wanted bundles cannot be resolved; the message says which requirement is missing. */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
