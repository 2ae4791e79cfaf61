"""Is confidence calibrated? The share of predictions that match a gold event, per confidence bin.

A prediction paired with a required gold event is right, one left unpaired is wrong (a false
positive); one paired with an optional gold event is neither and is left out. Calibrated means
the share right rises with the bin (and, ideally, sits near the bin's value).
"""

from __future__ import annotations

from typing import Any

BINS = 10


def calibration(outcomes: list[tuple[float, bool]]) -> dict[str, Any]:
    """`outcomes`: (confidence, right) per scored prediction."""
    counts = [[0, 0] for _ in range(BINS)]
    for confidence, right in outcomes:
        b = min(int(max(confidence, 0.0) * BINS), BINS - 1)
        counts[b][0] += 1
        counts[b][1] += right
    rows = [
        {
            "from": b / BINS,
            "to": (b + 1) / BINS,
            "n": n,
            "right": ok,
            "share_right": round(ok / n, 4),
        }
        for b, (n, ok) in enumerate(counts)
        if n
    ]
    shares = [r["share_right"] for r in rows if r["n"] >= 20]
    return {
        "bins": rows,
        "monotonic": all(a <= b for a, b in zip(shares, shares[1:], strict=False)),
        "ece": _ece(rows, len(outcomes)),
    }


def _ece(rows: list[dict[str, Any]], total: int) -> float | None:
    """Expected calibration error: the mean gap between a bin's centre and its share right."""
    if not total:
        return None
    gap = sum(r["n"] * abs((r["from"] + r["to"]) / 2 - r["share_right"]) for r in rows)
    return round(gap / total, 4)


def format_calibration(cal: dict[str, Any]) -> list[str]:
    lines = ["calibration (confidence bin: predictions, share right):"]
    for r in cal["bins"]:
        lines.append(f"  {r['from']:.1f}-{r['to']:.1f} {r['n']:>7} {r['share_right']:>7.3f}")
    lines.append(f"  monotonic (bins of 20+): {cal['monotonic']}, ECE {cal['ece']}")
    return lines
