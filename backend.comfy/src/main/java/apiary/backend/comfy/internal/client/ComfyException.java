package apiary.backend.comfy.internal.client;

/** A ComfyUI call that failed, with a message a user or admin can act on. */
public final class ComfyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in plain words */
    public ComfyException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public ComfyException(String message, Throwable cause) {
        super(message, cause);
    }
}
