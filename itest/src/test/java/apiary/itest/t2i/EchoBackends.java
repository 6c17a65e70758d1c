package apiary.itest.t2i;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.itest.EchoBundle;

import org.osgi.framework.BundleContext;

/** Echo backends for generation tests: installs the echo bundle, adds running backends, removes everything again. */
final class EchoBackends implements AutoCloseable {
    private final BackendRegistry registry;
    private final EchoBundle bundle;
    private final List<Integer> added = new ArrayList<>();

    EchoBackends(BundleContext context, BackendRegistry registry) throws Exception {
        this.registry = registry;
        this.bundle = EchoBundle.install(context);
    }

    /** Adds an echo backend with the given settings and waits until it runs. */
    BackendDTO add(Map<String, Object> settings) throws InterruptedException {
        BackendDTO dto = registry.add("itest_echo_backend", "t2i test", settings);
        added.add(dto.id);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            BackendDTO now = registry.backend(dto.id).orElseThrow();
            if (now.status == BackendStatus.RUNNING) {
                return now;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("echo backend #" + dto.id + " never ran");
    }

    @Override
    public void close() throws Exception {
        for (int id : added) {
            registry.remove(id);
        }
        bundle.close();
    }
}
