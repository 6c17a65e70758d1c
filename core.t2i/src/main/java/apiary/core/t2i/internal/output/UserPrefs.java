package apiary.core.t2i.internal.output;

import apiary.core.api.session.User;

/** The user settings outputs depend on, read with SwarmUI's defaults when a setting is missing. */
public final class UserPrefs {
    private UserPrefs() {
    }

    /** @return the value of a text setting, or the default */
    public static String text(User user, String path, String def) {
        Object v = read(user, path);
        return v == null ? def : String.valueOf(v);
    }

    /** @return the value of an integer setting, or the default */
    public static int integer(User user, String path, int def) {
        Object v = read(user, path);
        return v instanceof Number ? ((Number) v).intValue() : def;
    }

    /** @return the value of a boolean setting, or the default */
    public static boolean bool(User user, String path, boolean def) {
        Object v = read(user, path);
        return v instanceof Boolean ? (Boolean) v : def;
    }

    private static Object read(User user, String path) {
        try {
            return user.setting(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
