package apiary.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code ./apiary}: {@code --host}, {@code --port}, {@code --data-dir}, {@code --lock-settings},
 * {@code --help}.
 */
final class LaunchOptions {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: ./apiary [options]",
            "",
            "Starts the Apiary server (SwarmUI-compatible API on http://<host>:<port>/API/...).",
            "",
            "Options:",
            "  --host <address>    address to listen on (default 127.0.0.1; 0.0.0.0 for all interfaces)",
            "  --port <number>     port to listen on (default 7801; 0 picks a free port)",
            "  --data-dir <path>   data folder: database, settings, logs, installed extensions (default ./Data)",
            "  --lock-settings     refuse changes to backends (SwarmUI's --lock_settings; same as apiary.settings.locked=true)",
            "  --help              show this help and exit",
            "  --train-class-archive  start, answer a few API calls, stop (./apiary runs this once per build with",
            "                      -XX:ArchiveClassesAtExit to write the class-data archive that speeds up start-up)",
            "",
            "Settings can also be given in <data-dir>/apiary.properties or as -Dapiary.* system properties,",
            "e.g. apiary.db.type=postgresql with apiary.db.host, apiary.db.port, apiary.db.name, apiary.db.user,",
            "apiary.db.password to keep users, sessions and presets in PostgreSQL.");

    String host = "127.0.0.1";
    int port = 7801;
    Path dataDir = Path.of("Data");
    boolean help;
    boolean trainClassArchive;
    boolean lockSettings;

    /**
     * @throws IllegalArgumentException with a message for the user when the arguments are wrong
     */
    static LaunchOptions parse(List<String> args) {
        LaunchOptions o = new LaunchOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help":
                case "-h":
                    o.help = true;
                    break;
                case "--train-class-archive":
                    o.trainClassArchive = true;
                    break;
                case "--lock-settings":
                    o.lockSettings = true;
                    break;
                case "--host":
                    o.host = value != null ? value : next(args, ++i, arg);
                    break;
                case "--port":
                    String port = value != null ? value : next(args, ++i, arg);
                    try {
                        o.port = Integer.parseInt(port);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, got '" + port + "'");
                    }
                    if (o.port < 0 || o.port > 65535) {
                        throw new IllegalArgumentException("--port must be between 0 and 65535");
                    }
                    break;
                case "--data-dir":
                    o.dataDir = Path.of(value != null ? value : next(args, ++i, arg));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option '" + args.get(i) + "'");
            }
        }
        return o;
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
