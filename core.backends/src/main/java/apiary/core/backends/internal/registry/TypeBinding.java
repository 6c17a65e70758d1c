package apiary.core.backends.internal.registry;

import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;

/**
 * One registered {@link BackendType} service with what was read from it when it arrived.
 *
 * @param service the service object
 * @param info its description, read once
 * @param ranking its service ranking
 * @param serviceId its service id, the tie-breaker (lower wins)
 */
record TypeBinding(BackendType service, BackendTypeInfo info, int ranking, long serviceId) {
    /** @return whether this binding should be used instead of {@code other} for the same type id */
    boolean outranks(TypeBinding other) {
        return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
    }
}
