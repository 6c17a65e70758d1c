"""A ComfyUI 0.3.64 simulator for Apiary's tests and benchmarks, started exactly like ComfyUI (`python main.py
--port N ...`). It speaks ComfyUI's HTTP and WebSocket protocol as recorded in the traces, renders real PNG/JPEG
bytes with Pillow, and needs only Debian's python3-aiohttp and python3-pil.

Timings (seconds, environment variables, because ComfyUI's own command line is kept as it is):
COMFYSIM_STEP_SECONDS (per sampler step, 0.05), COMFYSIM_LOAD_SECONDS (checkpoint load, 0.2),
COMFYSIM_BLUR_SECONDS (ImageBlur of 384x384 at radius 15, 0.5)."""
import argparse
import os
import sys

_SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import aiohttp  # noqa: F401
    import PIL  # noqa: F401
except ImportError:
    # A pyenv or venv python without Debian's packages: run again with the system interpreter that has them.
    if os.path.realpath(sys.executable) != os.path.realpath(_SYSTEM_PYTHON) and os.path.exists(_SYSTEM_PYTHON):
        os.execv(_SYSTEM_PYTHON, [_SYSTEM_PYTHON] + sys.argv)
    raise


def parse_args(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--listen", type=str, default="127.0.0.1", nargs="?", const="0.0.0.0,::")
    p.add_argument("--port", type=int, default=8188)
    p.add_argument("--extra-model-paths-config", type=str, default=None, nargs="+", action="append")
    p.add_argument("--preview-method", type=str, default="none")
    p.add_argument("--output-directory", type=str, default=None)
    p.add_argument("--input-directory", type=str, default=None)
    p.add_argument("--temp-directory", type=str, default=None)
    args, _unknown = p.parse_known_args(argv)
    return args


def main():
    from aiohttp import web
    import asyncio
    import threading

    from comfysim.env import Env
    from comfysim.executor import Options, PromptQueue
    from comfysim.server import ComfyServer, Messenger

    args = parse_args(sys.argv[1:])
    base = os.path.dirname(os.path.abspath(__file__))
    env = Env(base, args.output_directory, args.input_directory,
              os.path.join(args.temp_directory, "temp") if args.temp_directory else None)
    for group in args.extra_model_paths_config or []:
        for path in group:
            print("Adding extra search path from", path, flush=True)
            env.models.add_config(path)
    options = Options(previews=args.preview_method not in ("none", ""),
                      step_seconds=float(os.environ.get("COMFYSIM_STEP_SECONDS", "0.05")),
                      load_seconds=float(os.environ.get("COMFYSIM_LOAD_SECONDS", "0.2")),
                      blur_seconds=float(os.environ.get("COMFYSIM_BLUR_SECONDS", "0.5")))
    messenger = Messenger()
    queue = PromptQueue(env, options, messenger)
    server = ComfyServer(env, queue, messenger, ["main.py"] + sys.argv[1:])

    async def start(app):
        messenger.start(asyncio.get_running_loop())
        threading.Thread(target=queue.worker, name="prompt_worker", daemon=True).start()
        host = args.listen.split(",")[0]
        print("Starting server\n", flush=True)
        print("To see the GUI go to: http://%s:%d" % (host, args.port), flush=True)

    server.app.on_startup.append(start)
    print("ComfyUI simulator (protocol of ComfyUI 0.3.64)", flush=True)
    print("Preview method:", args.preview_method, flush=True)
    # ComfyUI names the device it renders on; the simulator renders on the CPU and shows the GPU it was given.
    print("Device: cpu (CUDA_VISIBLE_DEVICES=%s)" % os.environ.get("CUDA_VISIBLE_DEVICES", ""), flush=True)
    web.run_app(server.app, host=args.listen.split(",")[0], port=args.port, print=None, access_log=None,
                handle_signals=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
