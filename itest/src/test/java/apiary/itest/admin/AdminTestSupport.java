package apiary.itest.admin;

import javax.inject.Inject;

import apiary.core.api.settings.ServerSettings;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Before;

/** The admin tests' common start: a client and a session of the local (owner) user. */
public abstract class AdminTestSupport extends ApiaryTestSupport {
    @Inject
    protected ServerSettings settings;

    protected Api api;
    protected String session;

    @Before
    public void openSession() {
        api = api();
        session = api.newSession();
    }
}
