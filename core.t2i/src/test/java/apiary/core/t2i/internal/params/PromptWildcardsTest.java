package apiary.core.t2i.internal.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.api.model.FilledPrompt;
import apiary.core.api.t2i.CoreParams;
import apiary.core.t2i.internal.testing.FakeModels;
import apiary.core.t2i.internal.testing.TestUser;

import org.junit.jupiter.api.Test;

class PromptWildcardsTest {
    private final ModelCatalog catalog = ModelCatalog.of(new FakeModels(), null, null);
    private final ParamTable table = ParamTable.build(List.of(new ParamRegistration(1, 0, "core.t2i",
            CoreParamProvider.table(catalog))), Set.of());
    /** Seeds the fake library was asked with, in order. */
    private final List<Long> seeds = new ArrayList<>();
    /** A stand-in library: {@code <wc:animal>} becomes {@code animal<seed>} ({@code animal#<seed>} by index), other text stays. */
    private final PromptWildcards wildcards = new PromptWildcards((prompt, seed, byIndex) -> {
        seeds.add(seed);
        boolean used = prompt.contains("<wc:animal>");
        return new FilledPrompt(prompt.replace("<wc:animal>", (byIndex ? "animal#" : "animal") + seed), used ? List.of("animal") : List.of());
    });

    private T2IRequestImpl parse(Map<String, Object> body) {
        return new RequestParser(table, new ValueCoercer(catalog, UserMedia.NONE), null, wildcards)
                .parse(new TestUser("bob", Set.of(), List.of()), body);
    }

    @Test
    void tagsAreFilledFromTheSeedAndRecordedInTheMetadata() {
        T2IRequestImpl r = parse(Map.of("prompt", "a <wc:animal> in a hat", "seed", 42));
        assertEquals("a animal42 in a hat", r.get(CoreParams.PROMPT).orElseThrow());
        assertEquals(42L, r.values().get("wildcardseed"), "the seed used is recorded as SwarmUI does");
        assertEquals("a <wc:animal> in a hat", r.extraMetadata().get("original_prompt"));
        assertEquals(List.of("animal"), r.extraMetadata().get("used_wildcards"));
        assertFalse(r.unread().contains("wildcardseed"), "the wildcard seed was used, so it is not an unused parameter");
    }

    @Test
    void theWildcardSeedWinsOverTheSeedAndAVariationSeedIsAdded() {
        assertEquals("animal7", parse(Map.of("prompt", "<wc:animal>", "seed", 42, "wildcardseed", 7)).values().get("prompt"));
        assertEquals("animal45", parse(Map.of("prompt", "<wc:animal>", "seed", 42, "variationseed", 3)).values().get("prompt"));
    }

    @Test
    void eachImageOfABatchFillsFromItsOwnSeedAndTheSameSeedGivesTheSameText() {
        T2IRequestImpl r = parse(Map.of("prompt", "<wc:animal>", "negativeprompt", "no <wc:animal>", "seed", 10));
        T2IRequestImpl second = (T2IRequestImpl) r.with(CoreParams.SEED, 11L);
        assertEquals("animal11", second.values().get("prompt"));
        assertEquals("no animal11", second.values().get("negativeprompt"));
        assertEquals("<wc:animal>", second.extraMetadata().get("original_prompt"), "the copy keeps the prompt as written");
        assertEquals(r.values().get("prompt"), ((T2IRequestImpl) second.with(CoreParams.SEED, 10L)).values().get("prompt"));
        assertNotEquals(r.values().get("prompt"), second.values().get("prompt"));
    }

    @Test
    void theIndexBehaviourAsksTheLibraryToUseTheSeedAsAnIndex() {
        T2IRequestImpl r = parse(Map.of("prompt", "<wc:animal>", "seed", 42, "wildcardseed", 3, "wildcardseedbehavior", "Index"));
        assertEquals("animal#3", r.values().get("prompt"));
        assertEquals(3L, r.values().get("wildcardseed"));
        assertFalse(r.unread().contains("wildcardseedbehavior"), "the behaviour was used, so it stays in the image parameters");
        assertEquals("animal#42", parse(Map.of("prompt", "<wc:animal>", "seed", 42, "wildcardseedbehavior", "index"))
                .values().get("prompt"), "without a wildcard seed the image seed is the index; the value list matches case-insensitively");
        assertEquals("animal42", parse(Map.of("prompt", "<wc:animal>", "seed", 42, "wildcardseedbehavior", "Random"))
                .values().get("prompt"));
    }

    @Test
    void aPromptWithoutTagsIsNeitherFilledNorMarked() {
        T2IRequestImpl r = parse(Map.of("prompt", "a plain cat", "seed", 1));
        assertEquals(List.of(), seeds, "no tag: the library is not even asked");
        assertFalse(r.values().containsKey("wildcardseed"));
        assertFalse(r.extraMetadata().containsKey("original_prompt"));
        T2IRequestImpl lora = parse(Map.of("prompt", "a cat <lora:ink>", "seed", 1));
        assertEquals("a cat <lora:ink>", lora.values().get("prompt"));
        assertFalse(lora.extraMetadata().containsKey("used_wildcards"), "other tags are left to their own handlers");
        assertFalse(lora.values().containsKey("wildcardseed"));
    }

    @Test
    void withoutALibraryTheTagsStayAsWritten() {
        T2IRequestImpl r = new RequestParser(table, new ValueCoercer(catalog, UserMedia.NONE), null, PromptWildcards.NONE)
                .parse(new TestUser("bob", Set.of(), List.of()), Map.of("prompt", "<wc:animal>"));
        assertEquals("<wc:animal>", r.values().get("prompt"));
        Map<String, Object> values = new java.util.HashMap<>(Map.of("prompt", "<wc:x>"));
        assertFalse(new PromptWildcards((p, s, i) -> null).fill(values, new java.util.HashMap<>()));
        assertSame("<wc:x>", values.get("prompt"));
    }

    @Test
    void theSeedStaysANonNegativeInt() {
        assertEquals(5L, PromptWildcards.seed(Map.of("seed", Integer.MAX_VALUE + 5L)));
        assertEquals(0L, PromptWildcards.seed(Map.of()));
    }
}
