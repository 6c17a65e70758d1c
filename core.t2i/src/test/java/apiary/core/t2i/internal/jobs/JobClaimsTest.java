package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class JobClaimsTest {
    @Test
    void aDeadFrontEndsUnfinishedJobsAreClaimedWithTheirPendingSeeds() throws Exception {
        JobLedger l = JobLedgerTest.ledger();
        JobClaims claims = new JobClaims(l);
        l.created(7, "bob", "{\"images\":3}", 3, 1, new long[] {10, 11, 12}, "dead-process");
        l.taskStarted(7, 0, 1);
        l.taskFinished(7, 0, "done", "[\"View/bob/a.png\"]", null, null);
        l.taskStarted(7, 1, 1);
        l.created(8, "bob", "{}", 1, 1, new long[] {5}, "this-process");
        l.created(9, "bob", "{}", 1, 1, new long[] {6}, "dead-process");
        l.finished(9, "done", null);
        List<JobClaims.Unfinished> claimed = claims.claim("dead-process", "this-process");
        assertEquals(1, claimed.size(), "finished jobs are left alone");
        assertEquals(7, claimed.get(0).id());
        assertEquals(Map.of(1, 11L, 2, 12L), claimed.get(0).pendingSeeds(), "the running and the queued task, not the done one");
        assertEquals("this-process", l.job(7).orElseThrow().frontEnd());
        assertEquals(List.of(), claims.claim("dead-process", "this-process"), "claimed once");
        assertEquals("this-process", l.job(8).orElseThrow().frontEnd());
        l.stop();
    }

    @Test
    void twoFrontEndsClaimingAtOnceTakeEachJobExactlyOnce() throws Exception {
        JobLedger l = JobLedgerTest.ledger();
        JobClaims claims = new JobClaims(l);
        for (int i = 1; i <= 200; i++) {
            l.created(i, "bob", "{}", 1, 1, new long[] {i}, "dead");
        }
        l.flush();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<Long>>> takers = new ArrayList<>();
        for (String taker : List.of("a", "b", "c")) {
            takers.add(CompletableFuture.supplyAsync(() -> {
                List<Long> got = new ArrayList<>();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int round = 0; round < 20; round++) {
                    claims.claim("dead", taker).forEach(j -> got.add(j.id()));
                }
                return got;
            }));
        }
        go.countDown();
        Set<Long> all = new HashSet<>();
        int total = 0;
        for (CompletableFuture<List<Long>> t : takers) {
            List<Long> got = t.get();
            total += got.size();
            all.addAll(got);
        }
        assertEquals(200, all.size(), "every job was taken");
        assertEquals(200, total, "no job was taken twice");
        assertTrue(l.jobs(null, 1000).stream().noneMatch(j -> j.frontEnd().equals("dead")));
        l.stop();
    }
}
