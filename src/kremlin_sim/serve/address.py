"""Where the server listens and what address the students type.

Plain sockets only. Finding the machine's class-network address never sends a
packet: `connect` on a UDP socket only asks the kernel which interface would
be used, and the routing table answers.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from dataclasses import dataclass
from typing import Callable

ALL_INTERFACES = ("0.0.0.0", "::", "")
# Any private address will do: it only selects the interface that faces the class network.
ROUTE_PROBE = ("10.255.255.255", 9)


@dataclass(frozen=True)
class Listening:
    host: str
    port: int

    @property
    def everywhere(self) -> bool:
        return self.host in ALL_INTERFACES

    @property
    def local_only(self) -> bool:
        return is_loopback(self.host)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _route_address() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(ROUTE_PROBE)  # UDP: no packet leaves the machine
        return probe.getsockname()[0]


def _hostname_address() -> str:
    return socket.gethostbyname(socket.gethostname())


def lan_address(finders: tuple[Callable[[], str], ...] = (_route_address, _hostname_address)) -> str | None:
    """This machine's address on the class network, or None when it has none but loopback."""
    for find in finders:
        try:
            address = find()
        except OSError:
            continue
        if address and not is_loopback(address) and address not in ALL_INTERFACES:
            return address
    return None


def student_url(listening: Listening, find_lan: Callable[[], str | None] = lan_address) -> str | None:
    """The address to write on the board; None when listening everywhere but no network was found."""
    if listening.everywhere:
        address = find_lan()
        return url(address, listening.port) if address else None
    return url(listening.host, listening.port)


def bind_problem(host: str, port: int) -> str | None:
    """Why the server could not listen there, in one line; None when it can.

    Tried before anything is printed, so a port in use is one clear line,
    not a half-started server.
    """
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return f"--host {host}: not an address or name this machine knows"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as trial:
        trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
        try:
            trial.bind(address)
        except OSError as exc:
            return describe_bind_error(exc, host, port)
    return None


def describe_bind_error(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} is already in use on {host}: stop the other server or choose another with --port"
    if exc.errno == errno.EACCES:
        return f"port {port}: not allowed for this user (ports below 1024 need an administrator); try --port 8000"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"--host {host}: not an address of this machine"
    return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
