#!/usr/bin/env python3
"""One table per dataset from the outputs scripts/validation/run.sh left in DATASET_DIR.

usage: table.py DATASET_DIR [...]

Per tool: accounts (with at least one edge), edges (undirected pairs, self-loops ignored), how
many of those edges CooRTweet's network has too (same account pair, weights not compared),
groups (Lockstep's Leiden groups; the peers have none), components (connected components of the
edges), purity and CPU / wall seconds (user+sys of the whole process tree, from /usr/bin/time).
Purity, when DATASET_DIR/labels.csv gives account_category: the share of flagged accounts whose
category is the majority category of their component (ties: the account counts as pure when its
category is among the tied), and for Lockstep also of its group. Standard library only.
"""
import collections
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

TOOLS = [("coortweet", "CooRTweet"), ("toolkit", "toolkit co_retweet"), ("lockstep_compat", "Lockstep compat"),
         ("lockstep_defaults", "Lockstep defaults")]


def edges_of(d, tool):
    p = os.path.join(d, tool)
    out = set()
    if tool == "coortweet" and os.path.exists(p + "_edges.csv"):
        with open(p + "_edges.csv", newline="") as f:
            for r in csv.DictReader(f):
                out.add(frozenset((r["from"], r["to"])))
    elif tool == "toolkit" and os.path.exists(p + ".graphml"):
        root = ET.parse(p + ".graphml").getroot()
        for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
            out.add(frozenset((e.get("source"), e.get("target"))))
    elif os.path.exists(os.path.join(p, "edges.csv")):
        with open(os.path.join(p, "edges.csv"), newline="") as f:
            for r in csv.DictReader(f):
                out.add(frozenset((r["account_a"], r["account_b"])))
    else:
        return None
    return {e for e in out if len(e) == 2}


def components(edges):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        a, b = tuple(e)
        parent[find(a)] = find(b)
    return {n: find(n) for n in parent}


def purity(member_of, labels):
    if not labels or not member_of:
        return None
    by = collections.defaultdict(collections.Counter)
    for a, g in member_of.items():
        by[g][labels.get(a, "?")] += 1
    pure = 0
    for a, g in member_of.items():
        c = by[g]
        if c[labels.get(a, "?")] == max(c.values()):
            pure += 1
    return pure / len(member_of)


def lockstep_groups(d, tool):
    p = os.path.join(d, tool, "accounts.csv")
    if not os.path.exists(p):
        return None
    with open(p, newline="") as f:
        return {r["account_id"]: r["group"] for r in csv.DictReader(f) if r.get("group", "") not in ("", "-1")}


def times(d, tool):
    """(cpu, wall) summed over the tool's timed processes, or None."""
    cpu = wall = 0.0
    found = False
    for name in sorted(os.listdir(d)):
        if name.startswith(tool) and name.endswith(".time"):
            with open(os.path.join(d, name)) as f:
                line = f.read().split()
            if len(line) >= 3:
                wall += float(line[0])
                cpu += float(line[1]) + float(line[2])
                found = True
    return (cpu, wall) if found else None


def fmt(x, spec):
    return "–" if x is None else format(x, spec)


def table(d):
    labels = {}
    lp = os.path.join(d, "labels.csv")
    if os.path.exists(lp):
        with open(lp, newline="") as f:
            labels = {r["account_id"]: r["account_category"] for r in csv.DictReader(f)}
    stats = {}
    sp = os.path.join(d, "stats.json")
    if os.path.exists(sp):
        with open(sp) as f:
            stats = json.load(f)
    print("### " + os.path.basename(os.path.normpath(d)))
    if stats:
        print("rows %d, retweet rows %d (%.1f %%; none names its original), peer input rows %d, accounts %d"
              % (stats["rows"], stats["retweet_rows"], 100.0 * stats["retweet_rows"] / max(1, stats["rows"]),
                 stats["peer_rows"], stats["accounts"]))
    print()
    print("| tool | accounts | edges | edges also CooRTweet's | groups | components | purity (components) | purity (groups) | CPU s | wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ct = edges_of(d, "coortweet")
    for tool, name in TOOLS:
        e = edges_of(d, tool)
        t = times(d, tool)
        if e is None and t is None:
            continue
        comp = components(e or set())
        groups = lockstep_groups(d, tool) if tool.startswith("lockstep") else None
        ng = len(set(groups.values())) if groups is not None else None
        print("| %s | %d | %d | %s | %s | %d | %s | %s | %s | %s |" % (
            name, len(comp), len(e or ()), "–" if ct is None or e is None else str(len(e & ct)), fmt(ng, "d"),
            len(set(comp.values())),
            fmt(purity(comp, labels), ".3f") if labels else "–",
            fmt(purity(groups, labels), ".3f") if labels and groups else "–",
            fmt(t[0] if t else None, ".2f"), fmt(t[1] if t else None, ".2f")))
    print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    for d in sys.argv[1:]:
        table(d)
