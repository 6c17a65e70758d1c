package apiary.core.admin.internal.status;

import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.settings.ServerSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** GetServerResourceInfo: CPU, system RAM and GPUs. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class ResourceRoutes implements RouteProvider {
    private static final long DEFAULT_GPU_CACHE_MS = 1000;

    private final CpuSampler cpu = new CpuSampler();
    private final GpuInfo gpus;

    /** @param settings the server settings ({@code nvidiaqueryratelimitms}) */
    @Activate
    public ResourceRoutes(@Reference ServerSettings settings) {
        this.gpus = new GpuInfo(() -> {
            try {
                return Math.max(0, settings.getLong("nvidiaqueryratelimitms"));
            } catch (RuntimeException e) {
                return DEFAULT_GPU_CACHE_MS;
            }
        });
    }

    @Deactivate
    void deactivate() {
        cpu.close();
    }

    /** @return the resource figures */
    @Route(permission = CorePermissions.READ_SERVER_INFO_PANELS, description = "Returns information about the server's resource usage.",
            returns = "    \"cpu\": {\n        \"usage\": 0.0,\n        \"cores\": 0\n    },\n    \"system_ram\": {\n        \"total\": 0,\n"
                    + "        \"used\": 0,\n        \"free\": 0\n    },\n    \"gpus\": {\n        \"0\": {\n            \"id\": 0,\n"
                    + "            \"name\": \"namehere\",\n            \"temperature\": 0,\n            \"utilization_gpu\": 0,\n"
                    + "            \"utilization_memory\": 0,\n            \"total_memory\": 0,\n            \"free_memory\": 0,\n"
                    + "            \"used_memory\": 0\n        }\n    }")
    public Map<String, Object> GetServerResourceInfo() {
        Map<String, Object> cpuInfo = new LinkedHashMap<>();
        cpuInfo.put("usage", cpu.usage());
        cpuInfo.put("cores", cpu.cores());
        MemoryInfo mem = MemoryInfo.read();
        Map<String, Object> ram = new LinkedHashMap<>();
        ram.put("total", mem.total);
        ram.put("used", Math.max(0, mem.total - mem.available));
        ram.put("free", mem.available);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu", cpuInfo);
        out.put("system_ram", ram);
        out.put("gpus", gpus.gpus());
        return out;
    }
}
