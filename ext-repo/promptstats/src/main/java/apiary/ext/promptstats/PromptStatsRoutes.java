package apiary.ext.promptstats;

import java.util.List;
import java.util.Map;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.ext.textkit.TextStats;

import org.osgi.service.component.annotations.Component;

/** One route and its permission; the counting itself lives in the textkit library bundle. */
@Component(service = {RouteProvider.class, PermissionProvider.class})
@RouteArea(value = "PromptStatsExtension", description = "Prompt statistics.")
public class PromptStatsRoutes implements RouteProvider, PermissionProvider {
    static final String USE = "promptstats_use";

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(PermissionInfo.of(USE, "Use Prompt Stats", "Measure prompts.", PermissionLevel.USER,
                new PermissionGroup("Prompt Stats", "The promptstats extension.")));
    }

    @Route(permission = USE, description = "Counts the words, characters and estimated tokens of a prompt.",
            returns = "\"words\": 3, \"characters\": 17, \"estimated_tokens\": 5")
    public Map<String, Object> PromptStats(@Param(description = "The prompt text.") String prompt) {
        TextStats stats = TextStats.of(prompt);
        return Map.of("words", stats.words(), "characters", stats.characters(), "estimated_tokens", stats.estimatedTokens());
    }
}
