"""The prompt queue and its worker thread: ComfyUI's execution order, classic cache, progress registry, message
order (behaviour §C.3 with the corrections D.4-D.9) and history entries."""
import heapq
import json
import os
import re
import threading
import time
import traceback

from . import imaging
from .nodes import NODES, Interrupted, now_ms

PREVIEW_IMAGE = 1
PREVIEW_IMAGE_WITH_METADATA = 4
MAX_HISTORY = 10000


class Options:
    def __init__(self, previews=True, step_seconds=0.05, load_seconds=0.2, encode_seconds=0.0, decode_seconds=0.0,
                 blur_seconds=0.5):
        self.previews = previews
        self.step_seconds = step_seconds
        self.load_seconds = load_seconds
        self.encode_seconds = encode_seconds
        self.decode_seconds = decode_seconds
        self.blur_seconds = blur_seconds


class NodeContext:
    """What a running node sees: sleeping that honours interrupts, progress with previews, file saving."""

    def __init__(self, run, node_id):
        self.run = run
        self.node_id = node_id
        self.env = run.queue.env
        self.options = run.queue.options

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.02))

    def check_interrupt(self):
        if self.run.queue.interrupt_flag:
            raise Interrupted()

    def progress(self, value, maximum, preview=None):
        self.run.progress_update(self.node_id, value, maximum, preview)

    def save_images(self, images, prefix, kind, compress_level=4):
        folder = self.env.dir_for(kind)
        subfolder, base = os.path.split(prefix.replace("\\", "/"))
        target = os.path.join(folder, subfolder)
        os.makedirs(target, exist_ok=True)
        pattern = re.compile(re.escape(base) + r"_(\d+)_")
        counter = 1 + max([int(m.group(1)) for f in os.listdir(target) for m in [pattern.match(f)] if m] or [0])
        results = []
        extra = self.run.extra_data.get("extra_pnginfo")
        for img in images:
            name = "%s_%05d_.png" % (base, counter)
            with open(os.path.join(target, name), "wb") as f:
                f.write(imaging.png_bytes(img, self.run.prompt, extra, compress_level))
            results.append({"filename": name, "subfolder": subfolder, "type": kind})
            counter += 1
        return results


