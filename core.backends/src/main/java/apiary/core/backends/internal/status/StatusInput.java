package apiary.core.backends.internal.status;

import java.util.List;

import apiary.core.api.backend.BackendStatus;

/**
 * What the status summary needs to know about one backend.
 *
 * @param enabled the admin's flag
 * @param status the current status
 * @param features the features the backend reported
 */
public record StatusInput(boolean enabled, BackendStatus status, List<String> features) {
}
