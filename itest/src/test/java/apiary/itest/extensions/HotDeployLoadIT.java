package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.itest.Api;

import org.junit.Test;

/**
 * No dropped requests: while extensions are installed and removed in a loop, several threads keep calling a core
 * route and every call succeeds; the extension's own route answers until it is gone, then says bad_route.
 */
public class HotDeployLoadIT extends ExtensionTestSupport {
    private static final int CLIENTS = 4;
    private static final int MIN_CORE_CALLS = 3000;
    private static final int MIN_CYCLES = 5;

    @Test
    public void coreRoutesNeverFailWhileExtensionsComeAndGo() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger coreCalls = new AtomicInteger();
        AtomicInteger helloAnswers = new AtomicInteger();
        AtomicInteger helloGone = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            threads.add(new Thread(() -> {
                Api api = api();
                String session = api.newSession();
                while (running.get()) {
                    Api.Reply r = api.call(session, "GetCurrentStatus", Map.of());
                    if (r.status != 200 || r.get("error") != null || r.get("status") == null) {
                        failures.add("GetCurrentStatus: " + r);
                    }
                    coreCalls.incrementAndGet();
                }
            }, "core-client-" + i));
        }
        threads.add(new Thread(() -> {
            Api api = api();
            String session = api.newSession();
            while (running.get()) {
                Api.Reply r = api.call(session, "Hello", Map.of("name", "load"));
                if (r.status == 200 && "Hello, load!".equals(r.get("greeting"))) {
                    helloAnswers.incrementAndGet();
                } else if (r.status == 400 && "bad_route".equals(r.get("error_id"))) {
                    helloGone.incrementAndGet();
                } else {
                    failures.add("Hello: " + r);
                }
            }
        }, "hello-client"));
        threads.forEach(Thread::start);

        int cycles = 0;
        try {
            while (cycles < MIN_CYCLES || coreCalls.get() < MIN_CORE_CALLS) {
                admin.installOk("hello");
                admin.installOk("promptstats");
                admin.uninstallOk("hello");
                admin.uninstallOk("promptstats");
                cycles++;
            }
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
        assertEquals("failed calls: " + failures, List.of(), new ArrayList<>(failures));
        assertTrue(coreCalls.get() >= MIN_CORE_CALLS);
        assertTrue("the extension route answered while installed", helloAnswers.get() > 0);
        assertTrue("and said bad_route while not", helloGone.get() > 0);
        System.out.println("HotDeployLoadIT: " + cycles + " install/uninstall cycles, " + coreCalls.get()
                + " core calls, " + (helloAnswers.get() + helloGone.get()) + " extension-route calls, 0 failures");
    }
}