class PromptRun:
    """One execution of one queue item."""

    def __init__(self, queue, item):
        self.queue = queue
        self.number, self.prompt_id, self.prompt, self.extra_data, self.outputs = item
        self.client_id = self.extra_data.get("client_id")
        self.states = {}
        self.messages = []
        self.ui_outputs = {}
        self.meta = {}
        self.executed = set()
        self.results = {}

    # ---- messages ----
    def send(self, event, data, broadcast=False):
        if self.client_id is not None or broadcast:
            self.queue.messenger.send(event, data, self.client_id)

    def add_message(self, event, data, broadcast=False):
        data = dict(data, timestamp=now_ms())
        self.messages.append([event, data])
        self.send(event, data, broadcast)

    def _state(self, node_id):
        return self.states.setdefault(node_id, {"value": 0, "max": 1, "state": "pending", "node_id": node_id,
                                                "prompt_id": self.prompt_id, "display_node_id": node_id,
                                                "parent_node_id": None, "real_node_id": node_id})

    def _send_states(self):
        nodes = {k: dict(v) for k, v in self.states.items() if v["state"] != "pending"}
        self.send("progress_state", {"prompt_id": self.prompt_id, "nodes": nodes}, broadcast=True)

    def progress_start(self, node_id):
        s = self._state(node_id)
        s.update(value=0.0, max=1.0, state="running")
        self._send_states()

    def progress_finish(self, node_id):
        s = self._state(node_id)
        s.update(value=s["max"], state="finished")
        self._send_states()

    def progress_update(self, node_id, value, maximum, preview):
        s = self._state(node_id)
        s.update(value=value, max=maximum, state="running")
        self._send_states()
        data = {"value": value, "max": maximum, "prompt_id": self.prompt_id, "node": node_id}
        negotiated = self.queue.messenger.supports_metadata(self.client_id)
        if preview is not None and negotiated:
            self._send_preview(node_id, preview, True)
            self.send("progress", data, broadcast=True)
        else:
            self.send("progress", data, broadcast=True)
            if preview is not None:
                self._send_preview(node_id, preview, False)

    def _send_preview(self, node_id, preview, with_metadata):
        kind, payload = preview
        mime = "image/jpeg" if kind == "JPEG" else "image/png"
        if with_metadata:
            meta = json.dumps({"node_id": node_id, "prompt_id": self.prompt_id, "display_node_id": node_id,
                               "parent_node_id": None, "real_node_id": node_id, "image_type": mime}).encode()
            body = len(meta).to_bytes(4, "big") + meta + payload
            self.queue.messenger.send_binary(PREVIEW_IMAGE_WITH_METADATA, body, self.client_id)
        else:
            fmt = 1 if kind == "JPEG" else 2
            self.queue.messenger.send_binary(PREVIEW_IMAGE, fmt.to_bytes(4, "big") + payload, self.client_id)

    # ---- execution ----
    def execute(self):
        cache = self.queue.cache
        signatures = {nid: self.queue.signature(self.prompt, nid, {}) for nid in self.prompt}
        for key in list(cache):
            if key not in signatures.values():
                del cache[key]
        self.add_message("execution_start", {"prompt_id": self.prompt_id})
        cached = [nid for nid in self.prompt if signatures[nid] in cache]
        self.add_message("execution_cached", {"nodes": cached, "prompt_id": self.prompt_id})
        order = ExecutionList(self.prompt, set(cached))
        for out in self.outputs:
            order.add_node(out)
        current = None
        try:
            while not order.done():
                current = order.pick()
                sig = signatures[current]
                if sig in cache:
                    outputs, ui = cache[sig]
                    self._emit_ui(current, ui)
                    self.progress_finish(current)
                else:
                    outputs, ui = self._run_node(current)
                    cache[sig] = (outputs, ui)
                    self.executed.add(current)
                    self._emit_ui(current, ui)
                    self.progress_finish(current)
                self.results[current] = outputs
                order.complete(current)
            self.add_message("execution_success", {"prompt_id": self.prompt_id})
            return "success"
        except Interrupted:
            self.add_message("execution_interrupted", {
                "prompt_id": self.prompt_id, "node_id": current, "node_type": self.prompt[current]["class_type"],
                "executed": list(self.executed)}, broadcast=True)
        except Exception as ex:
            self.add_message("execution_error", {
                "prompt_id": self.prompt_id, "node_id": current, "node_type": self.prompt[current]["class_type"],
                "executed": list(self.executed), "exception_message": str(ex), "exception_type": type(ex).__name__,
                "traceback": traceback.format_tb(ex.__traceback__), "current_inputs": self._formatted_inputs(current),
                "current_outputs": list(self.prompt)})
        self.ui_outputs, self.meta = {}, {}
        return "error"

    def _emit_ui(self, node_id, ui):
        if not ui:
            return
        self.ui_outputs[node_id] = ui
        self.meta[node_id] = {"node_id": node_id, "display_node": node_id, "parent_node": None, "real_node_id": node_id}
        self.send("executed", {"node": node_id, "display_node": node_id, "output": ui, "prompt_id": self.prompt_id})

    def _run_node(self, node_id):
        self.progress_start(node_id)
        self.send("executing", {"node": node_id, "display_node": node_id, "prompt_id": self.prompt_id})
        self.queue.last_node_id = node_id
        if self.queue.interrupt_flag:
            raise Interrupted()
        node = self.prompt[node_id]
        return NODES[node["class_type"]].fn(NodeContext(self, node_id), **self._inputs(node_id))

    def _inputs(self, node_id):
        node = self.prompt[node_id]
        info = NODES[node["class_type"]].info(self.queue.env)["input"]
        declared = dict(info.get("required", {}), **info.get("optional", {}))
        values = {}
        for name, value in node.get("inputs", {}).items():
            if name not in declared:
                continue
            if isinstance(value, list) and len(value) == 2 and value[0] in self.prompt:
                source = self.results.get(value[0])
                if source is None:
                    source = self.queue.cache[self.queue.signature(self.prompt, value[0], {})][0]
                value = source[value[1]]
            else:
                kind = declared[name][0]
                value = int(value) if kind == "INT" else float(value) if kind == "FLOAT" else value
            values[name] = value
        return values

    def _formatted_inputs(self, node_id):
        try:
            return {k: [v if isinstance(v, (int, float, str, bool)) or v is None else "tensor(%r)" % (v,)]
                    for k, v in self._inputs(node_id).items()}
        except Exception:
            return {}

    def history_entry(self, status):
        extra = {k: v for k, v in self.extra_data.items() if not k.startswith("comfy_org")}
        return {"prompt": [self.number, self.prompt_id, self.prompt, extra, self.outputs],
                "outputs": self.ui_outputs,
                "status": {"status_str": status, "completed": status == "success", "messages": self.messages},
                "meta": self.meta}


