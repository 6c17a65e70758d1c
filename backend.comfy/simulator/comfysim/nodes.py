"""The node classes the simulator runs. Their object_info comes from a real ComfyUI 0.3.64 (object_info.json, taken
from the recorded traces) where it was recorded, else it is written here in the same shape; combo lists that depend
on files (checkpoints, LoRAs, VAEs, input images) are filled at request time."""
import copy
import json
import os
import random
import string
import time

from PIL import Image, ImageFilter

from . import imaging

_HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_HERE, "object_info.json"), encoding="utf-8") as f:
    _RECORDED = json.load(f)


def _legacy(name, display, category, required, output, output_name=None, optional=None, output_node=False,
            module="nodes", description=""):
    inputs = {"required": required}
    order = {"required": list(required)}
    if optional:
        inputs["optional"] = optional
        order["optional"] = list(optional)
    return {"input": inputs, "input_order": order, "output": output, "output_is_list": [False] * len(output),
            "output_name": output_name or list(output), "name": name, "display_name": display,
            "description": description, "python_module": module, "category": category, "output_node": output_node}


_WRITTEN = {
    "LoraLoader": _legacy("LoraLoader", "Load LoRA", "loaders", {
        "model": ["MODEL", {"tooltip": "The diffusion model the LoRA will be applied to."}],
        "clip": ["CLIP", {"tooltip": "The CLIP model the LoRA will be applied to."}],
        "lora_name": [[], {"tooltip": "The name of the LoRA."}],
        "strength_model": ["FLOAT", {"default": 1.0, "min": -100.0, "max": 100.0, "step": 0.01}],
        "strength_clip": ["FLOAT", {"default": 1.0, "min": -100.0, "max": 100.0, "step": 0.01}]},
        ["MODEL", "CLIP"]),
    "VAELoader": _legacy("VAELoader", "Load VAE", "loaders", {"vae_name": [[]]}, ["VAE"]),
    "VAEEncode": _legacy("VAEEncode", "VAE Encode", "latent", {"pixels": ["IMAGE"], "vae": ["VAE"]}, ["LATENT"]),
    "CLIPSetLastLayer": _legacy("CLIPSetLastLayer", "CLIP Set Last Layer", "conditioning", {
        "clip": ["CLIP"], "stop_at_clip_layer": ["INT", {"default": -1, "min": -24, "max": -1, "step": 1}]}, ["CLIP"]),
    "UpscaleModelLoader": _legacy("UpscaleModelLoader", "Load Upscale Model", "loaders", {"model_name": [[]]},
                                  ["UPSCALE_MODEL"], module="comfy_extras.nodes_upscale_model"),
}

# object_info input name -> model folder type whose files fill the combo
MODEL_COMBOS = {("CheckpointLoaderSimple", "ckpt_name"): "checkpoints", ("LoraLoader", "lora_name"): "loras",
                ("VAELoader", "vae_name"): "vae", ("UpscaleModelLoader", "model_name"): "upscale_models"}


class Interrupted(Exception):
    """Raised at a node start or sampler step after /interrupt hit the running prompt."""


class Node:
    def __init__(self, name, fn, output_node=False, never_cached=False, validate=None):
        self.name = name
        self.fn = fn
        self.output_node = output_node
        self.never_cached = never_cached
        self.validate = validate

    def info(self, env):
        base = copy.deepcopy(_RECORDED["classes"].get(self.name) or _WRITTEN[self.name])
        for (cls, inp), folder in MODEL_COMBOS.items():
            if cls == self.name:
                base["input"]["required"][inp][0] = env.models.list(folder)
        if self.name == "LoadImage":
            base["input"]["required"]["image"][0] = env.input_files()
        return base

    def return_types(self, env):
        return self.info(env)["output"]


# ---- node functions: fn(ctx, **inputs) -> (outputs tuple, ui dict or None) ----

def empty_image(ctx, width, height, batch_size, color):
    return ([imaging.solid(width, height, color) for _ in range(batch_size)],), None


