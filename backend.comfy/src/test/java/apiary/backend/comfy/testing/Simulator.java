package apiary.backend.comfy.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ComfyUI simulator as a test fixture: copied into a temporary ComfyUI-like folder (so nothing is written into
 * the source tree), given a checkpoint, LoRAs and a VAE, and started like ComfyUI on a free port.
 */
public final class Simulator implements AutoCloseable {
    /** The checkpoint every simulator lists. */
    public static final String MODEL = "tiny-sd15.safetensors";

    private final Path home;
    private final int port;
    private Process process;

    private Simulator(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** @return a copy of the simulator in a fresh folder, not started */
    public static Simulator install() throws IOException {
        Path home = Files.createTempDirectory("comfysim-");
        Path source = Path.of(System.getProperty("comfy.simulator", "simulator/main.py")).toAbsolutePath().getParent();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = source.relativize(p);
                if (rel.toString().contains("__pycache__")) {
                    continue;
                }
                Path target = home.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path models = home.resolve("models");
        writeModel(models.resolve("checkpoints").resolve(MODEL), "stable-diffusion-v1");
        writeModel(models.resolve("checkpoints").resolve("sub/other.safetensors"), "stable-diffusion-v1");
        writeModel(models.resolve("loras").resolve("glow.safetensors"), "stable-diffusion-v1/lora");
        writeModel(models.resolve("loras").resolve("ink.safetensors"), "stable-diffusion-v1/lora");
        writeModel(models.resolve("vae").resolve("clear.safetensors"), "stable-diffusion-v1/vae");
        return new Simulator(home, freePort());
    }

    /**
     * Writes a tiny safetensors file (header only) with a modelspec architecture.
     *
     * @param file where
     * @param architecture the modelspec.architecture
     */
    public static void writeModel(Path file, String architecture) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] header = ("{\"__metadata__\":{\"modelspec.architecture\":\"" + architecture + "\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + header.length];
        long n = header.length;
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (n >>> (8 * i));
        }
        System.arraycopy(header, 0, out, 8, header.length);
        Files.write(file, out);
    }

    /** @return a free loopback port */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @return the folder holding main.py */
    public Path home() {
        return home;
    }

    /** @return the start script */
    public Path mainPy() {
        return home.resolve("main.py");
    }

    /** @return the port it listens on once started */
    public int port() {
        return port;
    }

    /** @return its API base */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the interpreter that has Debian's aiohttp and Pillow, when there is one */
    public static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * Starts it and waits until it accepts connections.
     *
     * @param stepSeconds seconds per sampler step
     * @return this
     */
    public Simulator start(double stepSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python(), mainPy().toString(), "--port", Integer.toString(port),
                "--preview-method", "latent2rgb"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("simulator.log").toFile());
        pb.environment().putAll(Map.of("COMFYSIM_STEP_SECONDS", Double.toString(stepSeconds), "COMFYSIM_LOAD_SECONDS", "0.05"));
        process = pb.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Simulator exited: " + Files.readString(home.resolve("simulator.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return this;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Simulator did not start");
    }

    /** @return the running process */
    public Process process() {
        return process;
    }

    /** Freezes it (SIGSTOP): it keeps its sockets open but answers nothing, like a hung server. */
    public void freeze() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start().waitFor();
    }

    /** Kills it at once (a crash). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            // A frozen process must be continued to die cleanly.
            new ProcessBuilder("kill", "-CONT", Long.toString(process.pid())).start().waitFor();
            process.destroyForcibly().waitFor();
        }
    }
}
