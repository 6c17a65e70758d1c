package apiary.core.sessions.internal.routes;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.account.UserImpl;

/** The calling user, as this bundle's stores know it. */
final class Callers {
    /** Name of the BasicAPIFeatures area, shared by every route class of this bundle. */
    static final String AREA = "BasicAPIFeatures";
    static final String AREA_DESCRIPTION = "Basic general API routes, primarily for users and session handling.";

    private Callers() {
    }

    static UserImpl user(Session session, Accounts accounts) {
        if (session.user() instanceof UserImpl) {
            return (UserImpl) session.user();
        }
        return accounts.user(session.user().id()).orElseThrow(() -> new ApiError("Your account no longer exists."));
    }
}