def image_invert(ctx, image):
    return ([imaging.invert(i) for i in image],), None


def image_scale(ctx, image, upscale_method, width, height, crop):
    return ([i.resize((width or i.width, height or i.height), Image.BILINEAR) for i in image],), None


def image_blur(ctx, image, blur_radius, sigma):
    # A real Gaussian blur; the simulated cost grows with the pixel count and radius like ComfyUI's on a CPU.
    cost = ctx.options.blur_seconds * (image[0].width * image[0].height / (384 * 384)) * (blur_radius / 15.0)
    ctx.sleep(cost)
    return ([i.filter(ImageFilter.GaussianBlur(radius=max(0.1, sigma))) for i in image],), None


def image_batch(ctx, image1, image2):
    c1, c2 = imaging.channels(image1[0]), imaging.channels(image2[0])
    if c1 != c2:
        raise RuntimeError("Sizes of tensors must match except in dimension 0. Expected size %d but got size %d "
                           "for tensor number 1 in the list.\n" % (c1, c2))
    size = image1[0].size
    return (image1 + [i.resize(size, Image.BILINEAR) for i in image2],), None


def solid_mask(ctx, value, width, height):
    return ([Image.new("L", (width, height), int(max(0.0, min(1.0, value)) * 255))],), None


def join_image_with_alpha(ctx, image, alpha):
    out = []
    for n, img in enumerate(image):
        mask = alpha[min(n, len(alpha) - 1)].resize(img.size)
        a = Image.eval(mask, lambda v: 255 - v)
        out.append(Image.merge("RGBA", (*img.convert("RGB").split(), a)))
    return (out,), None


def image_quantize(ctx, image, colors, dither):
    return ([i.convert("RGB").quantize(colors).convert("RGB") for i in image],), None


def primitive_int(ctx, value):
    return (value,), None


def string_concatenate(ctx, string_a, string_b, delimiter=""):
    return (string_a + delimiter + string_b,), None


def save_image(ctx, images, filename_prefix="ComfyUI"):
    results = ctx.save_images(images, filename_prefix, "output")
    return (), {"images": results}


def preview_image(ctx, images):
    prefix = "ComfyUI_temp_" + "".join(random.choice(string.ascii_lowercase) for _ in range(5))
    results = ctx.save_images(images, prefix, "temp", compress_level=1)
    return (), {"images": results}


def save_image_websocket(ctx, images):
    for n, img in enumerate(images):
        ctx.progress(n, len(images), ("PNG", imaging.png_bytes(img, compress_level=1)))
    return (), None


def load_image(ctx, image):
    img = imaging.load(ctx.env.input_path(image))
    mask = Image.new("L", img.size, 0)
    if img.mode == "RGBA":
        mask = Image.eval(img.split()[3], lambda v: 255 - v)
    return ([img.convert("RGB")], [mask]), None


def validate_load_image(env, inputs):
    image = inputs.get("image")
    if not isinstance(image, str) or not env.input_exists(image):
        return "Invalid image file: {}".format(image)
    return True


def checkpoint_loader(ctx, ckpt_name):
    if ckpt_name not in ctx.env.loaded_models:
        ctx.sleep(ctx.options.load_seconds)
        ctx.env.loaded_models.add(ckpt_name)
    model = {"ckpt": ckpt_name, "loras": []}
    return (model, {"ckpt": ckpt_name, "loras": [], "stop": -1}, {"vae": ckpt_name}), None


def lora_loader(ctx, model, clip, lora_name, strength_model, strength_clip):
    m = dict(model, loras=model["loras"] + [(lora_name, strength_model)])
    c = dict(clip, loras=clip["loras"] + [(lora_name, strength_clip)])
    return (m, c), None


def vae_loader(ctx, vae_name):
    return ({"vae": vae_name},), None


def clip_set_last_layer(ctx, clip, stop_at_clip_layer):
    return (dict(clip, stop=stop_at_clip_layer),), None


