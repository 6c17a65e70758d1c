package apiary.core.api.backend;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One claim on a backend, handed out by {@link BackendScheduler#acquire}. The holder runs its job with
 * {@link #backend()} and then closes the lease; closing releases the claim exactly once (later calls do nothing)
 * and lets the scheduler give the backend to the next task at once.
 */
@ProviderType
public interface BackendLease extends AutoCloseable {
    /** @return the id of the claimed backend entry */
    int backendId();

    /** @return the claimed instance */
    GeneratingBackend backend();

    /** @return a snapshot of the claimed entry (type, title, features) as it was when claimed */
    BackendDTO info();

    /** Releases the claim. Idempotent; never throws. */
    @Override
    void close();
}
