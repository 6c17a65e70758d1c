package apiary.core.t2i.internal.generate;

/** Receives a job's events as they happen; must be quick and must never block (it runs on backend and save threads). */
@FunctionalInterface
public interface RunSink {
    /** A sink for a client that has gone: the job goes on, its images are saved, nobody is told. */
    RunSink NONE = e -> { };

    /** @param event the next event */
    void accept(RunEvent event);
}
