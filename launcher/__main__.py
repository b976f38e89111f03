"""Command line: `python -m launcher serve django --port 8000` or `python -m launcher run`.

Standard library only: `make serve` runs it on the Python the Makefile checked, with nothing
installed beside the served twin's own environment.
"""

import argparse
import json
import os
import secrets
import signal
import sys
import time
from pathlib import Path

from launcher.ports import LOOPBACK, PortInUse, ensure_port_free
from launcher.twins import SEED, TWINS, VAR, provision, serve, twin_env

RUN_PORTS = {"django": 8000, "flask": 5000}
LOCAL_HOSTS = {LOOPBACK, "localhost", "::1"}


def kept_secret_key(twin: str) -> str:
    """SECRET_KEY from the environment, else the twin's own, generated once and kept under var/.

    Each twin has its own key, so that nothing one signs (a session, a token) is valid on the other.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = VAR / f"secret_key.{twin}"
    if not path.exists():
        VAR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def refuse_busy_ports(host: str, ports: list[int], advice: str) -> None:
    """Exit with a message before anything starts when one of the ports is taken."""
    for port in ports:
        try:
            ensure_port_free(host, port)
        except PortInUse as error:
            sys.exit(f"Not started: {error}.\n{advice.format(port=port)}")


def wait_for_interrupt(running: list) -> int:
    """Keep the twins up until Ctrl-C or SIGTERM (0), or until one exits by itself (1); stop all."""
    try:
        while all(twin.process.poll() is None for twin in running):
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    finally:
        for twin in running:
            twin.stop()
    for twin in running:
        if twin.process.returncode is not None:
            print(f"{twin.name}: gunicorn exited ({twin.process.returncode})", file=sys.stderr)
    return 1


def exposure_notice(twin: str, host: str, env: dict[str, str]) -> str:
    """What binding beyond loopback means, said before the twin starts."""
    names = env.get("ALLOWED_HOSTS") or "127.0.0.1,localhost"
    return (
        f"{twin}: bound to {host or 'every interface'}, so other machines that can reach this "
        f"one can use the twin; it answers only for the host names in ALLOWED_HOSTS ({names})"
    )


def command_serve(args: argparse.Namespace) -> int:
    twin = TWINS[args.twin]
    refuse_busy_ports(
        args.host,
        [args.port],
        "Stop what listens there (`lsof -i :{port}` names it) or choose another port: "
        f"make serve TWIN={twin.name} PORT=<another port>",
    )
    env = twin_env(twin, SECRET_KEY=kept_secret_key(twin.name))
    if args.host not in LOCAL_HOSTS:
        print(exposure_notice(twin.name, args.host, env), flush=True)
    provision(twin, env, args.seed)
    print(f"{twin.name}: {env['DATABASE_URL']}", flush=True)
    running = serve(twin, env, args.port, host=args.host, workers=args.workers, foreground=True)
    if args.seed is not None:
        demo = json.loads(args.seed.read_text())["demo"]
        print(f"Demo login: {demo['email']} / {demo['password']}", flush=True)
    print(f"{twin.name} twin on {running.base_url}/ (Ctrl-C stops it)", flush=True)
    return wait_for_interrupt([running])


def command_run(args: argparse.Namespace) -> int:
    refuse_busy_ports(
        LOOPBACK,
        list(RUN_PORTS.values()),
        "make run serves Django on :8000 and Flask on :5000. Stop what listens on :{port} "
        "(`lsof -i :{port}` names it) or serve one twin elsewhere: make serve TWIN=flask PORT=5001",
    )
    if os.environ.get("SECRET_KEY"):
        sys.exit("make run gives each twin its own key under var/: unset SECRET_KEY.")
    running = []
    try:
        for name, port in RUN_PORTS.items():
            twin = TWINS[name]
            env = twin_env(twin, twin.default_database_url(), SECRET_KEY=kept_secret_key(name))
            provision(twin, env, SEED)
            log_path = VAR / f"{name}.log"
            running.append(serve(twin, env, port, workers=args.workers, log_path=log_path))
    except BaseException:  # the second twin failed or Ctrl-C came: stop the first as well
        for started in running:
            started.stop()
        raise
    demo = json.loads(SEED.read_text())["demo"]
    print("\nBoth twins are up (logs in var/django.log and var/flask.log):")
    for twin in running:
        print(f"  {twin.name:<7} {twin.base_url}/")
    print(f"Demo login: {demo['email']} / {demo['password']}\nCtrl-C stops both.", flush=True)
    return wait_for_interrupt(running)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m launcher", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="one twin in the foreground")
    serve_parser.add_argument("twin", choices=sorted(TWINS))
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.add_argument(
        "--host", default=LOOPBACK, help="address to bind (0.0.0.0: every interface)"
    )
    serve_parser.add_argument("--workers", type=int, default=2)
    serve_parser.add_argument(
        "--seed", type=Path, help="load this seed file if the database has no users yet"
    )
    serve_parser.set_defaults(handler=command_serve)
    run_parser = commands.add_parser("run", help="both twins with the demo data")
    run_parser.add_argument("--workers", type=int, default=2)
    run_parser.set_defaults(handler=command_run)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stops what was started, as Ctrl-C does
    sys.exit(args.handler(args))


if __name__ == "__main__":
    main()
