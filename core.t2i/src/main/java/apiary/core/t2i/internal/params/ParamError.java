package apiary.core.t2i.internal.params;

import apiary.core.api.route.ApiError;

/** SwarmUI's user-facing parameter errors, each wrapped as {@code Invalid value for parameter Name: detail}. */
final class ParamError {
    private ParamError() {
    }

    static ApiError invalid(String paramName, String detail) {
        return new ApiError("Invalid value for parameter " + paramName + ": " + detail);
    }
}
