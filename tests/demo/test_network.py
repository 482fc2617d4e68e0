"""`make demo HOST=0.0.0.0`: the address the room's laptops reach, found without the internet."""

import ipaddress
import socket

import pytest

from demo import network
from demo.management.commands.serve_room import open_to_the_room, room_address


def test_the_route_to_a_private_address_is_asked_to_the_kernel_without_sending_anything():
    # A UDP "connection" only picks the local address: it works with no network reachable at all.
    address = network.route_address("127.0.0.1")
    assert address == "127.0.0.1"


def test_the_lan_address_is_an_ipv4_address_other_than_the_wildcard():
    address = ipaddress.ip_address(network.lan_address())
    assert address.version == 4 and not address.is_unspecified and not address.is_link_local


def test_the_lan_address_is_the_interface_the_kernel_routes_a_private_network_through(monkeypatch):
    monkeypatch.setattr(network, "route_address", lambda probe: {"10.255.255.255": None, "192.168.255.255": "192.168.1.20"}.get(probe))
    assert network.lan_address() == "192.168.1.20"


def test_a_loopback_route_is_not_the_lan_address(monkeypatch):
    monkeypatch.setattr(network, "route_address", lambda probe: "127.0.0.1")
    monkeypatch.setattr(socket, "gethostbyname_ex", lambda name: (name, [], ["127.0.1.1", "10.0.0.7"]))
    assert network.lan_address() == "10.0.0.7"


def test_with_no_network_at_all_the_machine_itself_is_said(monkeypatch):
    monkeypatch.setattr(network, "route_address", lambda probe: None)
    monkeypatch.setattr(socket, "gethostbyname_ex", lambda name: (_ for _ in ()).throw(OSError("no name")))
    assert network.lan_address() == "127.0.0.1"


@pytest.mark.parametrize(
    ("host", "expected"),
    [("127.0.0.1", "http://127.0.0.1:8000"), ("localhost", "http://localhost:8000"), ("0.0.0.0", "http://192.168.1.20:8000"), ("[::]", "http://192.168.1.20:8000")],
)
def test_the_base_url_names_the_lan_address_only_for_a_wildcard(monkeypatch, host, expected):
    monkeypatch.setattr(network, "lan_address", lambda: "192.168.1.20")
    assert network.base_url(host, 8000) == expected


@pytest.mark.parametrize(
    ("addrport", "room"),
    [("0.0.0.0:8000", ("0.0.0.0", "8000")), ("[::]:9000", ("[::]", "9000")), ("127.0.0.1:8000", None), ("8000", None), (None, None)],
)
def test_serve_room_opens_to_the_room_only_when_bound_to_every_interface(addrport, room):
    assert room_address(addrport) == room


def test_opening_to_the_room_allows_the_lan_address_and_makes_it_the_join_address(monkeypatch, settings):
    monkeypatch.setattr(network, "lan_address", lambda: "192.168.1.20")
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.JOIN_BASE_URL = ""
    assert open_to_the_room("0.0.0.0", "8000") == "http://192.168.1.20:8000"
    assert settings.ALLOWED_HOSTS == ["127.0.0.1", "localhost", "192.168.1.20"]
    assert settings.JOIN_BASE_URL == "http://192.168.1.20:8000"
    open_to_the_room("0.0.0.0", "8000")
    assert settings.ALLOWED_HOSTS.count("192.168.1.20") == 1
