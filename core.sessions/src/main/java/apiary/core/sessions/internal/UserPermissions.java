package apiary.core.sessions.internal;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/** SwarmUI's "User" permissions: the everyday features every account needs, all safe. */
@Component
public final class UserPermissions implements PermissionProvider {
    private static final List<String> USER_LEVEL = List.of("basic_image_generation", "basic_text_generation",
            "view_image_history", "user_delete_image", "user_star_images", "edit_user_settings", "edit_params",
            "manage_presets", "utilities_tab", "simple_tab", "user_tab");
    private static final List<String> GUEST_LEVEL = List.of("fundamental_model_access", "use_tokenizer",
            "fundamental_generate_tab_access", "read_user_settings", "fundamental");

    @Override
    public List<PermissionInfo> permissions() {
        List<PermissionInfo> out = new java.util.ArrayList<>();
        for (String id : USER_LEVEL) {
            out.add(declare(id, PermissionLevel.USER));
        }
        for (String id : GUEST_LEVEL) {
            out.add(declare(id, PermissionLevel.GUEST));
        }
        return out;
    }

    private static PermissionInfo declare(String id, PermissionLevel level) {
        String name = titleCase(id);
        return PermissionInfo.of(id, name, "Allows the user to use: " + name + ".", level, PermissionGroup.USER)
                .withSafety(SafetyLevel.SAFE);
    }

    /** {@code basic_image_generation} -> {@code Basic Image Generation}, as SwarmUI names them. */
    static String titleCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String word : id.split("_")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sb.toString();
    }
}
