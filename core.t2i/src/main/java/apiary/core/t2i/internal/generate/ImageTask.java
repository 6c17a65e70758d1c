package apiary.core.t2i.internal.generate;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.StatusCounter;
import apiary.core.t2i.internal.output.ImageMetadata;
import apiary.core.t2i.internal.params.T2IRequestImpl;

/**
 * One image task of a job: wait for a backend (never on a request thread), run the backend on a generation thread,
 * save each output on the saving threads, keep the session's {@code live_gens} exact, and redirect once to another
 * backend when the first one gives the task back. Completes when every output is saved, whatever happened.
 */
final class ImageTask {
    private static final System.Logger LOG = System.getLogger(ImageTask.class.getName());
    static final String FAILED = "Something went wrong while generating images.";

    private final GenerationRun run;
    private final T2IRequestImpl params;
    private final int taskIndex;
    private final int imageIndex;
    private final List<String> urls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String error;
    private final AtomicInteger realOutputs = new AtomicInteger();
    private final List<CompletableFuture<Void>> saves = new ArrayList<>();
    private final long created = System.nanoTime();

    ImageTask(GenerationRun run, T2IRequestImpl params, int taskIndex, int imageIndex) {
        this.run = run;
        this.params = params;
        this.taskIndex = taskIndex;
        this.imageIndex = imageIndex;
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
        run.fail(message);
    }

    /** @return completes (never exceptionally) when the task and all its saves are done */
    CompletableFuture<Void> start() {
        BackendScheduler scheduler = run.context().scheduler().get();
        if (scheduler == null) {
            fail("No backends available!");
            recordEnd();
            return CompletableFuture.completedFuture(null);
        }
        return attempt(scheduler, BackendRequest.of(run.session(), params).withInterrupt(run.interrupt())
                .onModelLoad(run::status), null);
    }

    /** @param redirected why the previous backend gave the task back, or {@code null} on the first attempt */
    private CompletableFuture<Void> attempt(BackendScheduler scheduler, BackendRequest request, String redirected) {
        run.status();
        CompletionStage<BackendLease> acquired = scheduler.acquire(request);
        AutoCloseable withdraw = run.interrupt().onInterrupt(() -> acquired.toCompletableFuture().cancel(false));
        return acquired.toCompletableFuture().handle((lease, failure) -> {
            close(withdraw);
            if (failure != null) {
                String why = waitFailure(failure);
                // After a hand-back the user learns why the first backend could not finish, not only the second wait's failure.
                fail(redirected == null || GenerationRun.INTERRUPTED.equals(why) ? why : redirected + " No other backend could take it: " + why);
                recordEnd();
                return CompletableFuture.<Void>completedFuture(null);
            }
            return runOn(scheduler, request, lease, redirected == null);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> runOn(BackendScheduler scheduler, BackendRequest request, BackendLease lease, boolean mayRedirect) {
        run.status();
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            TaskJob job = new TaskJob(params, run.interrupt(), lease.backendId(), Integer.toString(imageIndex), run.requestId(),
                    run.events(), (data, type, real) -> save(data, type, real, started), run.previews(), run.previewMetadata(params));
            GenerationException redirect = null;
            run.observer().taskStarted(run.id(), taskIndex, lease.backendId());
            try (CounterClaim live = run.session().track(StatusCounter.LIVE_GENS, 1)) {
                run.status();
                lease.backend().generate(job);
                if (realOutputs.get() == 0) {
                    fail(run.interrupt().isInterrupted() ? GenerationRun.INTERRUPTED
                            : "No images were generated (all refused, or failed - check server logs for details).");
                }
            } catch (GenerationException e) {
                if (e.isRedirect() && mayRedirect && !run.interrupt().isInterrupted()) {
                    redirect = e;
                } else {
                    fail(run.interrupt().isInterrupted() ? GenerationRun.INTERRUPTED : e.getMessage());
                }
            } catch (Exception | LinkageError e) {
                if (run.interrupt().isInterrupted()) {
                    fail(GenerationRun.INTERRUPTED);
                } else {
                    LOG.log(Level.ERROR, "Backend " + lease.backendId() + " failed to generate", e);
                    fail(FAILED);
                }
            } finally {
                lease.close();
                backendMillis = (System.nanoTime() - started) / 1_000_000;
                backendId = lease.backendId();
                run.status();
            }
            return redirect;
        }, run.context().executors().backends()).thenCompose(redirect -> {
            if (redirect != null) {
                LOG.log(Level.INFO, "Backend {0} gave an image task back ({1}); trying another backend", lease.backendId(), redirect.getMessage());
                return attempt(scheduler, request.excluding(lease.backendId()), redirect.getMessage());
            }
            return allSaved().thenRun(this::recordEnd);
        });
    }

    private volatile long backendMillis;
    private volatile int backendId = -1;

    private void recordEnd() {
        String state = !urls.isEmpty() ? "done" : run.interrupt().isInterrupted() && error == null
                || GenerationRun.INTERRUPTED.equals(error) ? "interrupted" : "failed";
        run.observer().taskFinished(run.id(), run.session().user().id(), taskIndex, state, List.copyOf(urls), error,
                backendId, String.valueOf(params.values().getOrDefault("model", "")), backendMillis);
    }

    private synchronized CompletableFuture<Void> allSaved() {
        return CompletableFuture.allOf(saves.toArray(new CompletableFuture[0]));
    }

    private void save(byte[] data, String mediaType, boolean real, long started) {
        int index = real ? run.indexes().real(imageIndex, realOutputs.getAndIncrement(), run.batchSize(), run.images())
                : run.indexes().intermediate();
        if (!real && !Boolean.TRUE.equals(params.values().get("outputintermediateimages"))) {
            return;
        }
        double prep = (started - created) / 1e9;
        double gen = (System.nanoTime() - started) / 1e9;
        CompletableFuture<Void> saved = CompletableFuture.runAsync(() -> {
            if (!run.observer().mayCommit(run.id())) {
                // Another front end may own the job by now (or the server stops): it makes this image, not us.
                LOG.log(Level.INFO, "Job {0}: an image is dropped because this front end no longer holds the job", run.requestId());
                return;
            }
            try {
                apiary.core.t2i.internal.output.SavedImage image = run.context().store().save(params, data, mediaType,
                        Integer.toString(index), new ImageMetadata.Timings(prep, gen), !real);
                if (real) {
                    urls.add(image.url());
                }
                run.image(image, index);
                if (real) {
                    run.hooks().imageSaved(params, Integer.toString(index), image.url());
                }
            } catch (Exception e) {
                LOG.log(Level.ERROR, "Saving an image failed", e);
                fail("Server failed to save an image.");
            }
        }, run.context().executors().saving());
        synchronized (this) {
            saves.add(saved);
        }
    }

    private String waitFailure(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (run.interrupt().isInterrupted() || t instanceof java.util.concurrent.CancellationException) {
            return GenerationRun.INTERRUPTED;
        }
        if (t instanceof GenerationException) {
            return t.getMessage();
        }
        LOG.log(Level.ERROR, "Waiting for a backend failed", t);
        return FAILED;
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Removing an interrupt action cannot fail in a way that matters.
        }
    }
}
