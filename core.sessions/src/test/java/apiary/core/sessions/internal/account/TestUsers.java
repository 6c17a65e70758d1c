package apiary.core.sessions.internal.account;

import java.util.Map;

/** Users for unit tests that only need an id (no roles, no settings). */
public final class TestUsers {
    private TestUsers() {
    }

    /** @param id a user id @return a user with that id */
    public static UserImpl of(String id) {
        return new UserImpl(id, null, null, Map.of());
    }
}
