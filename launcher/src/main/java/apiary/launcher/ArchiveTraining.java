package apiary.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The training run behind {@code --train-class-archive}: waits until the server listens, makes the calls every client
 * starts with, then lets the launcher stop, so that a JVM started with {@code -XX:ArchiveClassesAtExit} archives the
 * classes a real start-up and a first request load. The archive then spares every later start most of the class
 * loading and verification, the bulk of start-up time.
 */
final class ArchiveTraining {
    private static final Pattern SESSION = Pattern.compile("\"session_id\":\"([0-9a-f]+)\"");

    private ArchiveTraining() {
    }

    static void run(BundleContext context) throws InterruptedException, IOException {
        int port = awaitPort(context);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SESSION.matcher(post(http, port, "GetNewSession", "{}"));
            if (m.find()) {
                String session = "{\"session_id\":\"" + m.group(1) + "\"}";
                post(http, port, "GetCurrentStatus", session);
                post(http, port, "GetMyUserData", session);
                post(http, port, "NoSuchRoute", session);
                // A level-2 route: answered once every bundle is up, so their start-up classes are loaded too.
                post(http, port, "ListT2IParams", session);
                ArchiveLinking.linkLoadedClasses(context);
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("The server did not answer GetNewSession within 60 s");
    }

    private static int awaitPort(BundleContext context) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(apiary.http.port=*)");
                if (refs != null) {
                    return (Integer) refs[0].getProperty("apiary.http.port");
                }
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(50);
        }
        throw new IOException("The server did not start listening within 60 s");
    }

    private static String post(HttpClient http, int port, String route, String body) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/API/" + route))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        }
    }
}
