#!/usr/bin/env python3
"""How long `ambit serve` takes from saving an action until the page with the new title is
served over HTTP.

Usage: serve_latency.py AMBIT CONTENT OUTPUT [--saves N] [--file REL]

Starts `AMBIT serve` on a free port, waits for the first build, then N times (default 5)
rewrites the title of one action file (REL, relative to CONTENT; default the first action of
the first place) and polls that action's page over HTTP until it carries the new title. Prints
every time and the median in milliseconds; the file is restored at the end.
"""
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        c.close()


def first_action(content):
    for place in sorted(os.listdir(content)):
        d = os.path.join(content, place, "actions")
        if os.path.isdir(d):
            names = sorted(n for n in os.listdir(d) if n.endswith(".md"))
            if names:
                return f"{place}/actions/{names[0]}"
    sys.exit("serve_latency: no action file in the content folder")


def main():
    args = sys.argv[1:]
    saves, rel = 5, None
    if "--saves" in args:
        i = args.index("--saves")
        saves = int(args[i + 1])
        del args[i : i + 2]
    if "--file" in args:
        i = args.index("--file")
        rel = args[i + 1]
        del args[i : i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    ambit, content, output = args
    rel = rel or first_action(content)
    place, _, name = rel.split("/")
    page = f"/{place}/actions/{name[:-3]}/"
    path = os.path.join(content, rel)
    original = open(path, encoding="utf-8").read()
    port = free_port()
    log = open(os.path.join(os.path.dirname(os.path.abspath(output)), "serve-latency.log"), "w")
    proc = subprocess.Popen(
        [ambit, "serve", "--content", content, "--output", output, "--port", str(port)],
        stdout=log,
        stderr=log,
    )
    times = []
    try:
        deadline = time.time() + 300
        while True:
            try:
                status, _ = get(port, page)
                if status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                sys.exit("serve_latency: the server did not come up")
            time.sleep(0.05)
        time.sleep(1.0)  # let the first build's writes settle
        for n in range(saves):
            marker = f"Uppdaterad titel {n} {os.getpid()}"
            text = re.sub(r"(?m)^title: .*$", f'title: "{marker}"', original, count=1)
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                _, body = get(port, page)
                if marker in body:
                    break
                if time.perf_counter() - t0 > 30:
                    sys.exit("serve_latency: the new title never appeared")
                time.sleep(0.001)
            ms = (time.perf_counter() - t0) * 1000
            times.append(ms)
            print(f"save {n + 1}: {ms:.0f} ms", flush=True)
            time.sleep(1.0)  # the rest of the rebuild (lists, index) finishes
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"median {statistics.median(times):.0f} ms over {len(times)} saves ({page})")


if __name__ == "__main__":
    main()
