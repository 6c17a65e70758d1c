package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import apiary.core.api.route.ApiError;

/**
 * SwarmUI's special handling after a request's values are set: seeds locked to concrete values, the image size
 * from {@code rawresolution} or side length and aspect ratio, LoRA weights padded to the LoRA count.
 */
final class RequestFinisher {
    /** SwarmUI's aspect ratios at a 512 base: ratio to width and height. */
    private static final Map<String, int[]> ASPECT_SIZES = Map.ofEntries(
            Map.entry("1:1", new int[] {512, 512}), Map.entry("4:3", new int[] {576, 448}),
            Map.entry("3:2", new int[] {608, 416}), Map.entry("8:5", new int[] {608, 384}),
            Map.entry("16:9", new int[] {672, 384}), Map.entry("21:9", new int[] {768, 320}),
            Map.entry("3:4", new int[] {448, 576}), Map.entry("2:3", new int[] {416, 608}),
            Map.entry("5:8", new int[] {384, 608}), Map.entry("9:16", new int[] {384, 672}),
            Map.entry("9:21", new int[] {320, 768}));

    private RequestFinisher() {
    }

    static void finish(ParamTable table, Map<String, Object> values) {
        lockSeed(values, "seed", true);
        lockSeed(values, "variationseed", false);
        lockSeed(values, "wildcardseed", false);
        size(values);
        padLoraWeights(values, "loraweights");
        padLoraWeights(values, "loratencweights");
    }

    /** A seed that is -1 (or, for the main seed, missing) becomes a random value in [0, 2^31-1). */
    private static void lockSeed(Map<String, Object> values, String id, boolean whenMissing) {
        Object v = values.get(id);
        if ((v == null && whenMissing) || (v instanceof Long && (Long) v == -1L)) {
            values.put(id, (long) ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
        }
    }

    private static void size(Map<String, Object> values) {
        Object raw = values.get("rawresolution");
        if (raw instanceof String) {
            int[] wh = parseResolution((String) raw);
            values.put("width", (long) wh[0]);
            values.put("height", (long) wh[1]);
            return;
        }
        Object ratio = values.get("aspectratio");
        Object side = values.get("sidelength");
        if (ratio instanceof String && side instanceof Long && ASPECT_SIZES.containsKey(ratio)) {
            int[] base = ASPECT_SIZES.get(ratio);
            double scale = (Long) side / 512.0;
            values.put("width", round16(base[0] * scale));
            values.put("height", round16(base[1] * scale));
        }
        Object mult = values.get("altresolutionheightmultiplier");
        if (mult instanceof Double) {
            long width = values.get("width") instanceof Long ? (Long) values.get("width") : 512L;
            values.put("height", round16(width * (Double) mult));
        }
    }

    private static long round16(double v) {
        return Math.max(16, Math.round(v / 16.0) * 16);
    }

    static int[] parseResolution(String text) {
        int x = text.indexOf('x');
        int w;
        int h;
        try {
            w = Integer.parseInt(text.substring(0, Math.max(x, 0)).trim());
            h = Integer.parseInt(text.substring(x + 1).trim());
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ApiError("Invalid value for parameter Raw Resolution: Invalid resolution: '" + text
                    + "' (must be WIDTHxHEIGHT, for example 1024x768)");
        }
        if (w < 64 || h < 64 || w > 16384 || h > 16384) {
            throw new ApiError("Invalid value for parameter Raw Resolution: Invalid resolution: " + w + "x" + h
                    + " (must be between 64x64 and 16384x16384)");
        }
        return new int[] {w, h};
    }

    @SuppressWarnings("unchecked")
    private static void padLoraWeights(Map<String, Object> values, String id) {
        Object loras = values.get("loras");
        if (!(loras instanceof List)) {
            return;
        }
        int count = ((List<?>) loras).size();
        List<String> weights = values.get(id) instanceof List ? new ArrayList<>((List<String>) values.get(id)) : new ArrayList<>();
        if (weights.isEmpty() && !id.equals("loraweights")) {
            return;
        }
        while (weights.size() < count) {
            weights.add("1");
        }
        values.put(id, new ArrayList<>(weights.subList(0, count)));
    }
}
