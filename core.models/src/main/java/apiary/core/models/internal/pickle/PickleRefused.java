package apiary.core.models.internal.pickle;

/** A checkpoint the restricted reader will not load: its pickle asks for something other than tensors and containers. */
public final class PickleRefused extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused, in plain English */
    public PickleRefused(String message) {
        super(message, null, false, false);
    }
}
