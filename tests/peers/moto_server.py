"""moto server for authgate's integration tests (started by tests/api/moto.rs).

Serves Cognito user pools, Cognito Identity and STS on one free 127.0.0.1 port, prints
`MOTO_READY http://127.0.0.1:PORT` once it accepts connections, and exits when its stdin closes,
so it dies with the test binary even when that binary is killed.
"""

import os
import sys

# moto checks TOTP codes only when told to; the suite signs in with real RFC 6238 codes.
os.environ.setdefault("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")

from moto.server import ThreadedMotoServer  # noqa: E402

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
port = server._server.server_port  # port 0 asks the OS for a free one
print(f"MOTO_READY http://127.0.0.1:{port}", flush=True)
sys.stdin.read()
server.stop()
