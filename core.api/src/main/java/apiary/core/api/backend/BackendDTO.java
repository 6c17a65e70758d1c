package apiary.core.api.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One configured backend as the API shows it ({@code ListBackends}). */
public class BackendDTO {
    /** The backend id, unique on this server. */
    public int id;
    /** The backend type id, e.g. {@code comfyui_api}. */
    public String type;
    /** A user-chosen title, may be empty. */
    public String title = "";
    /** Whether an admin has enabled it. */
    public boolean enabled = true;
    /** The current status. */
    public BackendStatus status = BackendStatus.WAITING;
    /** The type-specific settings, keyed by setting name. */
    public Map<String, Object> settings = new LinkedHashMap<>();
    /** Features the running backend supports. */
    public List<String> features = new ArrayList<>();
    /** Incremented on every edit. */
    public int modcount;
}
