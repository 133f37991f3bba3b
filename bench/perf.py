#!/usr/bin/env python3
"""Threshold benchmark driver: mints RS256 tokens, generates a realistic data set and loads it through
the API (contacts one by one, interactions through POST /interactions/batch), printing ingest rates.

Data shape: interactions per contact follow a power law (Zipf-like, a few contacts carry most of the
log), types and directions are mixed with realistic frequencies, and occurredAt spreads over several
years with more recent activity. Standard library only (plus the openssl CLI for signing).
"""
import base64
import http.client
import json
import random
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

SIZES = {"small": (1_000, 50_000), "large": (100_000, 10_000_000),
         # bench/ui.sh: as many contacts as "large", few interactions (loads in minutes, not a quarter hour)
         "ui100k": (100_000, 200_000)}
TYPES = [("VIEW", 25), ("LIKE", 30), ("COMMENT", 15), ("SHARE", 8), ("MESSAGE", 12), ("CALL", 5),
         ("MEETING", 4), ("FAVOR", 1)]
DIRECTIONS = [("INBOUND", 45), ("OUTBOUND", 35), ("MUTUAL", 20)]
CHANNELS = ["LINKEDIN", "EMAIL", "PHONE", "IN_PERSON", "X", "VIDEO"]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(private_key: str, issuer: str, subject: str) -> str:
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    now = int(time.time())
    payload = b64(json.dumps({"iss": issuer, "sub": subject, "iat": now, "exp": now + 86400}).encode())
    signing_input = f"{header}.{payload}".encode()
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key], input=signing_input,
                         capture_output=True, check=True).stdout
    return f"{header}.{payload}.{b64(sig)}"


class Client:
    def __init__(self, port, tok):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.headers = {"Authorization": "Bearer " + tok, "Content-Type": "application/json"}

    def post(self, path, body):
        self.conn.request("POST", path, body=json.dumps(body), headers=self.headers)
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"POST {path}: {resp.status} {data[:300]!r}")
        return json.loads(data)

    def get(self, path):
        self.conn.request("GET", path, headers=self.headers)
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"GET {path}: {resp.status} {data[:300]!r}")
        return json.loads(data)


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def parallel(n_threads, work_items, fn):
    lock = threading.Lock()
    items = list(work_items)
    results = []
    errors = []

    def worker():
        while True:
            with lock:
                if not items:
                    return
                item = items.pop()
            try:
                r = fn(item)
                with lock:
                    results.append(r)
            except Exception as e:  # noqa: BLE001 - reported below
                with lock:
                    errors.append(e)
                return

    threads = [threading.Thread(target=worker) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


def load(port, tok, size, out_file, threads=4, seed=7):
    n_contacts, n_interactions = SIZES[size]
    local = threading.local()

    def client():
        if not hasattr(local, "c"):
            local.c = Client(port, tok)
        return local.c

    # contacts
    started = time.time()
    chunks = [list(range(i, min(i + 500, n_contacts))) for i in range(0, n_contacts, 500)]

    def create_chunk(chunk):
        ids = []
        for i in chunk:
            ids.append(client().post("/api/v1/contacts", {
                "displayName": f"Contact {i:06d}", "company": f"Company {i % 997}",
                "emails": [f"contact{i}@example.test"], "tags": ["bench", f"group{i % 20}"]})["id"])
        return ids

    contact_ids = [cid for ids in parallel(threads, chunks, create_chunk) for cid in ids]
    elapsed = time.time() - started
    print(f"contacts: {len(contact_ids)} in {elapsed:.1f} s = {len(contact_ids) / elapsed:.0f} contacts/s", flush=True)

    ingest_batches(port, tok, contact_ids, n_interactions // 1000, threads, seed)
    actions = Client(port, tok).get("/api/v1/actions")["items"]
    with open(out_file, "w") as f:
        json.dump({"contacts": contact_ids, "actions": [a["id"] for a in actions]}, f)


def power_law(contact_ids, seed):
    """Cumulative shares of the log per contact: a power law over a shuffled ranking."""
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(contact_ids))]
    rng.shuffle(weights)
    total_w = sum(weights)
    cum = []
    acc = 0.0
    for w in weights:
        acc += w / total_w
        cum.append(acc)
    return cum


def make_batches(contact_ids, cum, first, n_batches, seed):
    """The request bodies, generated (and JSON-encoded) before the clock starts, so that the ingest rate
    measures the service, not this generator: interactions per contact follow a power law, occurredAt
    spreads over four years with more recent activity."""
    import bisect
    now = datetime.now(timezone.utc)
    years = 4 * 365 * 86400
    bodies = []
    for batch_no in range(first, first + n_batches):
        r = random.Random(seed * 1_000_003 + batch_no)
        items = []
        for _ in range(1000):
            cid = contact_ids[min(bisect.bisect_left(cum, r.random()), len(contact_ids) - 1)]
            age = int(years * (r.random() ** 2.5))  # more recent activity
            items.append({"contactId": cid, "type": weighted(r, TYPES), "direction": weighted(r, DIRECTIONS),
                          "channel": r.choice(CHANNELS),
                          "occurredAt": (now - timedelta(seconds=age)).strftime("%Y-%m-%dT%H:%M:%SZ")})
        bodies.append(json.dumps(items).encode())
    return bodies


def ingest_batches(port, tok, contact_ids, n_batches, threads, seed):
    """POST /interactions/batch with `threads` clients; prints the rate. Bodies are pre-generated in
    slices of 500 batches (0.5 M interactions), and only the sending is timed."""
    local = threading.local()
    headers = {"Authorization": "Bearer " + tok, "Content-Type": "application/json"}
    sent = [0]
    lock = threading.Lock()
    elapsed = 0.0

    def send(body):
        if not hasattr(local, "c"):
            local.c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        local.c.request("POST", "/api/v1/interactions/batch", body=body, headers=headers)
        resp = local.c.getresponse()
        data = resp.read()
        if resp.status != 201:
            raise RuntimeError(f"batch: {resp.status} {data[:300]!r}")
        with lock:
            sent[0] += 1

    cum = power_law(contact_ids, seed)
    for first in range(0, n_batches, 500):
        bodies = make_batches(contact_ids, cum, first, min(500, n_batches - first), seed)
        started = time.time()
        parallel(threads, bodies, send)
        elapsed += time.time() - started
        if n_batches > 500:
            print(f"  {sent[0] * 1000} interactions, {sent[0] * 1000 / elapsed:.0f}/s", flush=True)
    print(f"interactions: {n_batches * 1000} in {elapsed:.1f} s = {n_batches * 1000 / elapsed:.0f} interactions/s"
          f" (batch ingest, {threads} clients, bodies generated before timing)", flush=True)


def ingest(port, tok, ids_file, n_interactions, threads):
    with open(ids_file) as f:
        contact_ids = json.load(f)["contacts"]
    ingest_batches(port, tok, contact_ids, max(1, n_interactions // 1000), threads, seed=int(time.time()))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "token":
        print(token(sys.argv[2], sys.argv[3], sys.argv[4]))
    elif cmd == "load":
        load(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], threads=int(sys.argv[6]) if len(sys.argv) > 6 else 4)
    elif cmd == "ingest":
        ingest(int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), threads=int(sys.argv[6]) if len(sys.argv) > 6 else 4)
    else:
        sys.exit(f"unknown command {cmd}")
