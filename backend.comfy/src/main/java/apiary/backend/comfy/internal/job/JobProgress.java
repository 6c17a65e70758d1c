package apiary.backend.comfy.internal.job;

/**
 * SwarmUI's progress arithmetic for one ComfyUI job (behaviour §B.4): nodes done (executed or cached) plus the
 * current node's fraction, over the node count plus one (the last step is fetching the images).
 */
final class JobProgress {
    private final int totalNodes;
    private int nodesDone;
    private double current;

    JobProgress(int totalNodes) {
        this.totalNodes = Math.max(1, totalNodes);
    }

    void cached(int count) {
        nodesDone += count;
        current = 0;
    }

    void nodeStarted() {
        nodesDone++;
        current = 0;
    }

    /** An output node reported its result (SwarmUI counts the whole graph done then). */
    void allNodesDone() {
        nodesDone = totalNodes;
        current = 1;
    }

    void step(double value, double max) {
        current = max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
    }

    double overall() {
        return Math.min(1, (Math.min(nodesDone, totalNodes) + current) / (totalNodes + 1));
    }

    double current() {
        return current;
    }
}
