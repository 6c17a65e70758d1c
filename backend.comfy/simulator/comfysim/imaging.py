"""Image helpers: real pixels through Pillow, PNG files with ComfyUI's tEXt chunks, previews as JPEG."""
import hashlib
import io
import json
import random

from PIL import Image, ImageOps, PngImagePlugin


def solid(width, height, color):
    return Image.new("RGB", (width, height), ((color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF))


def invert(img):
    if img.mode == "RGBA":
        r, g, b, a = img.split()
        rgb = ImageOps.invert(Image.merge("RGB", (r, g, b)))
        return Image.merge("RGBA", (*rgb.split(), a))
    return ImageOps.invert(img.convert("RGB") if img.mode != "RGB" else img)


def channels(img):
    return {"RGB": 3, "RGBA": 4, "L": 1}.get(img.mode, 3)


def fake_render(width, height, key):
    """A deterministic, colourful picture for a diffusion result: the same key gives the same pixels."""
    seed = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    rnd = random.Random(seed)
    c1 = tuple(rnd.randrange(256) for _ in range(3))
    c2 = tuple(rnd.randrange(256) for _ in range(3))
    small_w, small_h = max(1, width // 8), max(1, height // 8)
    small = Image.new("RGB", (small_w, small_h))
    px = small.load()
    for y in range(small_h):
        for x in range(small_w):
            t = (x + y) / max(1, small_w + small_h - 2)
            n = rnd.randrange(-24, 25)
            px[x, y] = tuple(max(0, min(255, int(a + (b - a) * t) + n)) for a, b in zip(c1, c2))
    return small.resize((width, height), Image.BILINEAR)


def noise(width, height, seed):
    rnd = random.Random(seed)
    return Image.frombytes("RGB", (width, height), bytes(rnd.randrange(256) for _ in range(width * height * 3)))


def blend(a, b, t):
    if a.size != b.size:
        b = b.resize(a.size, Image.BILINEAR)
    return Image.blend(a.convert("RGB"), b.convert("RGB"), max(0.0, min(1.0, t)))


def preview_jpeg(img, max_side=512):
    """ComfyUI's latent2rgb preview: the latent-size picture scaled up to max_side on its long side, as JPEG."""
    w, h = img.size
    scale = max_side / max(w, h)
    out = img.convert("RGB").resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.BILINEAR)
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=95)
    return buf.getvalue()


def png_bytes(img, prompt=None, extra_pnginfo=None, compress_level=4):
    info = None
    if prompt is not None or extra_pnginfo:
        info = PngImagePlugin.PngInfo()
        if prompt is not None:
            info.add_text("prompt", json.dumps(prompt))
        for key, value in (extra_pnginfo or {}).items():
            info.add_text(key, json.dumps(value))
    buf = io.BytesIO()
    img.save(buf, format="PNG", pnginfo=info, compress_level=compress_level)
    return buf.getvalue()


def load(path):
    img = Image.open(path)
    img.load()
    return img
