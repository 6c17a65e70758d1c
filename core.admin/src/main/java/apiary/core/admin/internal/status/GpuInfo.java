package apiary.core.admin.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * NVIDIA GPUs as {@code nvidia-smi} reports them, keyed {@code "0"}, {@code "1"}... in its order; an empty map
 * where there is no {@code nvidia-smi} or it fails. The answer is reused for a configurable time, because the
 * query takes a noticeable moment.
 */
final class GpuInfo {
    static final List<String> COMMAND = List.of("nvidia-smi",
            "--query-gpu=index,name,temperature.gpu,utilization.gpu,utilization.memory,memory.total,memory.free,memory.used",
            "--format=csv,noheader,nounits");
    private static final long MIB = 1024L * 1024;

    private final LongSupplier cacheMillis;
    private Map<String, Object> cached;
    private long cachedAt;

    /** @param cacheMillis how long an answer is reused ({@code nvidiaqueryratelimitms}) */
    GpuInfo(LongSupplier cacheMillis) {
        this.cacheMillis = cacheMillis;
    }

    synchronized Map<String, Object> gpus() {
        long now = System.currentTimeMillis();
        if (cached == null || now - cachedAt >= cacheMillis.getAsLong()) {
            cached = parse(query());
            cachedAt = now;
        }
        return cached;
    }

    private static List<String> query() {
        try {
            Process p = new ProcessBuilder(COMMAND).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(1 << 20);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Parses nvidia-smi's CSV rows; rows it cannot read are left out. */
    static Map<String, Object> parse(List<String> lines) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length < 8) {
                continue;
            }
            try {
                Map<String, Object> gpu = new LinkedHashMap<>();
                int id = Integer.parseInt(f[0].trim());
                gpu.put("id", id);
                gpu.put("name", f[1].trim());
                gpu.put("temperature", number(f[2]));
                gpu.put("utilization_gpu", number(f[3]));
                gpu.put("utilization_memory", number(f[4]));
                gpu.put("total_memory", number(f[5]) * MIB);
                gpu.put("free_memory", number(f[6]) * MIB);
                gpu.put("used_memory", number(f[7]) * MIB);
                out.put(String.valueOf(out.size()), gpu);
            } catch (NumberFormatException e) {
                // Not a GPU row (no index): skip it.
            }
        }
        return out;
    }

    /** A figure, or 0 where nvidia-smi has none ({@code [N/A]}, {@code [Not Supported]}). */
    private static long number(String field) {
        try {
            return Math.round(Double.parseDouble(field.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
