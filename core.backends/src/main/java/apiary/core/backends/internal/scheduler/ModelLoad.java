package apiary.core.backends.internal.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.t2i.T2IRequest;
import apiary.core.backends.internal.pool.Slot;
import apiary.core.backends.internal.pool.SlotState;

/**
 * One model load on one reserved backend: started once no generation holds the backend any more, for the pressure
 * of waiting requests or for an explicit {@code SelectModel}. Guarded by the scheduler's queue lock.
 */
final class ModelLoad {
    final Slot slot;
    final SlotState state;
    final String model;
    final T2IRequest params;
    final ModelPressure pressure;
    final CompletableFuture<Boolean> result = new CompletableFuture<>();
    final List<CounterClaim> loadingClaims = new ArrayList<>();
    boolean started;

    /**
     * @param slot the reserved backend
     * @param state its state when it was chosen (the instance and how to record its model)
     * @param model the model to load
     * @param params the parameters of the first request that wants it, or {@code null}
     * @param pressure the pressure it serves, or {@code null} for an explicit load
     */
    ModelLoad(Slot slot, SlotState state, String model, T2IRequest params, ModelPressure pressure) {
        this.slot = slot;
        this.state = state;
        this.model = model;
        this.params = params;
        this.pressure = pressure;
    }
}
