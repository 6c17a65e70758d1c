package apiary.core.admin.internal.extensions.apply;

/** The framework refused a change; what was already done has been rolled back. */
public final class ApplyException extends Exception {
    private static final long serialVersionUID = 1L;

    ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
