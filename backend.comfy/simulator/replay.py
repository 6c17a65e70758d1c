"""Replays the recorded ComfyUI 0.3.64 traces against the simulator and compares every answer: HTTP status,
content type and body, and per socket the exact sequence of WebSocket frames (text and binary). Values that differ
by nature (prompt ids, timestamps, random temp names, tracebacks, wall-clock dependent fields) are normalised.

    python3 replay.py --traces DIR [--only b,c]

Exits 0 when every trace matches; prints each difference otherwise."""
import argparse
import asyncio
import io
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

try:
    import aiohttp
    from PIL import Image
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

HERE = os.path.dirname(os.path.abspath(__file__))
# The order the traces were recorded in on one server process (numbers and cache state carry over); k ran alone.
SHARED_ORDER = ["b", "c", "d", "e", "f", "g", "i", "j", "h", "a"]
IGNORED_KEYS = {"timestamp", "traceback", "current_inputs", "python_version", "ram_free", "vram_free",
                "torch_vram_free", "ram_total", "vram_total", "torch_vram_total", "argv", "pytorch_version"}
# ComfyUI builds these from sets: their order is arbitrary.
UNORDERED = {"executed", "current_outputs"}
TEMP_NAME = re.compile(r"ComfyUI_temp_[a-z]{5}_")


class Mismatch(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def png(color, size=8):
    buf = io.BytesIO()
    Image.new("RGB", (size, size), color).save(buf, format="PNG")
    return buf.getvalue()


UPLOADS = {"8x8 red PNG": png((255, 0, 0)), "same bytes again": png((255, 0, 0)), "8x8 green PNG": png((0, 255, 0))}


class Normaliser:
    def __init__(self):
        self.ids = {}
        self.seen_temp = []
        self.recorded_temp = []

    def learn(self, recorded, actual):
        if isinstance(recorded, str) and isinstance(actual, str) and recorded != actual:
            self.ids[actual] = recorded

    def text(self, s):
        for actual, recorded in self.ids.items():
            s = s.replace(actual, recorded)
        return TEMP_NAME.sub("ComfyUI_temp_xxxxx_", s)

    def value(self, v):
        if isinstance(v, dict):
            return {self.text(k): ("<ignored>" if k in IGNORED_KEYS else sorted(self.value(x)) if k in UNORDERED
                                   else self.value(x)) for k, x in v.items()}
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, str):
            return self.text(v)
        return v


def unordered_executed(frame):
    data = frame.get("data", {}) if isinstance(frame, dict) else {}
    if isinstance(data, dict) and isinstance(data.get("executed"), list):
        data["executed"] = sorted(data["executed"])
    return frame


def describe_image(data):
    try:
        img = Image.open(io.BytesIO(data))
        return {"kind": img.format.lower(), "size": list(img.size)}
    except Exception:
        return {"kind": "unknown"}


def describe_binary(frame, norm):
    event = struct.unpack(">I", frame[:4])[0]
    out = {"event": event}
    if event == 4:
        n = struct.unpack(">I", frame[4:8])[0]
        out["json"] = norm.value(json.loads(frame[8:8 + n]))
        out["image"] = describe_image(frame[8 + n:])["kind"]
    elif event == 1:
        out["format"] = struct.unpack(">I", frame[4:8])[0]
        out["image"] = describe_image(frame[8:])["kind"]
    return out


def recorded_binary(b):
    out = {"event": b["event"]}
    if b["event"] == 4:
        out["json"] = b["json"]
        out["image"] = b.get("payload_image", {}).get("kind") or ("jpeg" if "jpeg" in b["json"].get("image_type", "") else "png")
    elif b["event"] == 1:
        out["format"] = b["format"]
        out["image"] = "jpeg" if b["format"] == 1 else "png"
    return out


def is_status(frame):
    return frame[0] == "text" and frame[1].get("type") == "status"


class Socket:
    def __init__(self, label, ws, norm):
        self.label = label
        self.ws = ws
        self.frames = []
        self.norm = norm
        self.task = asyncio.ensure_future(self._read())

    async def _read(self):
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.norm.seen_temp.extend(TEMP_NAME.findall(msg.data))
                self.frames.append(("text", json.loads(msg.data)))
            elif msg.type == aiohttp.WSMsgType.BINARY:
                self.frames.append(("binary", msg.data))


