package apiary.core.api.permission;

/**
 * Ids of the core permissions (SwarmUI's {@code Permissions} class), for routes and checks in any bundle. Each
 * id is declared by the bundle that owns its area; this class only names them.
 */
public final class CorePermissions {
    private CorePermissions() {
    }

    // Special
    /** Open the local output folder. */
    public static final String LOCAL_IMAGE_FOLDER = "local_image_folder";
    /** Run the first-time installer. */
    public static final String INSTALL = "install";
    /** Write a message into the server log. */
    public static final String SERVER_DEBUG_MESSAGE = "server_debug_message";
    /** Act as a remote controller of the server. */
    public static final String AUTOMATED_CONTROL = "automated_control";

    // Admin
    /** Add, edit and delete roles. */
    public static final String CONFIGURE_ROLES = "configure_roles";
    /** Add, edit and delete users. */
    public static final String MANAGE_USERS = "manage_users";
    /** Interrupt other users' generations. */
    public static final String INTERRUPT_OTHERS = "interrupt_others";
    /** Shut the server down. */
    public static final String SHUTDOWN = "shutdown";
    /** Restart and update the server. */
    public static final String RESTART = "restart";
    /** Read server settings. */
    public static final String READ_SERVER_SETTINGS = "read_server_settings";
    /** Change server settings. */
    public static final String EDIT_SERVER_SETTINGS = "edit_server_settings";
    /** Read the server logs. */
    public static final String VIEW_LOGS = "view_logs";
    /** Read server status panels. */
    public static final String READ_SERVER_INFO_PANELS = "read_server_info_panels";
    /** Use admin debug routes. */
    public static final String ADMIN_DEBUG = "admin_debug";
    /** Install, update and remove extensions. */
    public static final String MANAGE_EXTENSIONS = "manage_extensions";
    /** Read the runtime view of every whiteboard (Apiary's own; not in SwarmUI). */
    public static final String VIEW_WHITEBOARDS = "view_whiteboards";
    /** View other users' outputs. */
    public static final String VIEW_OTHERS_OUTPUTS = "view_others_outputs";
    /** See the Server tab. */
    public static final String VIEW_SERVER_TAB = "view_server_tab";

    // Backends Admin
    /** List backends. */
    public static final String VIEW_BACKENDS_LIST = "view_backends_list";
    /** Add and remove backends. */
    public static final String ADD_REMOVE_BACKENDS = "add_remove_backends";
    /** Edit backends. */
    public static final String EDIT_BACKENDS = "edit_backends";
    /** Restart backends. */
    public static final String RESTART_BACKENDS = "restart_backends";
    /** Enable and disable backends. */
    public static final String TOGGLE_BACKENDS = "toggle_backends";

    // User
    /** Generate images. */
    public static final String BASIC_IMAGE_GENERATION = "basic_image_generation";
    /** Change one's own settings. */
    public static final String EDIT_USER_SETTINGS = "edit_user_settings";
    /** Read one's own settings. */
    public static final String READ_USER_SETTINGS = "read_user_settings";
    /** Edit parameter defaults and visibility. */
    public static final String EDIT_PARAMS = "edit_params";
    /** Manage one's presets. */
    public static final String MANAGE_PRESETS = "manage_presets";
    /** Basic model access (list, star). */
    public static final String FUNDAMENTAL_MODEL_ACCESS = "fundamental_model_access";
    /** Open the generate tab (needed to use the UI at all). */
    public static final String FUNDAMENTAL_GENERATE_TAB_ACCESS = "fundamental_generate_tab_access";
    /** The most basic calls (logout). */
    public static final String FUNDAMENTAL = "fundamental";
}
