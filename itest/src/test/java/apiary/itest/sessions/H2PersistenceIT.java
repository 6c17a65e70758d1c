package apiary.itest.sessions;

import java.util.Map;

/** {@link PersistenceSuite} on the default embedded H2 database file. */
public class H2PersistenceIT extends PersistenceSuite {
    @Override
    protected Map<String, String> database(String testName) {
        return Map.of();
    }
}
