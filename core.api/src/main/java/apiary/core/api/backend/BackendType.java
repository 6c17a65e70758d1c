package apiary.core.api.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a driver bundle offers one kind of backend (SwarmUI's
 * {@code RegisterBackendType}). The {@link BackendRegistry} tracks these services as bundles come and go: configured
 * backends of a type come alive when the type appears and are shut down when it leaves; their entries are kept
 * meanwhile. When two services declare the same type id, the one with the highest service ranking is used.
 *
 * <pre>{@code
 * @Component
 * public final class MyType implements BackendType {
 *     public BackendTypeInfo info() { return BackendTypeInfo.of("my_type", "My Type", "...", List.of(...)); }
 *     public Backend create(BackendContext context) { return new MyBackend(context); }
 * }
 * }</pre>
 */
@ConsumerType
public interface BackendType {
    /** @return the type's id, name, description and settings schema; must not change while registered */
    BackendTypeInfo info();

    /**
     * Creates one backend instance. Called on a registry worker thread right before {@link Backend#init()}; keep it
     * cheap and do the real work in {@code init}.
     *
     * @param context the instance's settings and the channel through which it reports its state
     * @return a new, not yet initialised backend
     * @throws Exception when the instance cannot be created; counts as a failed init attempt
     */
    Backend create(BackendContext context) throws Exception;
}
