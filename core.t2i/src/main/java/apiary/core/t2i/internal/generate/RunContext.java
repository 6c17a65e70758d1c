package apiary.core.t2i.internal.generate;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.session.Session;
import apiary.core.t2i.internal.output.OutputStore;

/**
 * What a job needs from the bundle's services, gathered so that a job is plain code that can be unit-tested with
 * stand-ins.
 *
 * @param scheduler the backend scheduler, or a supplier of null when none runs
 * @param store saves images
 * @param status the caller's {@code GetCurrentStatus} object
 * @param executors the generation threads
 * @param version the server version for metadata
 */
public record RunContext(Supplier<BackendScheduler> scheduler, OutputStore store, Function<Session, Map<String, Object>> status,
        GenerationExecutors executors, String version) {
}
