package apiary.core.backends.internal.scheduler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.T2IRequest;

/** A backend whose model loads, own refusals and generations the test decides; it records every load it is asked for. */
final class FakeBackend implements GeneratingBackend {
    final List<String> loads = new CopyOnWriteArrayList<>();
    volatile Function<String, Boolean> loadResult = m -> true;
    volatile String refusal;
    /** What {@link #generate} does; the scheduler itself never calls it. */
    volatile Generator generator = job -> {
        throw new UnsupportedOperationException("the scheduler never generates");
    };

    /** A generation body that may throw. */
    interface Generator {
        void run(GenerationJob job) throws Exception;
    }

    @Override
    public void init() {
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void generate(GenerationJob job) throws Exception {
        generator.run(job);
    }

    @Override
    public boolean loadModel(String model, T2IRequest request) {
        loads.add(model);
        return loadResult.apply(model);
    }

    @Override
    public Optional<String> refusalReason(T2IRequest request) {
        return Optional.ofNullable(refusal);
    }
}