class ExecutionList:
    """ComfyUI's staging: depth-first with a stack, uncached ancestors only, ux-friendly pick of ready nodes."""

    def __init__(self, prompt, cached):
        self.prompt = prompt
        self.cached = cached
        self.pending = {}
        self.block_count = {}
        self.blocking = {}

    def add_node(self, root):
        stack, links = [root], []
        while stack:
            nid = stack.pop()
            if nid in self.pending:
                continue
            self.pending[nid] = True
            self.block_count[nid] = 0
            self.blocking[nid] = {}
            for value in self.prompt[nid].get("inputs", {}).values():
                if isinstance(value, list) and len(value) == 2 and value[0] in self.prompt:
                    if value[0] not in self.cached:
                        stack.append(value[0])
                        links.append((value[0], nid))
        for src, dst in links:
            if dst not in self.blocking[src]:
                self.blocking[src][dst] = True
                self.block_count[dst] += 1

    def _is_output(self, nid):
        return NODES[self.prompt[nid]["class_type"]].output_node

    def done(self):
        return not self.pending

    def pick(self):
        ready = [n for n in self.pending if self.block_count[n] == 0]
        for n in ready:
            if self._is_output(n):
                return n
        for n in ready:
            if any(self._is_output(b) for b in self.blocking[n]):
                return n
        for n in ready:
            if any(self._is_output(b2) for b in self.blocking[n] for b2 in self.blocking.get(b, {})):
                return n
        return ready[0]

    def complete(self, nid):
        del self.pending[nid]
        for dst in self.blocking[nid]:
            self.block_count[dst] -= 1


class PromptQueue:
    def __init__(self, env, options, messenger):
        self.env = env
        self.options = options
        self.messenger = messenger
        self.lock = threading.Condition()
        self.pending = []
        self.running = {}
        self.history = {}
        self.cache = {}
        self.counter = 0
        self.interrupt_flag = False
        self.current_run = None
        self.last_node_id = None
        self.flags = {}
        self._counter_seq = 0

    def next_number(self):
        with self.lock:
            n = self.counter
            self.counter += 1
            return n

    def queue_remaining(self):
        with self.lock:
            return len(self.pending) + len(self.running)

    def status_data(self):
        return {"status": {"exec_info": {"queue_remaining": self.queue_remaining()}}}

    def notify(self):
        # Counted and queued for sending under the queue's lock, as ComfyUI's queue_updated() runs under its mutex:
        # otherwise a fast worker can finish a prompt between the count and the send, and the broadcast says 0.
        with self.lock:
            self.messenger.send("status", self.status_data(), None)

    def put(self, item):
        with self.lock:
            self._counter_seq += 1
            heapq.heappush(self.pending, (item[0], self._counter_seq, item))
            self.lock.notify_all()
            self.notify()

    def get(self):
        with self.lock:
            # Flags first: ComfyUI's worker wakes on /free and applies it before it takes the next prompt; a prompt
            # queued in the same moment must not slip in ahead of the free (a race trace h_free lost under load).
            self._apply_flags()
            while not self.pending:
                self.lock.wait(0.5)
                self._apply_flags()
            _, _, item = heapq.heappop(self.pending)
            self.running[item[1]] = item
            self.notify()
        return item

    def delete_pending(self, prompt_id):
        with self.lock:
            before = len(self.pending)
            self.pending = [p for p in self.pending if p[2][1] != prompt_id]
            heapq.heapify(self.pending)
            removed = before != len(self.pending)
        if removed:
            # ComfyUI notifies twice here (trace g, behaviour D.9).
            self.notify()
            self.notify()

    def clear_pending(self):
        with self.lock:
            self.pending = []
        self.notify()

    def set_flag(self, name, value):
        with self.lock:
            self.flags[name] = value
            self.lock.notify_all()

    def _apply_flags(self):
        if self.flags.pop("free_memory", False):
            self.cache.clear()
            self.env.loaded_models.clear()
        if self.flags.pop("unload_models", False):
            self.env.loaded_models.clear()

    def interrupt(self, prompt_id=None):
        with self.lock:
            run = self.current_run
            if prompt_id is None or (run is not None and run.prompt_id == prompt_id):
                self.interrupt_flag = True

    def snapshot(self):
        with self.lock:
            return ([list(i) for i in self.running.values()], [list(p[2]) for p in sorted(self.pending)])

    def signature(self, prompt, nid, memo):
        if nid in memo:
            return memo[nid]
        node = prompt[nid]
        cls = NODES.get(node["class_type"])
        parts = [node["class_type"]]
        if cls is not None and cls.never_cached:
            parts.append(time.time_ns())
        for name in sorted(node.get("inputs", {})):
            value = node["inputs"][name]
            if isinstance(value, list) and len(value) == 2 and value[0] in prompt:
                parts.append([name, self.signature(prompt, value[0], memo), value[1]])
            else:
                parts.append([name, value])
        memo[nid] = json.dumps(parts, sort_keys=True, default=str)
        return memo[nid]

    def worker(self):
        while True:
            item = self.get()
            run = PromptRun(self, item)
            with self.lock:
                self.interrupt_flag = False
                self.current_run = run
            self.messenger.set_executing(run.client_id)
            status = run.execute()
            with self.lock:
                self.history[run.prompt_id] = run.history_entry(status)
                while len(self.history) > MAX_HISTORY:
                    self.history.pop(next(iter(self.history)))
                self.running.pop(run.prompt_id, None)
                self.current_run = None
                self._apply_flags()
                self.notify()
            self.messenger.set_executing(None)
            self.last_node_id = None
            run.send("executing", {"node": None, "prompt_id": run.prompt_id})
