package apiary.core.server.internal.proxy;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An upstream client built at its first use rather than at start-up: building a JDK HTTP client sets up TLS (about
 * a third of a second of CPU on two cores), which most servers never need for their proxy targets.
 */
final class LazyHttpClient implements Supplier<HttpClient> {
    private final Supplier<HttpClient> factory;
    private volatile HttpClient client;

    LazyHttpClient(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    @Override
    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    client = c = factory.get();
                }
            }
        }
        return c;
    }
}
