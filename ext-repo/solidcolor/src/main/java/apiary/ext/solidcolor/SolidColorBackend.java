package apiary.ext.solidcolor;

import java.util.List;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.t2i.CoreParams;

/** One solid color backend: ready at once, paints PNGs of the requested size. */
final class SolidColorBackend implements GeneratingBackend {
    private final BackendContext context;

    SolidColorBackend(BackendContext context) {
        this.context = context;
    }

    @Override
    public void init() {
        context.setFeatures(List.of(SolidColorParams.FEATURE));
    }

    @Override
    public void generate(GenerationJob job) throws Exception {
        long max = ((Number) context.settings().getOrDefault("MaxSize", 2048)).longValue();
        long width = job.request().getOrDefault(CoreParams.WIDTH);
        long height = job.request().getOrDefault(CoreParams.HEIGHT);
        if (width > max || height > max) {
            throw new GenerationException("Solid Color paints at most " + max + " x " + max + " pixels.");
        }
        int rgb = SolidPng.parseColor(job.request().getOrDefault(SolidColorParams.COLOR));
        job.progress(0, 0);
        job.output(SolidPng.render((int) width, (int) height, rgb), "image/png");
    }

    @Override
    public void shutdown() {
        // Holds nothing.
    }
}
