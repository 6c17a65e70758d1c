package apiary.backend.comfy.internal.backend;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.client.ComfyHttp;
import apiary.core.api.json.Json;

/**
 * Watches an idle by-URL backend ({@code AllowIdle}): polls {@code GET /features} every few seconds and, once the
 * server answers, reconnects it (SwarmUI #1450: an idle backend comes back by itself).
 */
final class IdleMonitor {
    private static final long PERIOD_MS = Long.getLong("apiary.comfy.idlePollMillis", 2000);

    private final ComfyHttp http;
    private final BooleanSupplier reconnect;
    private volatile Thread thread;

    IdleMonitor(String base, Json json, BooleanSupplier reconnect) {
        this.http = new ComfyHttp(base, json);
        this.reconnect = reconnect;
    }

    void start(String name) {
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                Thread.sleep(PERIOD_MS);
                http.getJson("/features", Duration.ofSeconds(5));
                if (reconnect.getAsBoolean()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (ComfyException e) {
                // Still away: keep polling.
            }
        }
    }
}
