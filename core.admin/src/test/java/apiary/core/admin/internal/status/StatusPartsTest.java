package apiary.core.admin.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.session.StatusCounter;

import org.junit.jupiter.api.Test;

class StatusPartsTest {
    @Test
    void durationsReadLikeSwarm() {
        assertEquals("0 seconds", DurationText.of(Duration.ZERO));
        assertEquals("1 second", DurationText.of(Duration.ofSeconds(1)));
        assertEquals("12 seconds", DurationText.of(Duration.ofSeconds(12)));
        assertEquals("5 minutes and 3 seconds", DurationText.of(Duration.ofSeconds(303)));
        assertEquals("1 hour", DurationText.of(Duration.ofHours(1)));
        assertEquals("2 days and 1 hour", DurationText.of(Duration.ofHours(49).plusMinutes(5)));
        assertEquals("0 seconds", DurationText.of(Duration.ofSeconds(-5)));
    }

    @Test
    void memInfoUsesAvailableMemory() {
        MemoryInfo m = MemoryInfo.parse(List.of("MemTotal:       16000000 kB", "MemFree:         1000000 kB",
                "MemAvailable:    8000000 kB", "Buffers:          100 kB"));
        assertEquals(16000000L * 1024, m.total);
        assertEquals(8000000L * 1024, m.available);
        assertEquals(1000L * 1024, MemoryInfo.parse(List.of("MemTotal: 2000 kB", "MemFree: 1000 kB")).available);
    }

    @Test
    void nvidiaSmiRowsBecomeGpusInBytes() {
        Map<String, Object> gpus = GpuInfo.parse(List.of("0, NVIDIA GeForce RTX 4090, 45, 12, 3, 24564, 20000, 4564",
                "1, Tesla T4, [N/A], 0, 0, 15360, 15000, 360", "garbage"));
        assertEquals(2, gpus.size());
        Map<?, ?> first = (Map<?, ?>) gpus.get("0");
        assertEquals(0, first.get("id"));
        assertEquals("NVIDIA GeForce RTX 4090", first.get("name"));
        assertEquals(45L, first.get("temperature"));
        assertEquals(24564L * 1024 * 1024, first.get("total_memory"));
        assertEquals(0L, ((Map<?, ?>) gpus.get("1")).get("temperature"));
        assertEquals(Map.of(), GpuInfo.parse(List.of()));
    }

    @Test
    void cpuUsageIsCpuTimeOverWallTimeAndCores() {
        AtomicLong cpu = new AtomicLong(0);
        CpuSampler sampler = new CpuSampler(cpu::get, 4, false);
        long start = System.nanoTime();
        cpu.set(2_000_000_000L);
        sampler.sample(start + 1_000_000_000L);
        assertEquals(0.5, sampler.usage(), 0.05);
        assertEquals(4, sampler.cores());
        cpu.set(-1);
        sampler.sample(start + 2_000_000_000L);
        assertTrue(sampler.usage() >= 0 && sampler.usage() <= 1);
    }

    @Test
    void connectedUsersSumCountersAndGroupRecentAddresses() {
        Instant now = Instant.now();
        FakeSession.User alice = new FakeSession.User("alice", now.minusSeconds(5), now.minusSeconds(65));
        FakeSession.User idle = new FakeSession.User("bob", now.minusSeconds(600), now.minusSeconds(600));
        FakeSession.User hidden = new FakeSession.User("__shared", now, now);
        FakeSession a1 = new FakeSession(alice, "10.0.0.1", now.minusSeconds(10));
        FakeSession a2 = new FakeSession(alice, "10.0.0.1", now.minusSeconds(20));
        FakeSession a3 = new FakeSession(alice, "10.0.0.2", now.minusSeconds(3600));
        a2.counter(StatusCounter.LIVE_GENS).set(2);
        FakeSession busyIdle = new FakeSession(idle, "10.0.0.3", now.minusSeconds(600));
        List<Map<String, Object>> users = ConnectedUsers.build(List.of(a1, a2, a3, new FakeSession(hidden, "x", now)), now);
        assertEquals(1, users.size());
        Map<String, Object> u = users.get(0);
        assertEquals("alice", u.get("id"));
        assertEquals(65.0, (Double) u.get("last_active_seconds"), 0.01);
        assertEquals("1 minute and 5 seconds ago", u.get("last_active"));
        assertEquals(List.of(Map.of("address", "10.0.0.1", "count", 2)), u.get("active_sessions"));
        assertEquals(2, u.get("live_gens"));
        assertEquals(0, u.get("waiting_gens"));

        assertEquals(List.of(), ConnectedUsers.build(List.of(busyIdle), now), "absent and idle: skipped");
        busyIdle.counter(StatusCounter.WAITING_GENS).set(1);
        assertEquals(1, ConnectedUsers.build(List.of(busyIdle), now).size(), "absent but with queued work: listed");
    }
}
