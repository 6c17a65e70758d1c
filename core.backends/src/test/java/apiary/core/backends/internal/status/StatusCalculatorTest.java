package apiary.core.backends.internal.status;

import static apiary.core.api.backend.BackendStatus.DISABLED;
import static apiary.core.api.backend.BackendStatus.ERRORED;
import static apiary.core.api.backend.BackendStatus.IDLE;
import static apiary.core.api.backend.BackendStatus.LOADING;
import static apiary.core.api.backend.BackendStatus.RUNNING;
import static apiary.core.api.backend.BackendStatus.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendStatusReport;

import org.junit.jupiter.api.Test;

/** Each rule of the summary, and that an earlier rule wins over a later one. */
class StatusCalculatorTest {
    private static StatusInput on(BackendStatus status, String... features) {
        return new StatusInput(true, status, List.of(features));
    }

    private static StatusInput off(BackendStatus status, String... features) {
        return new StatusInput(false, status, List.of(features));
    }

    private static void assertReport(String status, String cssClass, String message, boolean anyLoading, BackendStatusReport r) {
        assertEquals(status, r.status);
        assertEquals(cssClass, r.cssClass);
        assertEquals(message, r.message);
        assertEquals(anyLoading, r.anyLoading);
    }

    @Test
    void noBackendsIsEmpty() {
        BackendStatusReport r = StatusCalculator.compute(List.of());
        assertReport("empty", "error", BackendStatusReport.EMPTY_MESSAGE, false, r);
        assertEquals(List.of(), r.supportedFeatures);
    }

    @Test
    void allFlaggedOffIsAllDisabledWhateverTheirStatus() {
        assertReport("all_disabled", "error", StatusCalculator.ALL_DISABLED, false,
                StatusCalculator.compute(List.of(off(DISABLED), off(RUNNING), off(LOADING))));
    }

    @Test
    void anyErroredWinsOverRunningAndLoading() {
        assertReport("errored", "error", StatusCalculator.ERRORED, false,
                StatusCalculator.compute(List.of(on(RUNNING), on(ERRORED))));
        assertReport("errored", "error", StatusCalculator.ERRORED, true,
                StatusCalculator.compute(List.of(on(RUNNING), on(ERRORED), on(WAITING))));
    }

    @Test
    void runningWithSomeLoadingOrWaitingIsSomeLoading() {
        assertReport("some_loading", "warn", StatusCalculator.SOME_LOADING, true,
                StatusCalculator.compute(List.of(on(RUNNING), on(LOADING))));
        assertReport("some_loading", "warn", StatusCalculator.SOME_LOADING, true,
                StatusCalculator.compute(List.of(on(WAITING), on(RUNNING))));
    }

    @Test
    void anyRunningOtherwiseIsRunning() {
        assertReport("running", "", "", false, StatusCalculator.compute(List.of(on(RUNNING), on(IDLE), off(DISABLED))));
    }

    @Test
    void loadingOrWaitingWithoutRunningIsLoading() {
        assertReport("loading", "soft", StatusCalculator.LOADING, true,
                StatusCalculator.compute(List.of(on(WAITING), on(IDLE), off(DISABLED))));
        assertReport("loading", "soft", StatusCalculator.LOADING, true, StatusCalculator.compute(List.of(on(LOADING))));
    }

    @Test
    void someDisabledWithoutRunningOrLoadingIsDisabled() {
        assertReport("disabled", "warn", StatusCalculator.DISABLED, false,
                StatusCalculator.compute(List.of(on(IDLE), off(DISABLED))));
    }

    @Test
    void onlyIdleIsIdle() {
        assertReport("idle", "warn", StatusCalculator.IDLE, false, StatusCalculator.compute(List.of(on(IDLE), on(IDLE))));
    }

    @Test
    void featuresComeFromEnabledBackendsThatAreNotIdle() {
        BackendStatusReport r = StatusCalculator.compute(List.of(
                on(RUNNING, "comfyui", "refiners"),
                on(IDLE, "idle_only"),
                off(DISABLED, "disabled_only"),
                on(ERRORED, "errored_too", "comfyui"),
                on(LOADING, "loading_too")));
        assertEquals(List.of("comfyui", "refiners", "errored_too", "loading_too"), r.supportedFeatures);
    }
}
