"""Command line: `python -m launcher serve django --port 8000` or `python -m launcher run`."""

import argparse
import json
import os
import secrets
import signal
import sys
import time
from pathlib import Path

from launcher.twins import SEED, TWINS, VAR, provision, serve, twin_env

RUN_PORTS = {"django": 8000, "flask": 5000}


def kept_secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept under var/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = VAR / "secret_key"
    if not path.exists():
        VAR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def wait_for_interrupt(running: list) -> None:
    """Keep the twins up until Ctrl-C or SIGTERM, or until one of them exits, then stop all."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(twin.process.poll() is None for twin in running):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for twin in running:
            twin.stop()


def command_serve(args: argparse.Namespace) -> None:
    twin = TWINS[args.twin]
    env = twin_env(twin, SECRET_KEY=kept_secret_key())
    provision(twin, env, args.seed)
    print(f"{twin.name}: {env['DATABASE_URL']}", flush=True)
    running = serve(twin, env, args.port, workers=args.workers, foreground=True)
    print(f"{twin.name} twin on {running.base_url}/ (Ctrl-C stops it)", flush=True)
    wait_for_interrupt([running])


def command_run(args: argparse.Namespace) -> None:
    key = kept_secret_key()
    running = []
    for name, port in RUN_PORTS.items():
        twin = TWINS[name]
        env = twin_env(twin, twin.default_database_url(), SECRET_KEY=key)
        provision(twin, env, SEED)
        log_path = VAR / f"{name}.log"
        running.append(serve(twin, env, port, workers=args.workers, log_path=log_path))
    demo = json.loads(SEED.read_text())["demo"]
    print("\nBoth twins are up (logs in var/django.log and var/flask.log):")
    for twin in running:
        print(f"  {twin.name:<7} {twin.base_url}/")
    print(f"Demo login: {demo['email']} / {demo['password']}\nCtrl-C stops both.", flush=True)
    wait_for_interrupt(running)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m launcher", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="one twin in the foreground")
    serve_parser.add_argument("twin", choices=sorted(TWINS))
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.add_argument("--workers", type=int, default=2)
    serve_parser.add_argument(
        "--seed", type=Path, help="load this seed file if the database is empty"
    )
    serve_parser.set_defaults(handler=command_serve)
    run_parser = commands.add_parser("run", help="both twins with the demo data")
    run_parser.add_argument("--workers", type=int, default=2)
    run_parser.set_defaults(handler=command_run)
    args = parser.parse_args()
    args.handler(args)


if __name__ == "__main__":
    main()
