package apiary.core.sessions.internal.install;

/** A reason the installer stops, in words for the person installing; nothing after the failed step was applied. */
final class InstallFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InstallFailure(String message) {
        super(message, null, false, false);
    }
}
