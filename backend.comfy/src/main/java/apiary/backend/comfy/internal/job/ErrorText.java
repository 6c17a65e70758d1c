package apiary.backend.comfy.internal.job;

import java.util.List;
import java.util.Map;

/**
 * Turns ComfyUI's validation answer ({@code {"error": {...}, "node_errors": {...}}}) into the useful part of
 * SwarmUI's {@code ComfyUI errored: ...}: the error's message and details, then one line per failing node.
 */
final class ErrorText {
    private ErrorText() {
    }

    static String of(Map<?, ?> answer) {
        StringBuilder sb = new StringBuilder("ComfyUI errored: ");
        Object error = answer.get("error");
        if (error instanceof Map) {
            Map<?, ?> e = (Map<?, ?>) error;
            sb.append(text(e.get("message")));
            String details = text(e.get("details"));
            if (!details.isBlank()) {
                sb.append(": ").append(details);
            }
        } else {
            sb.append(text(error));
        }
        if (answer.get("node_errors") instanceof Map) {
            ((Map<?, ?>) answer.get("node_errors")).forEach((node, value) -> {
                if (!(value instanceof Map) || !(((Map<?, ?>) value).get("errors") instanceof List)) {
                    return;
                }
                Map<?, ?> n = (Map<?, ?>) value;
                for (Object o : (List<?>) n.get("errors")) {
                    if (o instanceof Map) {
                        Map<?, ?> err = (Map<?, ?>) o;
                        sb.append("\n- node ").append(node).append(" (").append(text(n.get("class_type"))).append("): ")
                                .append(text(err.get("message")));
                        String details = text(err.get("details"));
                        if (!details.isBlank()) {
                            sb.append(": ").append(details);
                        }
                    }
                }
            });
        }
        return sb.toString();
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
