#!/usr/bin/env python3
"""Time to alert, in event time, on a simulated case replayed by `lockstep stream`.

usage: time-to-alert.py SCENARIO.labels.json OUT/alerts.jsonl

Prints, for the hack-and-leak storm, the first campaign alert at or after the storm's first post and the
first coordination alert naming one of the storm's accounts, with their delay in minutes of event time.
"""
import datetime
import json
import sys

labels = json.load(open(sys.argv[1]))
alerts = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
storm = next(o for o in labels["operations"] if o["type"] == "hack_and_leak")
accounts = set(storm["seed_accounts"]) | set(storm["amplifier_accounts"]) | set(storm["relay_accounts"])
first = storm["first_post_ms"]


def ms(iso):
    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000


print("storm's first post", datetime.datetime.utcfromtimestamp(first / 1000).isoformat() + "Z")
for a in alerts:
    if a["type"] == "campaign" and ms(a["event_time"]) >= first:
        print("first campaign alert    ", a["event_time"], "%.1f min" % ((ms(a["event_time"]) - first) / 60000), a["entity"][:60])
        break
for a in alerts:
    if a["type"] == "coordination" and accounts & set(a["accounts"]):
        print("first coordination alert", a["event_time"], "%.1f min" % ((ms(a["event_time"]) - first) / 60000),
              len(a["accounts"]), "accounts,", len(accounts & set(a["accounts"])), "of the storm's")
        break
print("alerts by type:", {t: sum(1 for a in alerts if a["type"] == t) for t in ("coordination", "campaign", "domain")})
