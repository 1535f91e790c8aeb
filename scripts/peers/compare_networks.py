#!/usr/bin/env python3
"""Compare two coordination networks as undirected edge sets (and their weights).

Each argument is one network, read by its form:
  *.csv with columns from,to,weight            CooRTweet's edge list (coortweet_run.R output)
  *.csv with columns account_a,account_b,weight Lockstep's edges.csv
  *.csv with columns source,target,weight       the toolkit's CSV export
  *.graphml                                      the toolkit's (directed) GraphML export
Directed edges (the toolkit's) are folded into undirected pairs; the pair's weight is the
larger of the two directions (the toolkit keeps a direction when ITS weight >= min_edge_weight).
Self-loops are ignored. Standard library only.

usage: compare_networks.py A B [--show N]
Prints accounts/edges/components of each, the shared and exclusive edges, weight mismatches,
and exits 0 when the edge sets are equal, 1 otherwise.
"""
import csv
import sys
import xml.etree.ElementTree as ET


def read(path):
    edges = {}
    if path.endswith(".graphml"):
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.parse(path).getroot()
        keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
        for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
            a, b = e.get("source"), e.get("target")
            w = None
            for d in e.findall("g:data", ns):
                if keys.get(d.get("key")) == "weight":
                    w = float(d.text)
            add(edges, a, b, w)
        return edges
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        cols = r.fieldnames or []
        for fa, fb in (("from", "to"), ("account_a", "account_b"), ("source", "target")):
            if fa in cols and fb in cols:
                break
        else:
            sys.exit(f"{path}: no from/to, account_a/account_b or source/target columns")
        for row in r:
            w = row.get("weight")
            add(edges, row[fa], row[fb], float(w) if w not in (None, "") else None)
    return edges


def add(edges, a, b, w):
    if a == b:
        return
    k = (a, b) if a < b else (b, a)
    old = edges.get(k)
    edges[k] = w if old is None or (w is not None and w > old) else old


def components(edges):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(x) for x in parent})


def describe(name, edges):
    nodes = {x for k in edges for x in k}
    return f"{name}: accounts={len(nodes)} edges={len(edges)} components={components(edges)}"


def main(argv):
    show = 10
    args = []
    i = 1
    while i < len(argv):
        if argv[i] == "--show":
            show = int(argv[i + 1]); i += 2
        else:
            args.append(argv[i]); i += 1
    if len(args) != 2:
        sys.exit("usage: compare_networks.py A B [--show N]")
    a, b = read(args[0]), read(args[1])
    print(describe("A " + args[0], a))
    print(describe("B " + args[1], b))
    both = a.keys() & b.keys()
    only_a = sorted(a.keys() - b.keys())
    only_b = sorted(b.keys() - a.keys())
    wdiff = sorted(k for k in both if a[k] is not None and b[k] is not None and a[k] != b[k])
    print(f"shared={len(both)} only_A={len(only_a)} only_B={len(only_b)} weight_mismatches={len(wdiff)}")
    for label, ks in (("only A", only_a), ("only B", only_b), ("weight A!=B", wdiff)):
        for k in ks[:show]:
            print(f"  {label}: {k[0]} {k[1]} A={a.get(k)} B={b.get(k)}")
    print("EQUAL edge sets" if not only_a and not only_b else "DIFFERENT edge sets")
    return 0 if not only_a and not only_b else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
