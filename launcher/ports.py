"""Ports and addresses: a free port for tests, a refusal when a wanted port is taken."""

import socket

LOOPBACK = "127.0.0.1"
WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}


class PortInUse(RuntimeError):
    """Something already listens on the port a twin was asked to serve on."""

    def __init__(self, host: str, port: int, reason: str):
        self.host, self.port = host, port
        super().__init__(f"port {port} on {host or 'every interface'} is already in use ({reason})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def ensure_port_free(host: str, port: int) -> None:
    """Raise PortInUse unless a server could bind host:port now (as gunicorn binds it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # gunicorn sets it too
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortInUse(host, port, error.strerror or str(error)) from None


def bind_address(host: str, port: int) -> str:
    """gunicorn's --bind for host and port (an IPv6 address in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def local_url(host: str, port: int) -> str:
    """The URL this machine reaches a server bound to host:port on (loopback for a wildcard)."""
    address = WILDCARDS.get(host, host)
    return f"http://[{address}]:{port}" if ":" in address else f"http://{address}:{port}"
