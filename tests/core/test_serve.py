"""`catalogue serve` and `catalogue demo` answer real HTTP requests from a live server."""

from __future__ import annotations

import threading
import urllib.request

from flask import Flask, current_app

from catalogue.cli import make_server


def test_the_served_app_answers_over_http(app: Flask) -> None:
    with app.app_context():
        server = make_server(current_app, "127.0.0.1", 0)  # as the CLI calls it
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for path, status in (("/", 200), ("/login", 200), ("/healthz", 200)):
            with urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}") as response:
                assert response.status == status, path
                assert response.headers["X-Content-Type-Options"] == "nosniff"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
