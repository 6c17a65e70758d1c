package apiary.core.api.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of all backends that {@code GetCurrentStatus} reports as {@code backend_status} plus
 * {@code supported_features}.
 */
public class BackendStatusReport {
    /** The message of the {@code empty} status, SwarmUI's wording. */
    public static final String EMPTY_MESSAGE = "No backends present. You must configure backends in the Backends section "
            + "of the Server tab before you can continue.";

    /** One of {@code empty}, {@code all_disabled}, {@code errored}, {@code some_loading}, {@code running},
     *  {@code loading}, {@code disabled}, {@code idle}, {@code unknown}. */
    public String status = "empty";
    /** CSS class hint: {@code error}, {@code warn}, {@code soft} or empty. */
    public String cssClass = "error";
    /** A user-facing English sentence. */
    public String message = "";
    /** Whether any backend is loading or waiting. */
    public boolean anyLoading;
    /** Union of the features of enabled backends that are not idle. */
    public List<String> supportedFeatures = new ArrayList<>();

    /** @return the report for a server without backends (also right when no registry is running) */
    public static BackendStatusReport empty() {
        BackendStatusReport r = new BackendStatusReport();
        r.message = EMPTY_MESSAGE;
        return r;
    }

    /** @return the {@code backend_status} object: {@code {"status","class","message","any_loading"}} in that order */
    public Map<String, Object> backendStatusJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("class", cssClass);
        out.put("message", message);
        out.put("any_loading", anyLoading);
        return out;
    }
}
