"""bench/side_by_side/flask_sqlite_peer.py - the equally durable peer of the
side-by-side benchmark: a small Flask app that takes a Jira webhook body,
reads the issue key and the new assignee from its changelog and stores them in
SQLite with synchronous=FULL, so every 200 follows its own fsync (the
durability the host promises under --durability durable).

    python3 flask_sqlite_peer.py DB_PATH PORT

Prints "listening on http://127.0.0.1:PORT" once serving (Werkzeug's threaded
server, one thread per connection).
"""
import json
import sqlite3
import sys
import threading

from flask import Flask, request

app = Flask(__name__)
connections = threading.local()


def database():
    if not hasattr(connections, "db"):
        db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        connections.db = db
    return connections.db


@app.post("/webhook")
def webhook():
    body = json.loads(request.get_data())
    key = body.get("issue", {}).get("key", "")
    assignee = None
    for item in body.get("changelog", {}).get("items", []):
        if item.get("field") == "assignee":
            assignee = item.get("to")
    if assignee is not None:
        db = database()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO assignees(issue, assignee) VALUES (?, ?) "
                   "ON CONFLICT(issue) DO UPDATE SET assignee = excluded.assignee", (key, assignee))
        db.execute("COMMIT")
    return {}, 200


if __name__ == "__main__":
    setup = sqlite3.connect(sys.argv[1])
    setup.execute("CREATE TABLE IF NOT EXISTS assignees(issue TEXT PRIMARY KEY, assignee TEXT)")
    setup.close()
    import logging
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    print(f"listening on http://127.0.0.1:{sys.argv[2]}", flush=True)
    app.run(host="127.0.0.1", port=int(sys.argv[2]), threaded=True)
