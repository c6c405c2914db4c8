"""Turns the hyperfine / GNU time results of benches/run.sh into the Markdown
table of BENCHMARKS.md, between the `<!-- bench:start -->` and
`<!-- bench:end -->` markers (the rest of the file is left as written).

usage: python3 benches/table.py RESULTS_DIR BENCHMARKS.md "634 10144"
"""

import datetime
import json
import os
import platform
import sys

START, END = "<!-- bench:start -->", "<!-- bench:end -->"

ROWS = [
    ("cat", "`cat` of all files (I/O floor)"),
    ("floor-none", "floor: pulldown-cmark parse + push_html, no writing"),
    ("floor-one-writer", "floor: same, one writer thread, fresh dir"),
    ("floor-all-writers", "floor: same, every worker writes"),
    ("check", "`locdoc check --format json`"),
    ("check-unique", "same, every article's wording unique (`gen_corpus --unique`)"),
    ("build", "`locdoc build` (clean, fresh dir)"),
    ("build-nochange", "`locdoc build` again, nothing changed"),
    ("hugo", "Hugo (raw HTML on, minimal layout)"),
    ("pofilter", "pofilter, same segments as PO"),
]


def load(res, key):
    """hyperfine result and GNU time numbers of one measurement, or None."""
    if os.path.exists(os.path.join(res, key + ".failed")):
        return None
    try:
        with open(os.path.join(res, key + ".time")) as f:
            rss, wall, user, system = f.read().split()[-4:]
        timed = {"rss_mib": int(rss) / 1024, "wall": float(wall), "cpu_s": float(user) + float(system)}
    except (OSError, ValueError):
        timed = None
    path = os.path.join(res, key + ".json")
    if os.path.exists(path):
        with open(path) as f:
            r = json.load(f)["results"][0]
        cpu_s = r["user"] + r["system"]
        out = {"median": r["median"], "mean": r["mean"], "cpu_s": cpu_s, "runs": len(r["times"])}
    elif timed:
        out = {"median": timed["wall"], "mean": timed["wall"], "cpu_s": timed["cpu_s"], "runs": 1}
    else:
        return None
    out["cpu"] = out["cpu_s"] / out["mean"] if out["mean"] else 0.0
    out["rss_mib"] = timed["rss_mib"] if timed else None
    return out


def read(res, name, default=None):
    try:
        with open(os.path.join(res, name)) as f:
            return f.read().strip()
    except OSError:
        return default


def fmt_s(x):
    return "—" if x is None else (f"{x:.3f} s" if x < 10 else f"{x:.1f} s")


def fmt_rss(m):
    if m is None:
        return "—"
    return f"{m / 1024:.1f} GiB" if m >= 1024 else f"{m:.0f} MiB"


def ratio(a, b, key="median"):
    if a is None or b is None or b[key] == 0:
        return "—"
    return f"{a[key] / b[key]:.2f}×"


def table(res, sizes):
    data = {(k, n): load(res, f"{k}@{n}") for k, _ in ROWS for n in sizes}
    head = "| what |" + "".join(
        f" {n} files: median wall | × floor | CPU time | × floor | peak RSS | CPU÷wall |" for n in sizes
    )
    lines = [head, "|---|" + "---:|---:|---:|---:|---:|---:|" * len(sizes)]
    for key, label in ROWS:
        if all(data[(key, n)] is None for n in sizes):
            continue
        cells = []
        for n in sizes:
            d = data[(key, n)]
            floor = data[("floor-one-writer" if key.startswith("build") else "floor-none", n)]
            if d is None:
                cells.append(" not run | | | | | |")
                continue
            runs = "" if d["runs"] > 1 else " (1 run)"
            cpu = fmt_s(d["cpu_s"])
            cells.append(
                f" {fmt_s(d['median'])}{runs} | {ratio(d, floor)} | {cpu} | {ratio(d, floor, 'cpu_s')} |"
                f" {fmt_rss(d['rss_mib'])} | {d['cpu']:.2f} |"
            )
        lines.append(f"| {label} |" + "".join(cells))
    return "\n".join(lines), data


def verdict(ok):
    return "—" if ok is None else ("met" if ok else "**not met**")


