package apiary.itest.extensions;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.settings.ServerSettings;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;

/** Base of the extension tests in the shared framework: an admin client, and the repository setting restored after each test. */
public abstract class ExtensionTestSupport extends ApiaryTestSupport {
    private static final String REPOSITORIES = "extensions.repositories";

    @Inject
    protected ServerSettings settings;

    protected ExtensionAdmin admin;

    @Before
    public void createAdmin() {
        admin = new ExtensionAdmin(api());
    }

    @After
    public void restoreShippedIndex() {
        useRepositories(context.getProperty("apiary.extensions.index"));
    }

    /** Points the extension manager at these index URLs. */
    protected void useRepositories(String... urls) {
        settings.change(Map.of(REPOSITORIES, List.of(urls)));
    }
}
