"""`make demo` serves a room: the development server, with a connection queue for 100 laptops."""

import socket

from django.core.management import get_commands, load_command_class
from django.core.servers.basehttp import WSGIServer

from demo.management.commands.serve_room import RoomWSGIServer


def test_serve_room_is_runserver_with_a_long_connection_queue():
    command = load_command_class(get_commands()["serve_room"], "serve_room")
    assert command.server_cls is RoomWSGIServer
    assert issubclass(RoomWSGIServer, WSGIServer)
    assert RoomWSGIServer.request_queue_size >= 100 > WSGIServer.request_queue_size


def test_the_room_server_holds_100_connections_waiting_to_be_accepted():
    """While its threads are busy, 100 laptops' connections wait in the queue instead of being dropped."""
    # The server listens but accepts nothing until every client is connected.
    server = RoomWSGIServer(("127.0.0.1", 0), None, ipv6=False)
    clients = []
    try:
        for _ in range(100):
            clients.append(socket.create_connection(server.server_address, timeout=1))
        accepted = [server.socket.accept()[0] for _ in range(100)]
        assert len(accepted) == 100
        for sock in accepted:
            sock.close()
    finally:
        for sock in clients:
            sock.close()
        server.server_close()
