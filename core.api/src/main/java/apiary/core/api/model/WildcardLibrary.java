package apiary.core.api.model;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The wildcard files ({@code Data/Wildcards/**.txt}) that {@code <wildcard:name>} in a prompt picks from. */
@ProviderType
public interface WildcardLibrary {
    /** @return every wildcard name (path relative to the folder, without {@code .txt}), ordered */
    List<String> names();

    /**
     * @param name a wildcard name, case-insensitive
     * @return its options (non-empty lines, comments stripped)
     */
    Optional<List<String>> options(String name);

    /**
     * Fills a prompt's random parts as SwarmUI does before generation: {@code <wildcard:name>} and {@code <wc:name>}
     * pick one option of that wildcard, {@code <random:a,b,c>} (or {@code a|b|c}) one of the given choices;
     * {@code [N]} or {@code [N-M]} after the tag name picks several different ones, joined by {@code ", "}. Picked
     * text is filled again (nested wildcards), to a bounded depth. Other tags ({@code <lora:...>}, {@code <segment:...>}
     * ...), a wildcard name that matches no file and unbalanced brackets are left as written. Names match as
     * SwarmUI's do: exactly (ignoring case), else the shortest name containing the text. The same seed always gives
     * the same result.
     *
     * @param prompt the prompt text
     * @param seed the wildcard seed ({@code wildcardseed}, else the generation seed)
     * @return the filled prompt
     * @since 1.1
     */
    FilledPrompt fill(String prompt, long seed);

    /**
     * Fills a prompt as {@link #fill} does, with SwarmUI's wildcard seed behaviour {@code Index}: the seed is a 0-based
     * index into every choice list instead of a random seed (seed 0 takes the first option, seed 4 the last of five,
     * seed 5 the first again); a second pick from the same list takes that index among the options left. Counts
     * ({@code [1-3]}) and number ranges stay random (from the same seed).
     *
     * @param prompt the prompt text
     * @param index the wildcard seed, at least 0
     * @return the filled prompt
     * @since 1.2
     */
    FilledPrompt fillByIndex(String prompt, long index);
}
