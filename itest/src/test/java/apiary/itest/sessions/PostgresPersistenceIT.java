package apiary.itest.sessions;

import java.util.Map;

import apiary.itest.pg.PostgresServer;

import org.junit.AfterClass;
import org.junit.BeforeClass;

/** {@link PersistenceSuite} on a real PostgreSQL server that the test starts on loopback, one database per test. */
public class PostgresPersistenceIT extends PersistenceSuite {
    private static PostgresServer postgres;

    @BeforeClass
    public static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterClass
    public static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Map<String, String> database(String testName) throws Exception {
        postgres.createDatabase("apiary_" + testName);
        return postgres.properties("apiary_" + testName);
    }
}
