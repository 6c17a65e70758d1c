package apiary.core.t2i.internal.params;

import java.util.List;

import apiary.core.api.t2i.T2IParam;

/**
 * The parameters one provider service contributed, with what decides between providers of the same id: the
 * service ranking (higher wins) and the service id (older wins a tie).
 */
record ParamRegistration(long serviceId, int ranking, String bundle, List<T2IParam<?>> params) {
    /** @return whether this registration wins over the other for a shared id */
    boolean beats(ParamRegistration other) {
        return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
    }
}
