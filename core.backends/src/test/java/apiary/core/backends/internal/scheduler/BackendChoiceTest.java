package apiary.core.backends.internal.scheduler;

import static apiary.core.backends.internal.scheduler.Harness.failure;
import static apiary.core.backends.internal.scheduler.Harness.leaseOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.t2i.CoreParams;

import org.junit.jupiter.api.Test;

/** SwarmUI's candidates and filter, with their refusal texts, and the cases in which a request waits instead. */
class BackendChoiceTest {
    private final Harness h = new Harness();
    private final FakeSession s = FakeSession.of("u");

    private CompletableFuture<BackendLease> ask(FakeParams params) {
        return ask(BackendRequest.of(s, params));
    }

    private CompletableFuture<BackendLease> ask(BackendRequest r) {
        CompletableFuture<BackendLease> f = h.acquire(r);
        h.settle();
        return f;
    }

    @Test
    void withoutRunningBackendsTheRequestFails() {
        assertEquals("No backends available!", failure(ask(FakeParams.none())));
        h.add(1, d -> d.status = BackendStatus.ERRORED);
        h.add(2, d -> d.enabled = false);
        h.add(3, d -> d.maxUsages = 0);
        assertEquals("No backends available!", failure(ask(FakeParams.none())));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void aStartingBackendIsWaitedFor() {
        h.add(1, d -> d.status = BackendStatus.LOADING);
        CompletableFuture<BackendLease> f = ask(FakeParams.none());
        assertFalse(f.isDone());
        assertEquals(1, s.count(StatusCounter.WAITING_BACKENDS));
        h.change(1, d -> d.status = BackendStatus.RUNNING);
        h.settle();
        assertEquals(1, leaseOf(f).backendId());
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void refusalsAreListedWithSwarmUIsWording() {
        h.add(1, d -> d.type = "comfyui_api");
        h.add(2, d -> d.features = List.of("comfyui"));
        h.add(3, d -> {
            d.models = Map.of("LoRA", List.of("a.safetensors"));
            d.features = List.of("refiners");
        });
        h.add(4, d -> d.features = List.of("refiners")).refusal = "The custom workflow contains an unsupported node type 'X'";
        h.add(5, d -> d.canLoadModels = false);
        String message = failure(ask(FakeParams.none().set(CoreParams.INTERNAL_BACKEND_TYPE, "comfyui_api")
                .set(CoreParams.EXACT_BACKEND_ID, "2").feature("refiners").feature("sdxl").uses("LoRA", "b")));
        assertEquals("No backends match the settings of the request given! Backends refused for the following reason(s):\n"
                + "- Specific backend ID# requested in advanced parameters did not match\n"
                + "- Specific backend type requested in advanced parameters did not match", message);
        assertEquals("No backends match the settings of the request given! Backends refused for the following reason(s):\n"
                + "- Request requires flag 'refiners' which is not present on the backend\n"
                + "- Request requires LoRA 'b' but the backend does not have that LoRA\n"
                + "- The custom workflow contains an unsupported node type 'X'",
                failure(ask(FakeParams.none().feature("refiners").feature("sdxl").uses("LoRA", "b"))),
                "sdxl never blocks; the placeholder (cannot load models) refuses silently");
        assertEquals(3, leaseOf(ask(FakeParams.none().uses("LoRA", "a").set(CoreParams.EXACT_BACKEND_ID, "3"))).backendId(),
                "a LoRA name matches with .safetensors appended");
    }

    @Test
    void theParentsIdChoosesAmongItsChildren() {
        h.add(4, d -> d.maxUsages = 0);
        h.add(-2, d -> d.parentId = 4);
        h.add(1);
        assertEquals(-2, leaseOf(ask(FakeParams.none().set(CoreParams.EXACT_BACKEND_ID, "4"))).backendId());
        h.add(-3, d -> d.parentId = 1);
        assertEquals(-3, leaseOf(ask(FakeParams.none().set(CoreParams.EXACT_BACKEND_ID, "-3"))).backendId(),
                "a child's own id works too");
    }

    @Test
    void aRedirectedRequestGoesElsewhere() {
        h.add(1);
        h.add(2);
        CompletableFuture<BackendLease> f = h.acquire(BackendRequest.of(s, FakeParams.none()).excluding(1));
        h.settle();
        assertEquals(2, leaseOf(f).backendId());
        assertEquals("No backends match the settings of the request given! Backends refused for the following reason(s):\n"
                + "- The backend handed the request back to be run elsewhere\n"
                + "- Specific backend ID# requested in advanced parameters did not match",
                failure(ask(BackendRequest.of(s, FakeParams.none()).onBackend(1).excluding(1))));
    }

    @Test
    void anExplicitBackendOverridesTheParameter() {
        h.add(1);
        h.add(2);
        CompletableFuture<BackendLease> f = h.acquire(BackendRequest.of(s, FakeParams.none().set(CoreParams.EXACT_BACKEND_ID, "1"))
                .onBackend(2));
        h.settle();
        assertEquals(2, leaseOf(f).backendId());
    }

    @Test
    void aRequestForAModelTakesTheBackendThatHasItLoaded() {
        h.add(1);
        h.add(2, d -> d.currentModel = "m.safetensors");
        h.add(3);
        assertEquals(2, leaseOf(ask(FakeParams.model("m.safetensors"))).backendId());
        assertEquals(1, leaseOf(ask(FakeParams.none())).backendId(), "no model: the first free one");
    }

    @Test
    void aBackendLackingTheModelInItsListIsRefused() {
        h.add(1, d -> d.models = Map.of("Stable-Diffusion", List.of("other.safetensors")));
        assertEquals("No backends match the settings of the request given! Backends refused for the following reason(s):\n"
                + "- Request requires model 'm.safetensors' but the backend does not have that model",
                failure(ask(FakeParams.model("m.safetensors"))));
        h.add(2, d -> d.models = Map.of("Stable-Diffusion", List.of("m.safetensors")));
        CompletableFuture<BackendLease> f = ask(FakeParams.model("m.safetensors"));
        assertEquals(List.of("m.safetensors"), h.backend(2).loads,
                "backend 2 lists the model but had not loaded it; it is the only loader that fits, so it loads at once");
        assertEquals(2, leaseOf(f).backendId());
        assertTrue(h.backend(1).loads.isEmpty());
    }
}
