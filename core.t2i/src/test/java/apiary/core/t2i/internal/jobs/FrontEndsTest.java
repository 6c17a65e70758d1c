package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FrontEndsTest {
    @Test
    void withH2EveryOtherFrontEndOwningJobsIsDeadAtOnce() throws Exception {
        JobLedger l = JobLedgerTest.ledger();
        FrontEndTable table = new FrontEndTable(l.dataSource());
        FrontEnds fe = new FrontEnds(table, false, "me", 1000, 5000);
        l.created(1, "bob", "{}", 1, 1, new long[] {1}, "earlier-process");
        l.created(2, "bob", "{}", 1, 1, new long[] {1}, "me");
        l.flush();
        assertEquals(Map.of("earlier-process", -1L), fe.dead());
        assertTrue(fe.accepting());
        l.stop();
    }

    @Test
    void aFrontEndWhoseRowWasRemovedFencesItselfAndCarriesOnUnderANewId() throws Exception {
        JobLedger l = JobLedgerTest.ledger();
        FrontEndTable table = new FrontEndTable(l.dataSource());
        FrontEnds fe = new FrontEnds(table, true, "me", 10, 60_000);
        List<String> fenced = new ArrayList<>();
        fe.onFence(fenced::add);
        assertTrue(fe.valid("me"));
        table.remove("me", -1);
        fe.beat();
        assertEquals(List.of("me"), fenced, "told the old id");
        assertFalse(fe.valid("me"), "jobs of the old id may no longer commit");
        assertNotEquals("me", fe.id());
        assertTrue(fe.valid(fe.id()), "new jobs run under the new id");
        assertTrue(table.beats().containsKey(fe.id()));
        l.created(3, "bob", "{}", 1, 1, new long[] {1}, "me");
        l.flush();
        assertEquals(Map.of("me", -1L), fe.dead(), "the fenced id's jobs are claimable, also by this front end");
        fe.stop();
        assertFalse(table.beats().containsKey(fe.id()), "a stopped front end removes its row");
        assertFalse(fe.accepting());
        l.stop();
    }
}
