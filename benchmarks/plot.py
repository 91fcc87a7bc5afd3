#!/usr/bin/python3
"""Draws `dossier bench --out` TSV files as an SVG of time per query.

One panel per TSV file (a run, e.g. one scale); in each, grouped bars per
query, Dossier and Kùzu side by side, median milliseconds on a log scale
with a min-max whisker. A query that timed out on an engine before any run
finished is drawn as a hatched bar at the deadline (timeout_s of the
file's comment line), labelled "timeout". Answers that differ or an engine
error are named under the query.

  /usr/bin/python3 benchmarks/plot.py -o docs/benchmarks-scale16.svg \\
      docs/bench-scale16.tsv [more.tsv ...]

Needs matplotlib (Debian: python3-matplotlib); uses the Agg backend, no
display.
"""

import argparse
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

ENGINES = (("dossier", "Dossier", "#1f77b4"), ("kuzu", "Kùzu 0.11.3", "#ff7f0e"))


def read_tsv(path):
    """Returns (params dict from the comment line, list of row dicts)."""
    params = {}
    with open(path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    body = []
    for line in lines:
        if line.startswith("#"):
            for field in line[1:].split():
                key, _, value = field.partition("=")
                params[key] = value
        elif line.strip():
            body.append(line)
    rows = list(csv.DictReader(body, delimiter="\t"))
    if not rows or "status" not in rows[0]:
        sys.exit(f"error: {path}: not a `dossier bench --out` table")
    return params, rows


def number(text):
    return float(text) if text else None


def draw(ax, path, params, rows):
    deadline_ms = float(params.get("timeout_s", "120")) * 1e3
    width = 0.38
    xs = range(len(rows))
    highest = 1.0
    any_timeout = False
    for e, (key, label, color) in enumerate(ENGINES):
        offset = (e - 0.5) * width
        for x, row in zip(xs, rows):
            median = number(row[f"{key}_median_ms"])
            timed_out = row["status"] in (f"timeout-{key}", "timeout-both")
            pos = x + offset
            if median is None and timed_out:
                ax.bar(pos, deadline_ms, width, color="white", edgecolor=color,
                       hatch="///", linewidth=1.2)
                ax.text(pos, deadline_ms / 1.4, "timeout", rotation=90,
                        ha="center", va="top", fontsize=7, color=color,
                        bbox={"facecolor": "white", "edgecolor": "none",
                              "pad": 1})
                any_timeout = True
                highest = max(highest, deadline_ms * 4)
                continue
            if median is None:
                continue
            lo, hi = number(row[f"{key}_min_ms"]), number(row[f"{key}_max_ms"])
            ax.bar(pos, median, width, color=color,
                   yerr=[[median - lo], [hi - median]], capsize=2,
                   error_kw={"elinewidth": 0.8, "ecolor": "#333333"})
            if timed_out:  # Some runs finished, then one passed the deadline.
                ax.text(pos, hi * 1.15, "then timeout", rotation=90,
                        ha="center", va="bottom", fontsize=6, color=color)
            highest = max(highest, hi * 4)
    handles = [Patch(facecolor=color, label=label) for _, label, color in ENGINES]
    if any_timeout:
        ax.axhline(deadline_ms, color="#555555", linestyle="--", linewidth=0.8)
        handles.append(Patch(facecolor="white", edgecolor="#555555",
                             hatch="///",
                             label=f"timeout (deadline {deadline_ms / 1e3:g} s)"))
    names = []
    for row in rows:
        name = row["query"]
        if row["status"] == "differs" or row["status"].startswith("error"):
            name += "\n" + row["status"].upper()
        names.append(name)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(names, fontsize=9)
    ax.set_yscale("log")
    ax.set_ylim(top=highest)
    ax.set_ylabel("median ms per query (min–max), log scale")
    ax.grid(axis="y", which="major", linestyle=":", linewidth=0.6)
    ax.set_axisbelow(True)
    graph = params.get("graph", "kronecker")
    title = f"dossier bench, {graph} graph, scale {params.get('scale', '?')}"
    if "nodes" in params and "edges" in params:
        title += f": {int(params['nodes']):,} nodes, {int(params['edges']):,} relationships"
    title += f" (seed {params.get('seed', '?')}, up to {params.get('runs', '?')} runs"
    if "date" in params:
        title += f", {params['date'][:10]}"
    title += ")"
    ax.set_title(title, fontsize=10)
    ax.legend(handles=handles, fontsize=8, loc="upper left")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="+", help="`dossier bench --out` files")
    parser.add_argument("-o", "--output", required=True,
                        help="SVG to write (PNG when it ends in .png)")
    args = parser.parse_args()
    # No timestamps or random ids in the SVG: a rerun on the same TSV files
    # writes the same file.
    plt.rcParams["svg.hashsalt"] = "dossier"
    tables = [(path, *read_tsv(path)) for path in args.tsv]
    fig, axes = plt.subplots(len(tables), 1, squeeze=False,
                             figsize=(9, 4.2 * len(tables)))
    for ax, (path, params, rows) in zip(axes[:, 0], tables):
        draw(ax, path, params, rows)
    fig.tight_layout()
    if args.output.endswith(".png"):
        fig.savefig(args.output, dpi=110)
    else:
        fig.savefig(args.output, format="svg", metadata={"Date": None})


if __name__ == "__main__":
    main()
