package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;

/**
 * The ComfyUI simulators and {@code comfyui_api} backends one test made, removed again by {@link #close()}: the
 * set-up the ComfyUI ITs share.
 */
final class ComfyBackends implements AutoCloseable {
    private final BackendRegistry registry;
    private final List<Integer> added = new ArrayList<>();
    private final List<ComfySimulator> sims = new ArrayList<>();

    ComfyBackends(BackendRegistry registry) {
        this.registry = registry;
    }

    /** Starts a simulator whose sampler takes {@code stepSeconds} per step. */
    ComfySimulator simulator(double stepSeconds) throws Exception {
        ComfySimulator sim = ComfySimulator.install().withStepSeconds(stepSeconds).start();
        sims.add(sim);
        return sim;
    }

    /** Adds a by-URL backend for {@code sim} with the given extra settings and waits until it runs; returns its id. */
    int backend(ComfySimulator sim, Map<String, Object> settings) throws InterruptedException {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("Address", sim.base());
        BackendDTO dto = registry.add("comfyui_api", "", all);
        added.add(dto.id);
        awaitStatus(dto.id, BackendStatus.RUNNING);
        return dto.id;
    }

    /** Waits up to 30 s for backend {@code id} to reach {@code status}, then asserts it did. */
    BackendDTO awaitStatus(int id, BackendStatus status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        BackendDTO d = registry.backend(id).orElseThrow();
        while (d.status != status && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            d = registry.backend(id).orElseThrow();
        }
        assertEquals(d.statusMessage, status, d.status);
        return d;
    }

    @Override
    public void close() throws Exception {
        added.forEach(registry::remove);
        for (ComfySimulator s : sims) {
            s.close();
        }
    }
}
