package apiary.core.admin.internal.docs;

import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;
import apiary.core.api.t2i.T2IParamRefusal;
import apiary.core.api.t2i.T2IParamRegistry;

/**
 * The T2I parameter registry's own view ({@link T2IParamRegistry#params()} and {@link T2IParamRegistry#refusals()})
 * in the shape of the other whiteboards. That registry keeps no service ids, so entries name the bundle only.
 */
final class ParamWhiteboard {
    static final String NAME = "t2i_params";

    private ParamWhiteboard() {
    }

    static WhiteboardDTO of(T2IParamRegistry registry) {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = NAME;
        dto.service = T2IParamProvider.class.getName();
        for (T2IParam<?> p : registry.params()) {
            RegistrationDTO e = new RegistrationDTO();
            e.key = p.id();
            e.name = p.name();
            dto.active.add(e);
        }
        for (T2IParamRefusal r : registry.refusals()) {
            RegistrationDTO e = new RegistrationDTO();
            e.key = r.id;
            e.name = r.name;
            e.bundle = r.bundle;
            e.reason = r.reason;
            (r.shadowed ? dto.shadowed : dto.refused).add(e);
        }
        return dto;
    }
}