class Replay:
    def __init__(self, base, trace, session, errors):
        self.base = base
        self.trace = trace
        self.session = session
        self.errors = errors
        self.norm = Normaliser()
        self.sockets = {}
        self.expected = {}
        self.name = trace["scenario"]

    def fail(self, where, recorded, actual):
        self.errors.append("%s / %s:\n  recorded: %s\n  actual:   %s" % (
            self.name, where, json.dumps(recorded)[:1500], json.dumps(actual, default=str)[:1500]))

    async def run(self):
        events = self.trace["events"]
        for e in events:
            if e["kind"] == "ws_recv":
                self.expected.setdefault(e["ws"], []).append(e)
                if "text" in e:
                    self.norm.recorded_temp.extend(TEMP_NAME.findall(json.dumps(e["text"])))
        actions = sorted((e for e in events if e["kind"] in ("ws_open", "ws_send", "ws_closed", "http")),
                         key=lambda e: e["t"])
        for action in actions:
            await self.wait_for_frames(action["t"])
            await getattr(self, "do_" + action["kind"])(action)
        await self.wait_for_frames(float("inf"))
        await asyncio.sleep(0.3)
        for label, sock in self.sockets.items():
            self.compare_frames(label, sock)
            await sock.ws.close()

    async def wait_for_frames(self, t, timeout=30.0):
        deadline = time.monotonic() + timeout
        for label, frames in self.expected.items():
            want = len([f for f in frames if f["t"] < t])
            sock = self.sockets.get(label)
            while sock is not None and len(sock.frames) < want and time.monotonic() < deadline:
                await asyncio.sleep(0.01)

    async def do_ws_open(self, e):
        ws = await self.session.ws_connect(self.base + e["path"])
        self.sockets[e["ws"]] = Socket(e["ws"], ws, self.norm)

    async def do_ws_send(self, e):
        await self.sockets[e["ws"]].ws.send_str(json.dumps(e["text"]))

    async def do_ws_closed(self, e):
        sock = self.sockets.get(e["ws"])
        if sock is not None and not sock.ws.closed:
            await sock.ws.close()
            self.compare_frames(e["ws"], sock)

    async def do_http(self, e):
        req, rec = e["request"], e["response"]
        kwargs = {"headers": {k: v for k, v in (req.get("headers") or {}).items()}}
        if req.get("step", "").startswith("loopback Host with foreign Origin"):
            kwargs["headers"]["Origin"] = "http://evil.example"
        elif req.get("step", "").startswith("same-origin Origin"):
            kwargs["headers"]["Origin"] = self.base
        if "body" in req and req["body"] is not None:
            kwargs["data"] = self.norm_to_actual(json.dumps(req["body"]))
        elif "body_raw" in req:
            kwargs["data"] = req["body_raw"]
        elif "body_multipart" in req:
            form = aiohttp.FormData()
            for key, value in req["body_multipart"].items():
                if isinstance(value, dict):
                    form.add_field(key, UPLOADS.get(value.get("content"), png((255, 0, 0))), filename=value["filename"],
                                   content_type="image/png")
                else:
                    form.add_field(key, value)
            kwargs["data"] = form
        path = self.norm_to_actual(req["path"])
        async with self.session.request(req["method"], self.base + path, **kwargs) as resp:
            body = await resp.read()
            self.compare_http(req, rec, resp, body)

    def norm_to_actual(self, s):
        for actual, recorded in self.norm.ids.items():
            s = s.replace(recorded, actual)
        for recorded, actual in zip(self.norm.recorded_temp, self.norm.seen_temp):
            s = s.replace(recorded, actual)
        return s

    def compare_http(self, req, rec, resp, body):
        where = "%s %s [%s]" % (req["method"], req["path"], req.get("step"))
        if resp.status != rec["status"]:
            self.fail(where + " status", rec["status"], resp.status)
            return
        want_type = rec["headers"].get("Content-Type")
        if want_type and resp.headers.get("Content-Type") != want_type:
            self.fail(where + " content type", want_type, resp.headers.get("Content-Type"))
        for header in ("Content-Disposition",):
            if rec["headers"].get(header) and self.norm.text(resp.headers.get(header, "")) != TEMP_NAME.sub(
                    "ComfyUI_temp_xxxxx_", rec["headers"][header]):
                self.fail(where + " " + header, rec["headers"][header], resp.headers.get(header))
        if "body_json" in rec:
            actual = json.loads(body)
            if isinstance(actual, dict) and "prompt_id" in actual and req["path"].endswith("/prompt"):
                self.norm.learn(rec["body_json"].get("prompt_id"), actual["prompt_id"])
            self.compare_json(where, rec["body_json"], actual)
        elif "body_text" in rec:
            if body.decode() != rec["body_text"]:
                self.fail(where + " body", rec["body_text"], body.decode())
        elif "body_binary" in rec:
            want = rec["body_binary"].get("image", {})
            got = describe_image(body)
            if want.get("kind") != got["kind"] or ("width" in want and [want["width"], want["height"]] != got["size"]):
                self.fail(where + " image", want, got)
            if want.get("kind") == "png" and any(c.get("keyword") == "prompt" for c in want.get("chunks", [])):
                if b"tEXtprompt" not in body:
                    self.fail(where + " tEXt prompt chunk", "present", "missing")
        elif rec.get("body_len") == 0 and body:
            self.fail(where + " body", "", body[:200].decode(errors="replace"))

    def compare_json(self, where, recorded, actual):
        if isinstance(recorded, dict) and "_all_class_names" in recorded:
            # The full object_info was stored as a summary: compare the classes it kept.
            for name, info in recorded.items():
                if not name.startswith("_") and name not in ("LoadImage", "CheckpointLoaderSimple"):
                    self.compare_json(where + " " + name, info, actual.get(name))
            return
        if self.norm.value(recorded) != self.norm.value(actual):
            self.fail(where + " body", self.norm.value(recorded), self.norm.value(actual))

    def compare_frames(self, label, sock):
        expected = []
        for e in self.expected.get(label, []):
            if "text" in e:
                text = e["text"]
                if text.get("type") == "status" and "sid" in text.get("data", {}) and label == "ws_noid":
                    continue
                expected.append(("text", unordered_executed(self.norm.value(json.loads(json.dumps(text))))))
            else:
                expected.append(("binary", recorded_binary(e["binary"])))
        actual = []
        for kind, frame in sock.frames:
            if kind == "text":
                if frame.get("type") == "status" and "sid" in frame.get("data", {}) and label == "ws_noid":
                    continue
                actual.append(("text", unordered_executed(self.norm.value(frame))))
            else:
                actual.append(("binary", describe_binary(frame, self.norm)))
        expected = [(k, self.norm.value(v)) for k, v in expected]
        # Queue-status broadcasts come from HTTP handlers, racing the worker's frames in ComfyUI too: their own order
        # and the order of all other frames are compared, not how the two interleave.
        for part in (True, False):
            want_part = [f for f in expected if is_status(f) == part]
            got_part = [f for f in actual if is_status(f) == part]
            for n in range(max(len(want_part), len(got_part))):
                want = want_part[n] if n < len(want_part) else None
                got = got_part[n] if n < len(got_part) else None
                if want != got:
                    self.fail("socket %s %s frame %d" % (label, "status" if part else "prompt", n), want, got)
                    break


