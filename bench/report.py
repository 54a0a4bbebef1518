#!/usr/bin/env python3
"""The table of scripts/bench-peers.sh: medians over rounds per target, and authgate's ratio to
oidc-provider (and to the bare axum ceiling) for each row.

Usage: python3 bench/report.py RECORDS.jsonl   (the JSON lines bench-peers.sh wrote)
"""
import json
import statistics
import sys

# `-base`: an earlier build in the same run (BASE_BIN), for before/after ratios.
AUTHGATE = ["disk-base", "disk", "tmpfs-base", "tmpfs", "postgres"]
TARGETS = AUTHGATE + ["oidc-provider", "bare"]
# (label, alg, scenario); rates, higher is better.
RATES = [
    ("refresh RS256 /s", "RS256", "refresh"),
    ("refresh ES256 /s", "ES256", "refresh"),
    ("SSO login RS256 /s", "RS256", "sso"),
    ("SSO login ES256 /s", "ES256", "sso"),
    ("discovery /s", "RS256", "discovery"),
    ("JWKS /s", "RS256", "jwks"),
]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    records = load(sys.argv[1])
    present = [t for t in TARGETS if any(r["target"] == t for r in records)]
    rows = []
    errors = 0
    for label, alg, scenario in RATES:
        values = {}
        for t in present:
            rates = []
            for r in records:
                if r["target"] != t or r["alg"] != alg or not r.get("driver"):
                    continue
                for s in r["driver"]["results"]:
                    if s["scenario"] == scenario:
                        rates.append(s["rate_per_s"])
                        errors += s["err"]
            if rates:
                values[t] = (statistics.median(rates), min(rates), max(rates))
        rows.append((label, values, True))

    def per_start(label, key, scale, pick):
        values = {}
        for t in present:
            xs = [r[key] / scale for r in records if r["target"] == t]
            if xs:
                values[t] = (pick(xs), min(xs), max(xs))
        rows.append((label, values, False))

    per_start("RSS idle MiB (median)", "rss_idle_kib", 1024, statistics.median)
    per_start("RSS after load MiB (max)", "rss_after_kib", 1024, max)
    per_start("start to ready ms (median)", "ready_ms", 1, statistics.median)
    per_start("-wal file MiB (max)", "wal_max_bytes", 1 << 20, max)

    ag = [t for t in AUTHGATE if t in present]
    header = ["row"] + present + [f"{t}/op" for t in ag if "oidc-provider" in present]
    header += [f"{t}/bare" for t in ag if "bare" in present]
    changed = [t for t in ["disk", "tmpfs"] if t in present and f"{t}-base" in present]
    header += [f"{t}/{t}-base" for t in changed]
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, values, higher_better in rows:
        cells = [label]
        for t in present:
            if t in values:
                med, lo, hi = values[t]
                cells.append(f"{med:,.1f}" + (f" ({lo:,.0f}–{hi:,.0f})" if lo != hi else ""))
            else:
                cells.append("—")
        for base in ["oidc-provider", "bare"]:
            if base not in present:
                continue
            for t in ag:
                if t in values and base in values and values[base][0] and values[t][0]:
                    cells.append(f"{values[t][0] / values[base][0]:.2f}")
                else:
                    cells.append("—")
        for t in changed:
            base = values.get(f"{t}-base")
            if t in values and base and base[0] and values[t][0]:
                cells.append(f"{values[t][0] / base[0]:.2f}")
            else:
                cells.append("—")
        print("| " + " | ".join(cells) + " |")
    print()
    print("Rates: median of the rounds (min–max). Ratios are authgate ÷ peer: above 1 is better for")
    print("the rate rows, below 1 is better for RSS and start-up. Driver errors in all runs:", errors)


if __name__ == "__main__":
    main()
