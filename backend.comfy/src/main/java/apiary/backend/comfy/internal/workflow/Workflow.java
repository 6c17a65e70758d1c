package apiary.backend.comfy.internal.workflow;

import java.util.Map;
import java.util.Set;

/**
 * An API-format ComfyUI prompt graph ready to post, with what the job needs to know about it: which node saves
 * the final images and which nodes' images are intermediate.
 *
 * @param graph node id to {@code {"class_type", "inputs"}}
 * @param finalNodes the nodes whose images are results of the request
 * @param custom whether the graph is a user's raw workflow (every image it makes is a result)
 */
public record Workflow(Map<String, Object> graph, Set<String> finalNodes, boolean custom) {
    /**
     * @param nodeId the node that produced an image
     * @return whether that image is a real output (SwarmUI: ids below 100 except 9, and from 50000 up, are
     *         intermediate in the generated graph)
     */
    public boolean isReal(String nodeId) {
        if (custom || finalNodes.contains(nodeId)) {
            return true;
        }
        try {
            int n = Integer.parseInt(nodeId);
            return n >= 100 && n < 50000;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
