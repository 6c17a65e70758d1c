"""Where the simulated ComfyUI keeps its files: output/, input/, temp/ and model folders (own models/ plus the
folders named by --extra-model-paths-config, ComfyUI's YAML format)."""
import os

MODEL_EXTENSIONS = (".ckpt", ".pt", ".pt2", ".bin", ".pth", ".safetensors", ".pkl", ".sft", ".gguf")
FOLDER_TYPES = ["checkpoints", "configs", "loras", "vae", "text_encoders", "diffusion_models", "clip_vision",
                "style_models", "embeddings", "diffusers", "vae_approx", "controlnet", "gligen", "upscale_models",
                "custom_nodes", "hypernetworks", "photomaker", "classifiers", "model_patches", "audio_encoders"]
ALIASES = {"clip": "text_encoders", "unet": "diffusion_models"}


def parse_extra_model_paths(text):
    """The subset of YAML ComfyUI's extra_model_paths files use: sections of `key: value` or `key: |` blocks."""
    sections, section, key, block = {}, None, None, None
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        if block is not None and indent > block[0]:
            block[1].append(line)
            continue
        block = None
        if indent == 0 and line.endswith(":"):
            section = sections.setdefault(line[:-1].strip(), {})
            continue
        if section is None or ":" not in line:
            continue
        key, value = line.split(":", 1)
        key, value = key.strip(), value.strip()
        if value in ("|", ">"):
            lines = []
            section[key] = lines
            block = (indent, lines)
        else:
            section[key] = [value.strip("'\"")] if value else []
    return sections


class ModelFolders:
    def __init__(self, base_dir):
        self.folders = {t: [os.path.join(base_dir, "models", t)] for t in FOLDER_TYPES}

    def add_config(self, path):
        with open(path, encoding="utf-8") as f:
            sections = parse_extra_model_paths(f.read())
        for section in sections.values():
            base = "".join(section.pop("base_path", [""]))
            section.pop("is_default", None)
            for folder_type, paths in section.items():
                folder_type = ALIASES.get(folder_type, folder_type)
                for p in paths:
                    full = os.path.join(base, p) if base else p
                    self.folders.setdefault(folder_type, []).append(os.path.abspath(os.path.expanduser(full)))

    def list(self, folder_type):
        names = set()
        for root in self.folders.get(ALIASES.get(folder_type, folder_type), []):
            if not os.path.isdir(root):
                continue
            for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if name.lower().endswith(MODEL_EXTENSIONS):
                        names.add(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
        return sorted(names)

    def find(self, folder_type, name):
        for root in self.folders.get(ALIASES.get(folder_type, folder_type), []):
            full = os.path.join(root, name)
            if os.path.isfile(full):
                return full
        return None


class Env:
    def __init__(self, base_dir, output_dir=None, input_dir=None, temp_dir=None):
        self.output_dir = output_dir or os.path.join(base_dir, "output")
        self.input_dir = input_dir or os.path.join(base_dir, "input")
        self.temp_dir = temp_dir or os.path.join(base_dir, "temp")
        for d in (self.output_dir, self.input_dir, self.temp_dir):
            os.makedirs(d, exist_ok=True)
        self.models = ModelFolders(base_dir)
        self.loaded_models = set()

    def dir_for(self, kind):
        return {"output": self.output_dir, "input": self.input_dir, "temp": self.temp_dir}.get(kind)

    def input_files(self):
        return sorted(f for f in os.listdir(self.input_dir) if os.path.isfile(os.path.join(self.input_dir, f)))

    def input_path(self, name):
        return os.path.join(self.input_dir, *name.split("/"))

    def input_exists(self, name):
        full = os.path.abspath(self.input_path(name))
        return full.startswith(os.path.abspath(self.input_dir) + os.sep) and os.path.isfile(full)
