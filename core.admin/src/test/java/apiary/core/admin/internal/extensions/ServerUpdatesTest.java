package apiary.core.admin.internal.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServerUpdatesTest {
    @Test
    void previewIsCappedLikeSwarmUI() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), ServerUpdates.preview(List.of("a", "b", "c", "d", "e", "f")));
        assertEquals(List.of("a", "b", "...", "e", "f", "g"), ServerUpdates.preview(List.of("a", "b", "c", "d", "e", "f", "g")));
    }

    @Test
    void componentFailuresShowTheInnermostCause() {
        String trace = "org.osgi.service.component.ComponentException: boom\n\tat x.y(Z.java:1)\n"
                + "Caused by: java.lang.reflect.InvocationTargetException\n\tat a.b(C.java:2)\n"
                + "Caused by: java.lang.IllegalStateException: the real reason\n\tat d.e(F.java:3)";
        assertEquals("java.lang.IllegalStateException: the real reason", ComponentProblems.rootCause(trace));
        assertEquals("only line", ComponentProblems.rootCause("only line"));
        assertEquals("unknown error", ComponentProblems.rootCause(null));
    }
}
