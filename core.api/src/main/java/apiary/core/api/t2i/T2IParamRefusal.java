package apiary.core.api.t2i;

/** A parameter registration that is not served, for the runtime view: which, from where, and why. */
public class T2IParamRefusal {
    /** The parameter id (may be empty when the name had no letters). */
    public String id;
    /** The display name as registered. */
    public String name;
    /** The symbolic name of the bundle that registered it. */
    public String bundle;
    /** {@code true} when a higher-ranked registration of the same id is served instead; {@code false} when refused. */
    public boolean shadowed;
    /** Why, in plain English. */
    public String reason;
}
