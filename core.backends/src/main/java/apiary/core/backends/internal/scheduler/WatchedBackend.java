package apiary.core.backends.internal.scheduler;

import java.util.Optional;

import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

/**
 * The backend a lease hands out: the driver's own instance, with each {@link #generate} run under the
 * {@link GenerationWatch}'s time limit. Everything else goes straight to the driver.
 */
final class WatchedBackend implements GeneratingBackend {
    private final GeneratingBackend driver;
    private final int backendId;
    private final GenerationWatch watch;

    WatchedBackend(GeneratingBackend driver, int backendId, GenerationWatch watch) {
        this.driver = driver;
        this.backendId = backendId;
        this.watch = watch;
    }

    @Override
    public void generate(GenerationJob job) throws Exception {
        TimeLimit limit = watch.started(job.interrupt(), backendId);
        try {
            driver.generate(new LimitedJob(job, limit));
        } catch (Exception e) {
            if (limit.expiredMessage() != null) {
                throw new GenerationException(limit.expiredMessage(), e);
            }
            throw e;
        } finally {
            watch.finished(limit);
        }
        if (limit.expiredMessage() != null) {
            throw new GenerationException(limit.expiredMessage());
        }
    }

    @Override
    public boolean loadModel(String model, T2IRequest request) throws Exception {
        return driver.loadModel(model, request);
    }

    @Override
    public Optional<String> refusalReason(T2IRequest request) {
        return driver.refusalReason(request);
    }

    @Override
    public void init() throws Exception {
        driver.init();
    }

    @Override
    public void shutdown() {
        driver.shutdown();
    }

    @Override
    public boolean freeMemory(boolean systemRam) {
        return driver.freeMemory(systemRam);
    }

    /** The caller's job with the time-limited token. */
    private static final class LimitedJob implements GenerationJob {
        private final GenerationJob job;
        private final InterruptToken token;

        LimitedJob(GenerationJob job, InterruptToken token) {
            this.job = job;
            this.token = token;
        }

        @Override
        public T2IRequest request() {
            return job.request();
        }

        @Override
        public InterruptToken interrupt() {
            return token;
        }

        @Override
        public int backendId() {
            return job.backendId();
        }

        @Override
        public void progress(double overall, double current) {
            job.progress(overall, current);
        }

        @Override
        public void preview(byte[] image, String mediaType) {
            job.preview(image, mediaType);
        }

        @Override
        public void output(byte[] data, String mediaType) {
            job.output(data, mediaType);
        }

        @Override
        public void intermediateOutput(byte[] data, String mediaType) {
            job.intermediateOutput(data, mediaType);
        }
    }
}
