package apiary.core.api.t2i;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.session.Session;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every text-to-image parameter the server knows right now, collected from the {@link T2IParamProvider}s, and
 * the parser that turns a request body into a {@link T2IRequest} by SwarmUI's rules.
 */
@ProviderType
public interface T2IParamRegistry {
    /** @return the active parameters, in listing order (group priority, then parameter priority) */
    List<T2IParam<?>> params();

    /**
     * @param idOrName a parameter id, display name or request key; cleaned by {@link T2IParam#cleanId}, remaps applied
     * @return the active parameter
     */
    Optional<T2IParam<?>> find(String idOrName);

    /**
     * Parses a request body by SwarmUI's rules: unknown keys ignored, values coerced and validated, IgnoreIf
     * applied, permission-gated parameters checked against the session's user, presets applied, seeds locked.
     *
     * @param session the caller
     * @param raw the request body (without {@code session_id}); may hold {@code presets} and {@code extra_metadata}
     * @return the parsed request
     * @throws apiary.core.api.route.ApiError with SwarmUI's message for the first bad value
     */
    T2IRequest parse(Session session, Map<String, Object> raw);

    /** @return registrations that are not served (shadowed or refused), with the reason */
    List<T2IParamRefusal> refusals();
}
