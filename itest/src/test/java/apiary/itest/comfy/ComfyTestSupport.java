package apiary.itest.comfy;

import javax.inject.Inject;

import apiary.core.api.backend.BackendRegistry;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;

/** The ComfyUI tests' common set-up: the backend registry and a fresh {@link ComfyBackends}, closed after each test. */
public abstract class ComfyTestSupport extends ApiaryTestSupport {
    @Inject
    protected BackendRegistry registry;

    /** The simulators and backends of the running test, removed after it. */
    protected ComfyBackends comfy;

    @Before
    public void openComfy() {
        comfy = new ComfyBackends(registry);
    }

    @After
    public void closeComfy() throws Exception {
        comfy.close();
    }
}