def targets(res, sizes, data):
    """The issue's targets, each with the measured value and a verdict."""
    rows = ["| target | measured | verdict |", "|---|---|---|"]
    big = sizes[-1]
    for n in sizes:
        c, f = data[("check", n)], data[("floor-none", n)]
        if c and f:
            r = c["median"] / f["median"]
            rows.append(f"| check ≤ 1.5× no-writing floor ({n} files), wall | {r:.2f}× | {verdict(r <= 1.5)} |")
            r = c["cpu_s"] / f["cpu_s"]
            rows.append(f"| same, in CPU time (steadier on a shared machine) | {r:.2f}× | {verdict(r <= 1.5)} |")
        p = data[("pofilter", n)]
        if c and p:
            r = p["median"] / c["median"]
            rows.append(f"| check ≥ 100× faster than pofilter ({n} files), wall | {r:.0f}× | {verdict(r >= 100)} |")
            r = p["cpu_s"] / c["cpu_s"]
            rows.append(f"| same, in CPU time | {r:.0f}× | {verdict(r >= 100)} |")
        b, w = data[("build", n)], data[("floor-one-writer", n)]
        pages, files = read(res, f"pages@{n}"), read(res, f"files@{n}")
        if b and w and pages and files and int(pages) > 0:
            r = (b["median"] / int(pages)) / (w["median"] / int(files))
            rows.append(f"| build ≤ 2× floor per page written ({n} files, {pages} pages) | {r:.2f}× | {verdict(r <= 2)} |")
        if b and c:
            r = b["median"] / c["median"]
            rows.append(f"| build ≤ 2× check (issue 5; {n} files), wall | {r:.2f}× | {verdict(r <= 2)} |")
            r = b["cpu_s"] / c["cpu_s"]
            rows.append(f"| same, in CPU time | {r:.2f}× | {verdict(r <= 2)} |")
        h = data[("hugo", n)]
        if b and h:
            r = h["median"] / b["median"]
            rows.append(f"| build ≥ 10× faster than Hugo ({n} files), wall | {r:.1f}× | {verdict(r >= 10)} |")
            if pages and files and int(pages) > 0:
                # Hugo writes one page per file; locdoc writes every locale, English and review page.
                r = (h["median"] / int(files)) / (b["median"] / int(pages))
                rows.append(f"| same, per page written (Hugo {files}, locdoc {pages}) | {r:.1f}× | {verdict(r >= 10)} |")
        nc = data[("build-nochange", n)]
        if b and nc:
            r = b["median"] / nc["median"]
            rows.append(f"| no-change rebuild ≥ 10× faster than clean ({n} files) | {r:.1f}× | {verdict(r >= 10)} |")
    if len(sizes) > 1:
        small = sizes[0]
        files = int(read(res, f"files@{big}", "0")) / max(1, int(read(res, f"files@{small}", "1")))
        for key in ("check", "build", "floor-none"):
            a, b = data[(key, small)], data[(key, big)]
            if a and b:
                for what, k in (("wall", "median"), ("CPU time", "cpu_s")):
                    r = b[k] / a[k] if a[k] else 0.0
                    ok = abs(r / files - 1) <= 0.10
                    rows.append(f"| `{key}` scales linearly, {what} (ratio within 10 % of {files:.1f}) | {r:.1f} | {verdict(ok)} |")
    for key in ("check", "check-unique", "build"):
        d = data[(key, big)]
        if d and d["rss_mib"] is not None:
            rows.append(f"| `{key}` peak RSS ≤ 300 MiB ({big} files) | {fmt_rss(d['rss_mib'])} | {verdict(d['rss_mib'] <= 300)} |")
        if d:
            rows.append(f"| `{key}` CPU ÷ wall ≥ 1.8 ({big} files) | {d['cpu']:.2f} | {verdict(d['cpu'] >= 1.8)} |")
    return "\n".join(rows)


def conditions(res, sizes):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    started = datetime.datetime.fromtimestamp(os.path.getmtime(os.path.join(res, "tools.txt")), datetime.timezone.utc)
    load = f"load average (1/5/15 min) {read(res, 'load-start', '?')} at the start, {read(res, 'load-end', '?')} at the end"
    corpora = ", ".join(
        f"{read(res, f'files@{n}', '?')} files / {int(read(res, f'bytes@{n}', '0')) / 1e6:.1f} MB" for n in sizes
    )
    tools = read(res, "tools.txt", "").replace("\n", "; ")
    build = "" if read(res, "has-build") == "1" else " `locdoc build` does not exist on this build: its rows are skipped."
    return (
        f"Run started {started:%Y-%m-%d %H:%M} UTC on {os.cpu_count()} × {cpu} "
        f"({platform.system()}), {load}. Corpora: {corpora}. {tools}.{build}"
    )


def main():
    res, path, sizes = sys.argv[1], sys.argv[2], sys.argv[3].split()
    body, data = table(res, sizes)
    block = "\n".join([START, conditions(res, sizes), "", body, "", targets(res, sizes, data), END])
    text = open(path).read() if os.path.exists(path) else f"# Benchmarks\n\n{START}\n{END}\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
