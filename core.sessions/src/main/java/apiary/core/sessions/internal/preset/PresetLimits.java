package apiary.core.sessions.internal.preset;

import java.util.Optional;

import apiary.core.api.json.Json;

/**
 * How much a user may keep in presets: {@value #MAX_PRESETS} presets, {@value #MAX_PRESET_CHARS} characters in one
 * (title, description, preview and parameters), {@value #MAX_TOTAL_CHARS} in all. SwarmUI had no limit, so that ten
 * 19 MB presets and a few parallel GetMyUserData calls exhausted the server's memory; with these a user's data stays
 * small enough to list, and a refusal says which limit was reached.
 */
final class PresetLimits {
    static final int MAX_PRESETS = 1000;
    static final int MAX_PRESET_CHARS = 256 * 1024;
    static final long MAX_TOTAL_CHARS = 16L * 1024 * 1024;
    static final String TOO_MANY = "You have too many presets (at most " + MAX_PRESETS + "). Delete some first.";

    private final PresetStore store;
    private final Json json;

    PresetLimits(PresetStore store, Json json) {
        this.store = store;
        this.json = json;
    }

    /**
     * @param replaced the preset this one replaces (an edit), whose size is given back
     * @return the {@code preset_fail} text when the preset may not be stored
     */
    Optional<String> check(String userId, Preset preset, Optional<Preset> replaced) {
        long size = size(preset);
        if (size > MAX_PRESET_CHARS) {
            return Optional.of("That preset is too large (" + size / 1024 + " KiB; at most " + MAX_PRESET_CHARS / 1024
                    + " KiB of title, description, preview and parameters).");
        }
        long[] usage = store.usage(userId);
        long count = usage[0] - (replaced.isPresent() ? 1 : 0);
        long total = usage[1] - replaced.map(this::size).orElse(0L);
        if (count + 1 > MAX_PRESETS) {
            return Optional.of(TOO_MANY);
        }
        if (total + size > MAX_TOTAL_CHARS) {
            return Optional.of("Your presets would take more than " + (MAX_TOTAL_CHARS >> 20) + " MiB. Delete some first.");
        }
        return Optional.empty();
    }

    private long size(Preset p) {
        return (long) p.title().length() + p.description().length() + p.previewImage().length() + json.write(p.paramMap()).length();
    }
}
