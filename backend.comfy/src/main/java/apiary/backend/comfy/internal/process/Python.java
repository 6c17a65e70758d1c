package apiary.backend.comfy.internal.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which Python runs a ComfyUI start script, the way SwarmUI chooses: a virtual environment next to the script
 * ({@code venv/bin/python3}), or the embedded Python of a Windows portable install one folder up, else
 * {@code python3} from the PATH.
 */
public final class Python {
    private Python() {
    }

    /**
     * @param script the start script ({@code .../ComfyUI/main.py})
     * @return the interpreter command
     */
    public static String forScript(Path script) {
        Path dir = script.toAbsolutePath().getParent();
        for (Path candidate : List.of(dir.resolve("venv/bin/python3"), dir.resolve("venv/bin/python"),
                dir.resolve("../python_embeded/python.exe"), dir.resolve("venv/Scripts/python.exe"))) {
            if (Files.isExecutable(candidate)) {
                return candidate.normalize().toString();
            }
        }
        return "python3";
    }
}
