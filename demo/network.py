"""The address the room's laptops reach this machine at, for `make demo HOST=0.0.0.0`.

Found without the internet: connecting a UDP socket sends nothing, it only asks the kernel which
local address it would send from. Asked for a private address (RFC 1918), the kernel answers with
the address of the interface on the local network (Wi-Fi or Ethernet). With no such network (no
route, or only the loopback), the machine's host name is tried, then 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket

# Private addresses the kernel is asked a route to; nothing is ever sent to them.
PROBES = ("10.255.255.255", "192.168.255.255", "172.31.255.255")
WILDCARDS = {"0.0.0.0", "::", "[::]"}


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip.is_multicast)


def route_address(probe: str) -> str | None:
    """The local address the kernel would send from to reach `probe` (no packet leaves)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect((probe, 9))
        except OSError:
            return None
        return sock.getsockname()[0]


def lan_address() -> str:
    """This machine's IPv4 address on the local network, or 127.0.0.1 when it has none."""
    for probe in PROBES:
        address = route_address(probe)
        if address and _usable(address):
            return address
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if _usable(address):
                return address
    except OSError:
        pass
    return "127.0.0.1"


def reachable_host(host: str) -> str:
    """The host to give people for a server bound to `host`: the LAN address for a wildcard."""
    return lan_address() if host in WILDCARDS else host


def base_url(host: str, port: int | str) -> str:
    """http://<reachable host>:<port>, IPv6 literals bracketed."""
    reachable = reachable_host(host)
    if ":" in reachable and not reachable.startswith("["):
        reachable = f"[{reachable}]"
    return f"http://{reachable}:{port}"
