package apiary.core.t2i.internal.webhooks;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one webhook off the generation path: POSTs the body with its signature, and after a failure (no answer or
 * a status outside 2xx) tries again after 1, 2, 4, 8 and 16 seconds, then gives up with a log line.
 */
public final class WebhookSender {
    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer;
    private final long baseDelayMillis;

    /**
     * @param timer runs the attempts
     * @param baseDelayMillis the first retry delay, doubled each time (1000 in the server; small in tests)
     */
    public WebhookSender(ScheduledExecutorService timer, long baseDelayMillis) {
        this.timer = timer;
        this.baseDelayMillis = baseDelayMillis;
    }

    /**
     * @param target where to send
     * @param body the JSON body
     * @param signature the {@link WebhookSigner} header value
     */
    public void send(URI target, byte[] body, String signature) {
        timer.execute(() -> attempt(target, body, signature, 1));
    }

    /**
     * One unsigned attempt (SwarmUI's server-wide webhooks are called once, without retries).
     *
     * @param target where to send
     * @param body the JSON body
     * @return completes (never exceptionally) when the call is answered, fails or times out (30 s)
     */
    public CompletableFuture<Void> postOnce(URI target, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, t) -> {
            if (t != null || r.statusCode() / 100 != 2) {
                LOG.log(Level.WARNING, "Webhook to {0} failed ({1})", target, t == null ? "status " + r.statusCode() : t.toString());
            }
            return null;
        });
    }

    private void attempt(URI target, byte[] body, String signature, int n) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header(WebhookSigner.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, t) -> {
            if (t == null && r.statusCode() / 100 == 2) {
                return;
            }
            if (n >= ATTEMPTS) {
                LOG.log(Level.WARNING, "Webhook to {0} failed {1} times; giving up ({2})", target, n,
                        t == null ? "status " + r.statusCode() : t.toString());
                return;
            }
            timer.schedule(() -> attempt(target, body, signature, n + 1), baseDelayMillis << (n - 1), TimeUnit.MILLISECONDS);
        });
    }
}
