package apiary.core.api.runtime.dto;

import java.util.ArrayList;
import java.util.List;

/** A snapshot of one whiteboard registry: what it serves, what it shadowed, what it refused. */
public class WhiteboardDTO {
    /** The whiteboard's name, e.g. {@code backend_types}; the same as the service property of its runtime. */
    public String name;
    /** The whiteboard service interface, e.g. {@code apiary.core.api.backend.BackendType}. */
    public String service;
    /** Registrations in use, ordered by key. */
    public List<RegistrationDTO> active = new ArrayList<>();
    /** Registrations not used because another with the same key wins ({@link RegistrationDTO#reason} says which). */
    public List<RegistrationDTO> shadowed = new ArrayList<>();
    /** Registrations the registry refused, with the reason. */
    public List<RegistrationDTO> refused = new ArrayList<>();
}
