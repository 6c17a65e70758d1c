package apiary.itest.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.jobs.EchoProcess;
import apiary.itest.process.ServerProcess;

/** The real launcher for the browser tests, with the echo test backend installed and one echo backend running. */
final class UiServer implements AutoCloseable {
    final ServerProcess process;
    final Api api;
    final String session;
    final Path data;

    private UiServer(ServerProcess process, Path data) {
        this.process = process;
        this.api = process.api();
        this.session = api.newSession();
        this.data = data;
    }

    /**
     * @param name names the data folder
     * @param echo the echo backend's settings (LatencyMs, Previews, Models...); null for no backend
     */
    static UiServer start(String name, Map<String, Object> echo) throws Exception {
        Path data = ServerProcess.newDataDir(name);
        UiServer server = new UiServer(EchoProcess.start(data, Map.of()), data);
        if (echo != null) {
            EchoProcess.installEcho(server.api, server.session);
            server.awaitRunning(EchoProcess.addBackend(server.api, server.session, echo));
        }
        return server;
    }

    void awaitRunning(int backend) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            Object b = ((Map<?, ?>) api.call(session, "ListBackends", Map.of()).json).get(String.valueOf(backend));
            if (b instanceof Map && "running".equals(((Map<?, ?>) b).get("status"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + backend + " never ran: " + api.call(session, "ListBackends", Map.of()));
    }

    /** @return an absolute URL of the server for a path like {@code Text2Image} */
    String url(String path) {
        return "http://127.0.0.1:" + process.port() + "/" + path;
    }

    Api.Reply call(String route, Map<String, ?> body) {
        return api.call(session, route, body);
    }

    /** @return how many images the history holds */
    int historyTotal() {
        return ((Number) call("ListImageHistory", Map.of("limit", 1)).get("total")).intValue();
    }

    List<?> jobs() {
        Object jobs = call("ListJobs", Map.of()).get("jobs");
        return jobs instanceof List ? (List<?>) jobs : List.of();
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
