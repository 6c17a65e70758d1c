package apiary.core.api.runtime.dto;

/** One registration on a whiteboard: what it is, who registered it, and (unless active) why it is not used. */
public class RegistrationDTO {
    /** The key the registry sorts registrations by: a permission id, a setting id, a type id, a path, a parameter id. */
    public String key;
    /** A display name, if the registration has one; otherwise empty. */
    public String name;
    /** The symbolic name of the bundle that registered the service. */
    public String bundle;
    /** The id of that bundle, or -1 when unknown. */
    public long bundleId = -1;
    /** The service id of the registration, or -1 when unknown. */
    public long serviceId = -1;
    /** The service ranking of the registration. */
    public int ranking;
    /** The implementation class of the service, so a reader finds its code. */
    public String implementation;
    /** Why it is not used, in plain English; {@code null} for active registrations. */
    public String reason;
}
