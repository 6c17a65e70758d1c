package apiary.core.api.backend;

/**
 * A generation failure whose message the user should see as it is ({@code ComfyUI errored: ...}); thrown by
 * {@link GeneratingBackend#generate}. Any other exception reaches the user as a generic failure, its details only in
 * the server log. {@link #redirect(String)} asks the core to run the job on another backend instead (SwarmUI's
 * "please redirect", e.g. a remote that went idle right before the job).
 */
public class GenerationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean redirect;

    /** @param userMessage the message shown to the user; must not carry internal details */
    public GenerationException(String userMessage) {
        this(userMessage, null, false);
    }

    /**
     * @param userMessage the message shown to the user
     * @param cause the underlying failure, for the log
     */
    public GenerationException(String userMessage, Throwable cause) {
        this(userMessage, cause, false);
    }

    private GenerationException(String userMessage, Throwable cause, boolean redirect) {
        super(userMessage, cause);
        this.redirect = redirect;
    }

    /**
     * @param reason why this backend gave the job back, for the log (and for the user if no other backend takes it)
     * @return an exception that sends the job to another backend, once
     */
    public static GenerationException redirect(String reason) {
        return new GenerationException(reason, null, true);
    }

    /** @return whether the job should be retried once on another backend */
    public boolean isRedirect() {
        return redirect;
    }
}
