#!/usr/bin/env python3
"""Summarises a collapsed-stack file (one "root;...;leaf COUNT" line per stack, as written by
async-profiler's `collapsed` output or by jfr_collapse.py).

usage: top_frames.py FILE.collapsed [--top N] [--max-total PCT]

Prints: self time grouped by the leaf frame's component (JDK I/O, Jetty, Jersey/HK2, BLAKE3, ...),
the top-N leaf frames, and the top-N frames by total (inclusive) share among Cairn, Jersey, Jetty,
BouncyCastle and NIO frames, leaving out the frames above --max-total (default 60%) that every
request passes through (the thread pool, Jetty's handler chain).
"""
import re
import sys
from collections import Counter

GROUPS = [  # first match on the leaf frame wins
    ("BLAKE3 (BouncyCastle)", r"org[./]bouncycastle"),
    ("MD5/SHA/CRC (JDK, intrinsics)", r"sun[./]security[./]provider|java[./]util[./]zip[./]CRC|Crc64|CrcCombine|Checksum|^md5_impl|^sha\d*_impl|^updateBytesCRC|^crc32"),
    ("array copies (JVM stubs)", r"arraycopy"),
    ("kernel / syscalls", r"_\[k\]|^(__|do_|sys_|entry_SYSCALL|tcp_|ip_|sock_|copy_user|copyin|copyout|memcpy|epoll|futex|write|read|pread|writev|send)"),
    ("JVM (GC, JIT, runtime)", r"::|^(G1|Parallel|JVM_|Compile|C2|C1|ZGC|Interpreter|Unsafe_|jni_|SafepointSynchronize|StubRoutines|OptoRuntime|SharedRuntime|ObjectMonitor|Monitor::|os::|pthread|__pthread|start_thread|clone|itable stub|vtable stub)"),
    ("socket/file I/O (JDK NIO)", r"sun[./]nio|java[./]nio"),
    ("Jetty", r"org[./]eclipse[./]jetty"),
    ("Jersey + HK2", r"org[./]glassfish|org[./]jvnet|jakarta[./]ws"),
    ("Micrometer", r"io[./]micrometer"),
    ("Caffeine", r"com[./]github[./]benmanes"),
    ("Cairn", r"dev[./]cairn"),
    ("XML", r"javax[./]xml|com[./]sun[./]org[./]apache[./]x|jdk[./]internal[./]org[./]xml"),
    ("JDK other (collections, strings, regex, time)", r"^(java|jdk|sun)[./]"),
]
INTERESTING = re.compile(r"^(dev[./]cairn|org[./]glassfish|org[./]eclipse[./]jetty|org[./]bouncycastle|sun[./]nio|java[./]nio)")


def load(path):
    stacks = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            frames, _, count = line.rpartition(" ")
            stacks.append((frames.split(";"), int(count)))
    return stacks


def group_of(frame):
    for name, pattern in GROUPS:
        if re.search(pattern, frame):
            return name
    return "other"


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25
    max_total = float(argv[argv.index("--max-total") + 1]) if "--max-total" in argv else 60.0
    stacks = load(argv[1])
    n = sum(c for _, c in stacks)
    if n == 0:
        print("no samples")
        return
    groups, selfs, totals = Counter(), Counter(), Counter()
    for frames, c in stacks:
        leaf = frames[-1]
        groups[group_of(leaf)] += c
        selfs[leaf] += c
        for f in set(frames):
            totals[f] += c
    print(f"{n} samples\n\nself time by component:")
    for k, v in groups.most_common():
        print(f"  {100.0 * v / n:5.1f}%  {k}")
    print(f"\ntop {top} self:")
    for k, v in selfs.most_common(top):
        print(f"  {100.0 * v / n:5.1f}%  {k}")
    print(f"\ntop {top} total (Cairn, Jersey, Jetty, BouncyCastle, NIO frames under {max_total:.0f}%):")
    shown = 0
    for k, v in totals.most_common():
        if INTERESTING.match(k) and 100.0 * v / n <= max_total:
            print(f"  {100.0 * v / n:5.1f}%  {k}")
            shown += 1
            if shown == top:
                break


if __name__ == "__main__":
    main(sys.argv)