def start_simulator(workdir, port, env_extra, with_model):
    models = os.path.join(workdir, "models", "checkpoints")
    os.makedirs(models, exist_ok=True)
    meta = json.dumps({"__metadata__": {"modelspec.architecture": "stable-diffusion-v1",
                                        "modelspec.title": "Tiny SD15 (random)", "modelspec.resolution": "512x512"}})
    with open(os.path.join(models, "tiny-sd15.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(meta)) + meta.encode())
    config = os.path.join(workdir, "extra_model_paths.yaml")
    with open(config, "w") as f:
        if with_model:
            f.write("replay:\n    base_path: %s\n    checkpoints: models/checkpoints\n" % workdir)
    env = dict(os.environ, **env_extra)
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "main.py"), "--port", str(port),
                             "--preview-method", "latent2rgb", "--extra-model-paths-config", config,
                             "--output-directory", os.path.join(workdir, "output"),
                             "--input-directory", os.path.join(workdir, "input"),
                             "--temp-directory", workdir], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("simulator did not start")


async def replay_group(traces, names, errors, env_extra):
    workdir = tempfile.mkdtemp(prefix="comfysim-replay-")
    port = free_port()
    proc = start_simulator(workdir, port, env_extra, "k" in names)
    try:
        async with aiohttp.ClientSession() as session:
            for name in names:
                if name == "a":
                    await session.post("http://127.0.0.1:%d/history" % port, data=json.dumps({"clear": True}))
                before = len(errors)
                await Replay("http://127.0.0.1:%d" % port, traces[name], session, errors).run()
                print("%-24s %s" % (traces[name]["scenario"], "ok" if len(errors) == before else "MISMATCH"), flush=True)
                for e in errors[before:]:
                    print(e, flush=True)
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--traces", required=True)
    p.add_argument("--only", default="")
    args = p.parse_args()
    traces = {}
    for f in sorted(os.listdir(args.traces)):
        if f.endswith(".json"):
            with open(os.path.join(args.traces, f)) as fh:
                traces[f[0]] = json.load(fh)
    only = set(args.only.split(",")) if args.only else set(traces)
    errors = []
    fast = {"COMFYSIM_LOAD_SECONDS": "0.1", "COMFYSIM_STEP_SECONDS": "0.1", "COMFYSIM_BLUR_SECONDS": "0.3"}
    asyncio.run(replay_group(traces, [n for n in SHARED_ORDER if n in only], errors, fast))
    if "k" in only:
        asyncio.run(replay_group(traces, ["k"], errors, fast))
    print("%d traces replayed, %d differences" % (len(only), len(errors)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
