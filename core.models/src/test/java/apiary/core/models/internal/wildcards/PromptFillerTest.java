package apiary.core.models.internal.wildcards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.model.FilledPrompt;

import org.junit.jupiter.api.Test;

/** Wildcard and random filling: reproducible per seed, nested, bounded, tolerant of bad syntax. */
class PromptFillerTest {
    private final Map<String, Wildcard> cards = Map.of(
            "animals", Wildcard.parse("animals", "cat\n# a comment\ndog # pet\n\n  bird  \r\n", 0, 0),
            "colors/warm", Wildcard.parse("colors/warm", "red\norange", 0, 0),
            "self", Wildcard.parse("self", "<wildcard:self> again", 0, 0),
            "nested", Wildcard.parse("nested", "a <wc:colors/warm> thing", 0, 0));
    private final PromptFiller filler = new PromptFiller(() -> List.copyOf(cards.keySet()),
            n -> Optional.ofNullable(cards.get(n)));

    @Test
    void wildcardOptionsSkipCommentsAndBlankLines() {
        assertEquals(List.of("cat", "dog", "bird"), cards.get("animals").options());
    }

    @Test
    void theSameSeedGivesTheSamePromptAndSeedsVary() {
        String prompt = "a <wildcard:animals> in <random:red,green,blue|> light, <wc:animals>";
        assertEquals(filler.fill(prompt, 42).text(), filler.fill(prompt, 42).text());
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seen.add(filler.fill(prompt, seed).text());
        }
        assertTrue(seen.size() > 5, "different seeds give different prompts: " + seen.size());
    }

    @Test
    void picksComeFromTheChoices() {
        for (long seed = 0; seed < 20; seed++) {
            String t = filler.fill("<random:x|y>-<wildcard:ANIMALS>", seed).text();
            assertTrue(t.matches("[xy]-(cat|dog|bird)"), t);
        }
        FilledPrompt f = filler.fill("<wc:anim> and <wc:nested>", 3);
        assertEquals(List.of("animals", "nested", "colors/warm"), f.usedWildcards());
        assertTrue(f.text().matches("(cat|dog|bird) and a (red|orange) thing"), f.text());
    }

    @Test
    void countsPickDifferentEntries() {
        String t = filler.fill("<random[3]:a,b,c>", 7).text();
        assertEquals(Set.of("a", "b", "c"), Set.of(t.split(", ")));
        String n = filler.fill("<random:10-12>", 1).text();
        assertTrue(n.matches("1[0-2]"), n);
    }

    @Test
    void badSyntaxAndUnknownWildcardsStayAsWritten() {
        assertEquals("<wildcard:nope> <lora:x:0.5> a < b", filler.fill("<wildcard:nope> <lora:x:0.5> a < b", 1).text());
        assertEquals("<random:a,b", filler.fill("<random:a,b", 1).text());
        String selfLoop = filler.fill("<wildcard:self>", 1).text();
        assertTrue(selfLoop.endsWith("again"), "a self-referencing wildcard ends: " + selfLoop);
        String big = "<".repeat(200_000) + ">".repeat(10);
        assertNotEquals(null, filler.fill(big, 1).text(), "a huge unbalanced prompt is handled in linear time");
    }

    @Test
    void theIndexBehaviourTakesTheSeedAsAZeroBasedIndexThatWrapsAround() {
        // SwarmUI: with 3 entries seed 0 is the first, seed 2 the last, seed 3 the first again.
        assertEquals("cat", filler.fillByIndex("<wildcard:animals>", 0).text());
        assertEquals("bird", filler.fillByIndex("<wildcard:animals>", 2).text());
        assertEquals("cat", filler.fillByIndex("<wildcard:animals>", 3).text());
        assertEquals("dog", filler.fillByIndex("<random:cat,dog,bird>", 1).text(), "random tags pick by index too");
        assertEquals(List.of("animals"), filler.fillByIndex("<wc:animals>", 7).usedWildcards());
    }

    @Test
    void aSecondIndexPickFromOneListTakesTheSameIndexAmongTheRest() {
        // Index 1 of [cat, dog, bird] is dog; of what is left [cat, bird], index 1 is bird.
        assertEquals("dog, bird", filler.fillByIndex("<wildcard[2]:animals>", 1).text());
        assertEquals("a orange thing", filler.fillByIndex("<wc:nested>", 1).text(), "nested wildcards pick by the same index");
    }
}
