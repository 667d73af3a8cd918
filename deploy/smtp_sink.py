"""An SMTP sink on loopback for `make prod-local` and bench/resilience.py:
accepts every message and appends one JSON line per message (time,
Message-ID, recipients, subject) to the file given. Runs under
deploy/.venv-tools (aiosmtpd), never the portal's virtualenv."""

import argparse
import email
import json
import signal
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content)
        line = {
            "at": time.time(),
            "message_id": message.get("Message-ID"),
            "to": envelope.rcpt_tos,
            "subject": str(message.get("Subject", "")),
        }
        with self.lock, open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    controller = Controller(Sink(args.out), hostname="127.0.0.1", port=args.port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
