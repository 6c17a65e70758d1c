package apiary.itest.t2i;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.inject.Inject;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.model.WildcardLibrary;
import apiary.core.api.settings.ServerSettings;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Wildcard and random prompt tags through GenerateText2Image against an echo backend: every image's prompt is filled
 * from its own seed (or the request's wildcard seed) by core.models' wildcard library, the saved metadata records the
 * prompt as filled, the prompt as written ({@code original_prompt}), the wildcards used and the wildcard seed, and a
 * seed reproduces its prompt.
 */
public class WildcardPromptIT extends ApiaryTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITTEN = "a <wildcard:pets> on a <random:red,green,blue,white,black> rug";

    @Inject
    private BackendRegistry registry;
    @Inject
    private ServerSettings settings;
    @Inject
    private WildcardLibrary wildcards;
    private EchoBackends echo;
    private Object savedFolder;

    @Before
    public void setUp() throws Exception {
        echo = new EchoBackends(context, registry);
        echo.add(Map.of("LatencyMs", 0L, "Limits", Map.of("MaxUsages", 4L)));
        Path folder = Path.of(System.getProperty("apiary.itest.workDir")).resolve("wildcards-" + UUID.randomUUID());
        Files.createDirectories(folder.resolve("animals"));
        StringBuilder pets = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            pets.append("pet").append(i).append('\n');
        }
        Files.writeString(folder.resolve("animals/pets.txt"), pets);
        savedFolder = settings.get("paths.wildcardsfolder");
        settings.change(Map.of("paths.wildcardsfolder", folder.toString()));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (wildcards.options("animals/pets").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue("the wildcard library sees the test folder", wildcards.options("animals/pets").isPresent());
    }

    @After
    public void tearDown() throws Exception {
        echo.close();
        Map<String, Object> back = new LinkedHashMap<>();
        back.put("paths.wildcardsfolder", savedFolder);
        settings.change(back);
    }

    /** Generates over HTTP into its own output folder and returns each saved image's metadata by seed. */
    private Map<Long, Map<String, Object>> generate(Api api, String s, Map<String, Object> extra) throws Exception {
        String folder = "wc" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("images", 3, "prompt", WRITTEN,
                "negativeprompt", "no <wc:pets>", "overrideoutpathformat", folder + "/[seed]"));
        body.putAll(extra);
        Api.Reply r = api.call(s, "GenerateText2Image", body);
        assertNotNull(r.toString(), r.get("images"));
        assertEquals(r.toString(), 3, ((List<?>) r.get("images")).size());
        List<?> files = (List<?>) api.call(s, "ListImages", Map.of("path", folder, "depth", 1)).get("files");
        assertEquals(3, files.size());
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (Object f : files) {
            Map<String, Object> meta = JSON.readValue((String) ((Map<?, ?>) f).get("metadata"), new TypeReference<Map<String, Object>>() { });
            Map<?, ?> params = (Map<?, ?>) meta.get("sui_image_params");
            out.put(((Number) params.get("seed")).longValue(), meta);
        }
        return out;
    }

    private static Map<?, ?> params(Map<String, Object> meta) {
        return (Map<?, ?>) meta.get("sui_image_params");
    }

    private static Map<?, ?> extra(Map<String, Object> meta) {
        return (Map<?, ?>) meta.get("sui_extra_data");
    }

    @Test
    public void theIndexBehaviourPicksTheEntryAtTheSeedAsAnIndex() throws Exception {
        Api api = api();
        String s = api.newSession();
        // Seeds 31, 32, 33 with 30 pets: entries 1, 2, 3 (0-based, wrapping); the 5 colours: 1, 2, 3 too.
        Map<Long, Map<String, Object>> images = generate(api, s, Map.of("seed", 31, "wildcardseedbehavior", "Index"));
        List<String> colours = List.of("red", "green", "blue", "white", "black");
        for (Map.Entry<Long, Map<String, Object>> e : images.entrySet()) {
            int i = (int) (e.getKey() % 30);
            String expected = "a pet" + i + " on a " + colours.get((int) (e.getKey() % 5)) + " rug";
            assertEquals(params(e.getValue()).toString(), expected, params(e.getValue()).get("prompt"));
            assertEquals(e.getKey().longValue(), ((Number) params(e.getValue()).get("wildcardseed")).longValue());
            assertEquals("Index", params(e.getValue()).get("wildcardseedbehavior"));
        }
        Map<Long, Map<String, Object>> fixed = generate(api, s, Map.of("seed", 1, "wildcardseed", 64, "wildcardseedbehavior", "Index"));
        for (Map<String, Object> meta : fixed.values()) {
            assertEquals("a wildcard seed is the index for every image of the request", "a pet4 on a black rug",
                    params(meta).get("prompt"));
        }
    }

    @Test
    public void eachImageFillsItsPromptFromItsSeedAndTheMetadataSaysHow() throws Exception {
        Api api = api();
        String s = api.newSession();
        Map<Long, Map<String, Object>> images = generate(api, s, Map.of("seed", 500));
        assertEquals(List.of(500L, 501L, 502L), List.copyOf(images.keySet()));
        for (Map.Entry<Long, Map<String, Object>> e : images.entrySet()) {
            Map<?, ?> params = params(e.getValue());
            String prompt = (String) params.get("prompt");
            assertTrue(prompt, prompt.matches("a pet\\d+ on a (red|green|blue|white|black) rug"));
            assertEquals("the image's own seed picks its wildcards", wildcards.fill(WRITTEN, e.getKey()).text(), prompt);
            assertEquals(wildcards.fill("no <wc:pets>", e.getKey()).text(), params.get("negativeprompt"));
            assertEquals(e.getKey().longValue(), ((Number) params.get("wildcardseed")).longValue());
            Map<?, ?> extra = extra(e.getValue());
            assertEquals(WRITTEN, extra.get("original_prompt"));
            assertEquals("no <wc:pets>", extra.get("original_negativeprompt"));
            assertEquals(List.of("animals/pets", "animals/pets"), extra.get("used_wildcards"));
            assertFalse("the wildcard seed was used", String.valueOf(extra.get("unused_parameters")).contains("wildcardseed"));
        }
        Map<Long, Map<String, Object>> again = generate(api, s, Map.of("seed", 500));
        for (long seed : images.keySet()) {
            assertEquals("a seed reproduces its prompt", params(images.get(seed)).get("prompt"), params(again.get(seed)).get("prompt"));
        }
    }

    @Test
    public void aWildcardSeedPicksTheSameForEveryImage() throws Exception {
        Api api = api();
        String s = api.newSession();
        Map<Long, Map<String, Object>> images = generate(api, s, Map.of("seed", 900, "wildcardseed", 77));
        String expected = wildcards.fill(WRITTEN, 77).text();
        for (Map<String, Object> meta : images.values()) {
            assertEquals(expected, params(meta).get("prompt"));
            assertEquals(77L, ((Number) params(meta).get("wildcardseed")).longValue());
        }
    }

    @Test
    public void aPromptWithoutWildcardsIsLeftAloneAndUnknownWildcardsStayAsWritten() throws Exception {
        Api api = api();
        String s = api.newSession();
        String folder = "wcplain" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "a cat <wildcard:nosuchcard>", "seed", 3,
                "overrideoutpathformat", folder + "/x"));
        assertNotNull(r.toString(), r.get("images"));
        List<?> files = (List<?>) api.call(s, "ListImages", Map.of("path", folder, "depth", 1)).get("files");
        Map<String, Object> meta = JSON.readValue((String) ((Map<?, ?>) files.get(0)).get("metadata"), new TypeReference<Map<String, Object>>() { });
        assertEquals("a cat <wildcard:nosuchcard>", params(meta).get("prompt"));
        assertFalse(extra(meta).containsKey("original_prompt"));
        assertFalse(extra(meta).containsKey("used_wildcards"));
    }
}
