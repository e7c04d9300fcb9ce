#!/usr/bin/env python3
"""Turns a JFR recording into collapsed stacks (flamegraph.pl / speedscope / Firefox Profiler
"collapsed" input); top_frames.py then summarises it.

usage: jfr_collapse.py REC.jfr OUT.collapsed [--threads REGEX] [--native]

Reads jdk.ExecutionSample (threads running Java code) and, with --native, also
jdk.NativeMethodSample (threads inside a native call, e.g. a blocking socket write) through
`jfr print`, so it needs only the JDK.
"""
import re
import subprocess
import sys
from collections import Counter

FRAME = re.compile(r"^\s+(\S.*?)(?:\s+line: \d+)?(?:\s+bci: \d+)?\s*$")


def samples(path, events, thread_filter):
    out = subprocess.run(["jfr", "print", "--events", ",".join(events), "--stack-depth", "256", path],
                         check=True, capture_output=True, text=True).stdout
    thread, stack, in_stack = None, [], False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("sampledThread = "):
            thread = s[len("sampledThread = "):]
        elif s.startswith("stackTrace = ["):
            stack, in_stack = [], True
        elif in_stack and s == "]":
            in_stack = False
        elif in_stack and s and s != "...":
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1).replace(";", ":"))
        elif s == "}" and stack:
            if thread_filter is None or re.search(thread_filter, thread or ""):
                yield list(reversed(stack))  # root first
            stack = []


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    rec, dest = argv[1], argv[2]
    threads = argv[argv.index("--threads") + 1] if "--threads" in argv else None
    events = ["jdk.ExecutionSample"] + (["jdk.NativeMethodSample"] if "--native" in argv else [])
    stacks = Counter()
    for st in samples(rec, events, threads):
        stacks[";".join(st)] += 1
    with open(dest, "w") as f:
        for k, v in stacks.most_common():
            f.write(f"{k} {v}\n")
    print(f"{sum(stacks.values())} samples -> {dest}; summary: top_frames.py {dest}")


if __name__ == "__main__":
    main(sys.argv)
