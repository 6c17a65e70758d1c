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

    /** Starts a simulator with its default step time. */
    ComfySimulator simulator() throws Exception {
        return started(ComfySimulator.install());
    }

    /** Starts a simulator whose sampler takes {@code stepSeconds} per step. */
    ComfySimulator simulator(double stepSeconds) throws Exception {
        return started(ComfySimulator.install().withStepSeconds(stepSeconds));
    }

    private ComfySimulator started(ComfySimulator sim) throws Exception {
        sim.start();
        sims.add(sim);
        return sim;
    }

    /** Adds a by-URL backend for {@code sim} with the given extra settings and waits until it runs; returns its id. */
    int backend(ComfySimulator sim, Map<String, Object> settings) throws InterruptedException {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("Address", sim.base());
        BackendDTO dto = add("comfyui_api", all);
        awaitStatus(dto.id, BackendStatus.RUNNING);
        return dto.id;
    }

    /** Adds a backend of any type, removed again by {@link #close()} unless {@link #remove removed} before. */
    BackendDTO add(String type, Map<String, Object> settings) {
        BackendDTO dto = registry.add(type, "", settings);
        added.add(dto.id);
        return dto;
    }

    /** Removes a backend now (a test that checks what its removal does). */
    void remove(int id) {
        registry.remove(id);
        added.remove(Integer.valueOf(id));
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
