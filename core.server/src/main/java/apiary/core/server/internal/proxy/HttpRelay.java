package apiary.core.server.internal.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Flow;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Relays one HTTP request to the upstream server and its answer back, both bodies streamed: the request body is
 * read as the upstream client sends it, the answer is written to the client chunk by chunk, the next chunk asked for
 * only when the previous one is written (a slow client slows the upstream read, never the server's memory). No Jetty
 * thread waits meanwhile. Hop-by-hop headers, Apiary's cookies and the browser's Origin are not passed on.
 */
final class HttpRelay {
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "cookie", "authorization", "origin", "referer",
            "proxy-authorization", "proxy-connection", "http2-settings");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "content-length", "set-cookie", "proxy-authenticate");

    private final LazyHttpClient client = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build());

    void relay(URI target, Request request, Response response, Callback callback) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target);
        for (HttpField f : request.getHeaders()) {
            if (!NOT_FORWARDED.contains(f.getLowerCaseName())) {
                b.header(f.getName(), f.getValue());
            }
        }
        long length = request.getLength();
        HttpRequest.BodyPublisher body = length == 0 ? HttpRequest.BodyPublishers.noBody()
                : length > 0 ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> Content.Source.asInputStream(request)), length)
                : HttpRequest.BodyPublishers.ofInputStream(() -> Content.Source.asInputStream(request));
        b.method(request.getMethod(), body);
        client.get().sendAsync(b.build(), HttpResponse.BodyHandlers.ofPublisher()).whenComplete((answer, failure) -> {
            if (failure != null) {
                ProxyRoutes.error(response, callback, 502, "The upstream server cannot be reached.");
                return;
            }
            response.setStatus(answer.statusCode());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> response.getHeaders().add(name, v));
                }
            });
            answer.headers().firstValueAsLong("content-length").ifPresent(n -> response.getHeaders().put("Content-Length", n));
            answer.body().subscribe(new Writer(response, callback));
        });
    }

    /** Writes the upstream body to the client, one chunk in flight at a time. */
    private static final class Writer implements Flow.Subscriber<List<ByteBuffer>> {
        private final Response response;
        private final Callback callback;
        private Flow.Subscription subscription;

        Writer(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> chunks) {
            ByteBuffer joined = join(chunks);
            response.write(false, joined, Callback.from(() -> subscription.request(1), failure -> {
                subscription.cancel();
                callback.failed(failure);
            }));
        }

        @Override
        public void onError(Throwable failure) {
            callback.failed(failure);
        }

        @Override
        public void onComplete() {
            response.write(true, null, callback);
        }

        private static ByteBuffer join(List<ByteBuffer> chunks) {
            if (chunks.size() == 1) {
                return chunks.get(0);
            }
            int n = chunks.stream().mapToInt(ByteBuffer::remaining).sum();
            ByteBuffer out = ByteBuffer.allocate(n);
            chunks.forEach(out::put);
            return out.flip();
        }
    }
}
