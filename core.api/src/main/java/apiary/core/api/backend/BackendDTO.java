package apiary.core.api.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configured backend as the API shows it ({@code ListBackends}): a snapshot, not a live view. Secret settings
 * are masked as {@link apiary.core.api.settings.SettingsTree#SECRET_MASK}; while the entry's type is not installed
 * every setting is masked, because the registry cannot tell which ones are secret.
 */
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
    /**
     * Why the backend is in its status, in plain English: the latest load-status line while waiting or loading, the
     * failure while errored (including "type not installed"); {@code null} when there is nothing to say.
     */
    public String statusMessage;
    /** Whether a bundle providing {@link #type} is installed. */
    public boolean typeAvailable;
    /** The type-specific settings, keyed by setting name. */
    public Map<String, Object> settings = new LinkedHashMap<>();
    /** Features the running backend supports. */
    public List<String> features = new ArrayList<>();
    /** How many generations may run on it at once. */
    public int maxUsages = 1;
    /** Whether it can switch models on request. */
    public boolean canLoadModels = true;
    /** The model currently loaded, or {@code null}. */
    public String currentModel;
    /** Incremented on every edit. */
    public int modcount;
    /** The model names the backend can use by model subtype, or {@code null} when it does not track them. */
    public Map<String, List<String>> models;
    /** How many generations hold a claim on it right now. */
    public int usages;
    /** When its last claim was released (epoch milliseconds), 0 when never used. */
    public long lastReleasedMillis;
    /** Whether it is a real, persisted entry; {@code false} for temporary children (negative ids). */
    public boolean real = true;
    /** For a non-real child ({@link ChildBackend}): the id of its parent entry; {@code null} for real entries. */
    public Integer parentId;
}
