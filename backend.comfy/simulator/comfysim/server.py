"""The HTTP and WebSocket API of ComfyUI 0.3.64 (behaviour §C.1-C.3), served by aiohttp like the real one."""
import asyncio
import hashlib
import io
import ipaddress
import json
import mimetypes
import os
import platform
import sys
import threading
import uuid
from urllib.parse import urlparse

from aiohttp import web

from . import validation
from .nodes import NODES

MAX_UPLOAD = 100 * 1024 * 1024


class Messenger:
    """ComfyUI's socket registry and its one ordered send loop (server.py's publish_loop)."""

    def __init__(self):
        self.loop = None
        self.queue = None
        self.sockets = {}
        self.metadata = {}
        self.executing_client = None

    def start(self, loop):
        self.loop = loop
        self.queue = asyncio.Queue()
        loop.create_task(self._publish())

    def send(self, event, data, sid):
        self.loop.call_soon_threadsafe(self.queue.put_nowait, ("json", {"type": event, "data": data}, sid))

    def send_binary(self, event, payload, sid):
        self.loop.call_soon_threadsafe(self.queue.put_nowait, ("bin", event.to_bytes(4, "big") + payload, sid))

    def supports_metadata(self, sid):
        return bool(self.metadata.get(sid, {}).get("feature_flags", {}).get("supports_preview_metadata"))

    def set_executing(self, sid):
        self.executing_client = sid

    async def _publish(self):
        while True:
            kind, message, sid = await self.queue.get()
            targets = list(self.sockets.values()) if sid is None else [self.sockets[sid]] if sid in self.sockets else []
            for ws in targets:
                try:
                    if kind == "json":
                        await ws.send_str(json.dumps(message))
                    else:
                        await ws.send_bytes(message)
                except Exception:
                    pass


def _loopback(host):
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@web.middleware
async def origin_only(request, handler):
    host, origin = request.headers.get("Host"), request.headers.get("Origin")
    if host and origin:
        host_name = urlparse("//" + host).hostname or ""
        if _loopback(host_name) and host.lower() != urlparse(origin).netloc.lower():
            return web.Response(status=403)
    return await handler(request)


