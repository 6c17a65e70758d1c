package apiary.itest.comfy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ComfyUI simulator installed as a ComfyUI folder for the integration tests ({@code main.py}, a checkpoint in
 * {@code models/checkpoints}), startable by the test (for {@code comfyui_api}) or by a {@code comfyui_selfstart}
 * backend through its StartScript.
 */
final class ComfySimulator implements AutoCloseable {
    static final String MODEL = "tiny-sd15.safetensors";
    static final String LORA = "glow.safetensors";

    private final Path home;
    private Process process;
    private int port;
    private double stepSeconds = 0.02;

    private ComfySimulator(Path home) {
        this.home = home;
    }

    static ComfySimulator install() throws IOException {
        Path source = Path.of(System.getProperty("apiary.itest.comfySimulator"));
        Path home = Files.createTempDirectory("comfy-it-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = source.relativize(p).toString();
                if (rel.contains("__pycache__")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(home.resolve(rel));
                } else {
                    Files.copy(p, home.resolve(rel));
                }
            }
        }
        model(home.resolve("models/checkpoints").resolve(MODEL), "stable-diffusion-v1");
        model(home.resolve("models/loras").resolve(LORA), "stable-diffusion-v1/lora");
        return new ComfySimulator(home);
    }

    /** A header-only safetensors file with a modelspec architecture: enough for ComfyUI's folder listing. */
    private static void model(Path file, String architecture) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] header = ("{\"__metadata__\":{\"modelspec.architecture\":\"" + architecture + "\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + header.length];
        out[0] = (byte) header.length;
        System.arraycopy(header, 0, out, 8, header.length);
        Files.write(file, out);
    }

    /** @param seconds seconds per sampler step @return this */
    ComfySimulator withStepSeconds(double seconds) {
        stepSeconds = seconds;
        return this;
    }

    Path mainPy() {
        return home.resolve("main.py");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the simulator: on a free port the first time, on the same port again after {@link #kill}. */
    ComfySimulator start() throws IOException, InterruptedException {
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder pb = new ProcessBuilder(List.of(python, mainPy().toString(), "--port", Integer.toString(port),
                "--preview-method", "latent2rgb")).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("simulator.log").toFile());
        pb.environment().put("COMFYSIM_STEP_SECONDS", Double.toString(stepSeconds));
        pb.environment().put("COMFYSIM_LOAD_SECONDS", "0.05");
        process = pb.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return this;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("The simulator did not start: " + Files.readString(home.resolve("simulator.log")));
    }

    /** Kills the simulator the way a crash would (SIGKILL); {@link #start} brings it back on the same port. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