def clip_text_encode(ctx, text, clip):
    ctx.sleep(ctx.options.encode_seconds)
    return ({"text": text, "clip": clip},), None


def empty_latent(ctx, width, height, batch_size=1):
    return ({"width": width, "height": height, "batch": batch_size, "init": None},), None


def vae_encode(ctx, pixels, vae):
    return ({"width": pixels[0].width, "height": pixels[0].height, "batch": len(pixels), "init": pixels},), None


def _sample(ctx, model, seed, steps, positive, negative, latent, first_step, last_step, denoise=1.0):
    w, h = latent["width"], latent["height"]
    key = json.dumps([model["ckpt"], model["loras"], positive["text"], positive["clip"].get("stop"), seed])
    targets = []
    for n in range(latent["batch"]):
        target = imaging.fake_render(w, h, key + ":" + str(n))
        if latent.get("init"):
            target = imaging.blend(latent["init"][min(n, len(latent["init"]) - 1)], target, denoise)
        targets.append(target)
    start = imaging.noise(max(1, w // 8), max(1, h // 8), seed & 0xFFFFFFFF)
    total = max(0, last_step - first_step)
    for step in range(1, total + 1):
        ctx.sleep(ctx.options.step_seconds)
        ctx.check_interrupt()
        small = imaging.blend(start, targets[0].resize(start.size), step / total)
        preview = ("JPEG", imaging.preview_jpeg(small)) if ctx.options.previews else None
        ctx.progress(step, total, preview)
    return ({"width": w, "height": h, "batch": latent["batch"], "images": targets},), None


def ksampler(ctx, model, seed, steps, cfg, sampler_name, scheduler, positive, negative, latent_image, denoise=1.0):
    return _sample(ctx, model, seed, steps, positive, negative, latent_image, 0, steps, denoise)


def ksampler_advanced(ctx, model, add_noise, noise_seed, steps, cfg, sampler_name, scheduler, positive, negative,
                      latent_image, start_at_step, end_at_step, return_with_leftover_noise):
    last = min(steps, end_at_step)
    denoise = 1.0 if steps == 0 else (steps - start_at_step) / steps
    return _sample(ctx, model, noise_seed, steps, positive, negative, latent_image, start_at_step, last, denoise)


def vae_decode(ctx, samples, vae):
    images = samples.get("images")
    if images is None:
        images = [imaging.noise(samples["width"], samples["height"], 7)] * samples["batch"]
    ctx.sleep(ctx.options.decode_seconds)
    return (list(images),), None


NODES = {n.name: n for n in [
    Node("EmptyImage", empty_image), Node("ImageInvert", image_invert), Node("ImageScale", image_scale),
    Node("ImageBlur", image_blur), Node("ImageBatch", image_batch), Node("SolidMask", solid_mask),
    Node("JoinImageWithAlpha", join_image_with_alpha), Node("ImageQuantize", image_quantize),
    Node("PrimitiveInt", primitive_int), Node("StringConcatenate", string_concatenate),
    Node("SaveImage", save_image, output_node=True), Node("PreviewImage", preview_image, output_node=True),
    Node("SaveImageWebsocket", save_image_websocket, output_node=True, never_cached=True),
    Node("LoadImage", load_image, validate=validate_load_image),
    Node("CheckpointLoaderSimple", checkpoint_loader), Node("LoraLoader", lora_loader),
    Node("VAELoader", vae_loader), Node("CLIPSetLastLayer", clip_set_last_layer),
    Node("CLIPTextEncode", clip_text_encode), Node("EmptyLatentImage", empty_latent), Node("VAEEncode", vae_encode),
    Node("KSampler", ksampler), Node("KSamplerAdvanced", ksampler_advanced), Node("VAEDecode", vae_decode),
    Node("UpscaleModelLoader", lambda ctx, model_name: (({"upscaler": model_name},), None)),
]}


def now_ms():
    return int(time.time() * 1000)