class ComfyServer:
    def __init__(self, env, queue, messenger, argv):
        self.env = env
        self.queue = queue
        self.messenger = messenger
        self.argv = argv
        routes = web.RouteTableDef()
        self._routes(routes)
        self.app = web.Application(middlewares=[origin_only], client_max_size=MAX_UPLOAD)
        api = web.RouteTableDef()
        for r in routes:
            api.route(r.method, "/api" + r.path)(r.handler)
        self.app.add_routes(routes)
        self.app.add_routes(api)

    def _routes(self, routes):
        routes.get("/ws")(self.websocket)
        routes.get("/system_stats")(self.system_stats)
        routes.get("/features")(self.features)
        routes.get("/embeddings")(lambda r: web.json_response([os.path.splitext(n)[0] for n in self.env.models.list("embeddings")]))
        routes.get("/extensions")(lambda r: web.json_response([]))
        routes.get("/models")(lambda r: web.json_response(list(self.env.models.folders)))
        routes.get("/models/{folder}")(self.models)
        routes.get("/view_metadata/{folder}")(self.view_metadata)
        routes.get("/object_info")(lambda r: web.json_response({n: c.info(self.env) for n, c in NODES.items()}))
        routes.get("/object_info/{node_class}")(self.object_info_one)
        routes.get("/prompt")(lambda r: web.json_response({"exec_info": {"queue_remaining": self.queue.queue_remaining()}}))
        routes.post("/prompt")(self.post_prompt)
        routes.get("/queue")(self.get_queue)
        routes.post("/queue")(self.post_queue)
        routes.get("/history")(self.get_history)
        routes.get("/history/{prompt_id}")(self.get_history_one)
        routes.post("/history")(self.post_history)
        routes.post("/interrupt")(self.post_interrupt)
        routes.post("/free")(self.post_free)
        routes.get("/view")(self.view)
        routes.post("/upload/image")(self.upload_image)

    # ---- WebSocket ----
    async def websocket(self, request):
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        sid = request.rel_url.query.get("clientId") or uuid.uuid4().hex
        self.messenger.sockets[sid] = ws
        self.messenger.metadata[sid] = {"feature_flags": {}}
        first = True
        try:
            await ws.send_str(json.dumps({"type": "status", "data": dict(self.queue.status_data(), sid=sid)}))
            if self.messenger.executing_client == sid and self.queue.last_node_id is not None:
                await ws.send_str(json.dumps({"type": "executing", "data": {"node": self.queue.last_node_id}}))
            async for msg in ws:
                if msg.type != web.WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    data = None
                if first and isinstance(data, dict) and data.get("type") == "feature_flags":
                    self.messenger.metadata.setdefault(sid, {})["feature_flags"] = data.get("data") or {}
                    await ws.send_str(json.dumps({"type": "feature_flags", "data": self._features()}))
                first = False
        finally:
            # As ComfyUI: whichever socket of this client id closes, the registry entry goes (behaviour D.10).
            self.messenger.sockets.pop(sid, None)
            self.messenger.metadata.pop(sid, None)
        return ws

    # ---- info ----
    def _features(self):
        return {"supports_preview_metadata": True, "max_upload_size": MAX_UPLOAD}

    async def features(self, request):
        return web.json_response(self._features())

    async def system_stats(self, request):
        total, free = 25275990016, 22824632320
        return web.json_response({
            "system": {"os": os.name, "ram_total": total, "ram_free": free, "comfyui_version": "0.3.64",
                       "required_frontend_version": "1.27.10", "installed_templates_version": None,
                       "required_templates_version": "0.1.95", "python_version": sys.version,
                       "pytorch_version": "1.13.0a0", "embedded_python": False, "argv": self.argv},
            "devices": [{"name": "cpu", "type": "cpu", "index": None, "vram_total": total, "vram_free": free,
                         "torch_vram_total": total, "torch_vram_free": free}]})

    async def models(self, request):
        folder = request.match_info["folder"]
        if folder not in self.env.models.folders:
            return web.Response(status=404)
        return web.json_response(self.env.models.list(folder))

    async def view_metadata(self, request):
        filename = request.rel_url.query.get("filename")
        path = self.env.models.find(request.match_info["folder"], filename) if filename else None
        if not path or not filename.endswith(".safetensors"):
            return web.Response(status=404)
        try:
            with open(path, "rb") as f:
                length = int.from_bytes(f.read(8), "little")
                header = json.loads(f.read(length))
            return web.json_response(header.get("__metadata__", {}))
        except Exception:
            return web.Response(status=404)

    async def object_info_one(self, request):
        name = request.match_info["node_class"]
        return web.json_response({name: NODES[name].info(self.env)} if name in NODES else {})

    # ---- prompts and queue ----
    async def post_prompt(self, request):
        body = await request.json()
        number = self.queue.next_number()
        if "number" in body:
            number = float(body["number"])
        elif body.get("front"):
            number = -number
        if "prompt" not in body:
            error = {"type": "no_prompt", "message": "No prompt provided", "details": "No prompt provided", "extra_info": {}}
            return web.json_response({"error": error, "node_errors": {}}, status=400)
        prompt = body["prompt"]
        prompt_id = str(body.get("prompt_id") or uuid.uuid4())
        ok, error, outputs, node_errors = validation.validate_prompt(self.env, prompt)
        if not ok:
            return web.json_response({"error": error, "node_errors": node_errors}, status=400)
        extra = dict(body.get("extra_data") or {})
        if "client_id" in body:
            extra["client_id"] = body["client_id"]
        self.queue.put((number, prompt_id, prompt, extra, outputs))
        return web.json_response({"prompt_id": prompt_id, "number": number, "node_errors": node_errors})

    async def get_queue(self, request):
        running, pending = self.queue.snapshot()
        return web.json_response({"queue_running": running, "queue_pending": pending})

    async def post_queue(self, request):
        body = await request.json()
        if body.get("clear"):
            self.queue.clear_pending()
        for prompt_id in body.get("delete", []):
            self.queue.delete_pending(prompt_id)
        return web.Response(status=200)

    async def get_history(self, request):
        q = request.rel_url.query
        items = list(self.queue.history.items())
        offset = int(q.get("offset", 0))
        if "max_items" in q:
            items = items[offset:offset + int(q["max_items"])]
        else:
            items = items[offset:]
        return web.json_response(dict(items))

    async def get_history_one(self, request):
        pid = request.match_info["prompt_id"]
        entry = self.queue.history.get(pid)
        return web.json_response({pid: entry} if entry is not None else {})

    async def post_history(self, request):
        body = await request.json()
        if body.get("clear"):
            self.queue.history.clear()
        for pid in body.get("delete", []):
            self.queue.history.pop(pid, None)
        return web.Response(status=200)

    async def post_interrupt(self, request):
        try:
            body = await request.json()
        except Exception:
            body = {}
        pid = body.get("prompt_id") if isinstance(body, dict) else None
        self.queue.interrupt(pid)
        return web.Response(status=200)

    async def post_free(self, request):
        body = await request.json()
        if body.get("unload_models"):
            self.queue.set_flag("unload_models", True)
        if body.get("free_memory"):
            self.queue.set_flag("free_memory", True)
        return web.Response(status=200)

    # ---- files ----
    def _resolve(self, kind, subfolder, filename):
        base = self.env.dir_for(kind)
        if base is None:
            return None, 400
        folder = os.path.abspath(os.path.join(base, subfolder))
        if os.path.commonpath([folder, os.path.abspath(base)]) != os.path.abspath(base):
            return None, 403
        return os.path.join(folder, filename), 200

    async def view(self, request):
        q = request.rel_url.query
        filename = q.get("filename")
        if not filename:
            return web.Response(status=404)
        kind = q.get("type", "output")
        for tag in ("output", "input", "temp"):
            if filename.endswith(" [%s]" % tag):
                filename, kind = filename[:-len(tag) - 3], tag
        if filename.startswith("/") or ".." in filename:
            return web.Response(status=400)
        path, status = self._resolve(kind, q.get("subfolder", ""), filename)
        if path is None:
            return web.Response(status=status)
        if not os.path.isfile(path):
            return web.Response(status=404)
        headers = {"Content-Disposition": 'filename="%s"' % filename}
        preview, channel = q.get("preview"), q.get("channel")
        if not preview and not channel:
            return web.FileResponse(path, headers=headers)
        from PIL import Image
        img = Image.open(path)
        if channel == "a":
            alpha = img.getchannel("A") if "A" in img.getbands() else Image.new("L", img.size, 255)
            img = Image.merge("RGBA", (Image.new("L", img.size, 0),) * 3 + (alpha,))
        elif channel == "rgb":
            img = img.convert("RGB")
        buf = io.BytesIO()
        if preview:
            fmt, _, quality = preview.partition(";")
            fmt = "jpeg" if fmt not in ("webp", "jpeg") else fmt
            img.convert("RGB").save(buf, format=fmt.upper(), quality=int(quality or 90))
            ctype = "image/" + fmt
        else:
            img.save(buf, format="PNG")
            ctype = "image/png"
        return web.Response(body=buf.getvalue(), content_type=ctype, headers=headers)

    async def upload_image(self, request):
        post = await request.post()
        image = post.get("image")
        if image is None or not hasattr(image, "file"):
            return web.Response(status=400)
        kind = post.get("type", "input")
        subfolder = post.get("subfolder", "")
        overwrite = str(post.get("overwrite", "")).lower() in ("true", "1")
        filename = os.path.basename(image.filename or "")
        if not filename:
            return web.Response(status=400)
        path, status = self._resolve(kind, subfolder, filename)
        if path is None:
            return web.Response(status=status)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = image.file.read()
        if not overwrite and os.path.exists(path):
            base, ext = os.path.splitext(filename)
            n = 1
            while os.path.exists(path) and not _same(path, data):
                filename = "%s (%d)%s" % (base, n, ext)
                path = os.path.join(os.path.dirname(path), filename)
                n += 1
        with open(path, "wb") as f:
            f.write(data)
        return web.json_response({"name": filename, "subfolder": subfolder, "type": kind})


def _same(path, data):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).digest() == hashlib.sha256(data).digest()
