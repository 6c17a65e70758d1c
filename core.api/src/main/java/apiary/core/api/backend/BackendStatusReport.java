package apiary.core.api.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary of all backends that {@code GetCurrentStatus} reports as {@code backend_status} plus
 * {@code supported_features}.
 */
public class BackendStatusReport {
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
}
