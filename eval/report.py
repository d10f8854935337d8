"""Human-readable views of `metrics.json`: a Markdown report, a confusion-matrix figure, an index table.

>>> m = {"dataset": "demo", "model": "m", "n": 2, "accuracy": 1.0, "macro_f1": 1.0,
...      "macro_f1_ci95": [1.0, 1.0]}
>>> index_table([m]).splitlines()[2]
'| demo | 2 | m | 1.000 [1.000, 1.000] | 1.000 |  |'
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from stance.records import LABELS


def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _ci(m: Mapping) -> str:
    lo, hi = m["macro_f1_ci95"]
    return f"{_f(m['macro_f1'])} [{_f(lo)}, {_f(hi)}]"


def _per_class_table(m: Mapping) -> list[str]:
    rows = ["| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, c in m["per_class"].items():
        rows.append(f"| {lab} | {_f(c['precision'])} | {_f(c['recall'])} | {_f(c['f1'])} | {c['support']} |")
    return rows


def _confusion_table(conf: Mapping[str, Mapping[str, int]]) -> list[str]:
    labels = list(conf)
    rows = ["| gold \\ predicted | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for g in labels:
        rows.append(f"| {g} | " + " | ".join(str(conf[g][p]) for p in labels) + " |")
    return rows


def _summary_line(m: Mapping) -> str:
    return f"macro-F1 {_ci(m)}, accuracy {_f(m['accuracy'])}, n = {m['n']}"


def render_markdown(m: Mapping, confusion_png: str | None = None) -> str:
    """The report of one `metrics.json`: headline, per class, confusion, languages, calibration, DSE extras,
    baselines, speed."""
    out = [f"# {m['model']} on {m['dataset']}", "", m.get("description", ""), ""]
    for note in m.get("notes", []):
        out.append(f"Note: {note}.")
    out += [
        (
            f"**{_summary_line(m)}** "
            f"(95% bootstrap interval over items, {m.get('n_resamples', 1000)} resamples)."
        ),
        "",
    ]
    if m.get("labels_absent"):
        out += [
            (
                f"Classes absent from gold and predictions (F1 = 0, still in the macro mean): "
                f"{', '.join(m['labels_absent'])}."
            ),
            "",
        ]
    out += (
        ["## Per class", ""]
        + _per_class_table(m)
        + ["", "## Confusion", ""]
        + _confusion_table(m["confusion"])
    )
    if confusion_png:
        out += ["", f"![confusion matrix]({confusion_png})"]
    if m.get("per_lang") and len(m["per_lang"]) > 1:
        out += ["", "## Per language", "", "| lang | n | accuracy | macro-F1 [95% CI] |", "|---|---|---|---|"]
        for lang, s in m["per_lang"].items():
            out.append(f"| {lang} | {s['n']} | {_f(s['accuracy'])} | {_ci(s)} |")
    if m.get("per_kind"):
        out += ["", "## Per test type", "", "| type | n | right | accuracy |", "|---|---|---|---|"]
        for kind, s in m["per_kind"].items():
            out.append(f"| {kind} | {s['n']} | {s['right']} | {_f(s['accuracy'])} |")
    if m.get("target_contrast"):
        c = m["target_contrast"]
        out += ["", "## Telling targets apart", "",
                f"{c['groups']} sentences hold one speaker's targets with different gold stances ({c['pairs']} pairs): "
                f"accuracy {_f(c['accuracy'])} on those pairs; the model gave every target the same label in "
                f"{c['one_label_groups']} of them."]
    if "dse" in m:
        out += _dse_section(m["dse"])
    if "calibration" in m:
        cal = m["calibration"]
        out += [
            "",
            "## Calibration",
            "",
            (
                f"Expected calibration error {_f(cal['ece'])}, Brier score {_f(cal['brier'])} "
                f"({cal['n_bins']} bins on the score of the predicted label)."
            ),
            "",
            "| confidence bin | n | mean confidence | accuracy |",
            "|---|---|---|---|",
        ]
        for b in cal["bins"]:
            if b["n"]:
                out.append(
                    f"| {b['lo']:.1f}–{b['hi']:.1f} | {b['n']} | "
                    f"{_f(b['confidence'])} | {_f(b['accuracy'])} |"
                )
    if m.get("baselines"):
        out += _baseline_section(m)
    sp = m.get("speed")
    if sp:
        out += [
            "",
            "## Speed",
            "",
            (
                f"{_f(sp.get('items_per_s'), 1)} items/s ({_f(sp.get('seconds'), 1)} s for {m['n']} items, "
                f"batch {sp.get('batch_size')}); peak memory of the process "
                f"{_f(sp.get('peak_rss_mb'), 0)} MiB."
            ),
        ]
    return "\n".join(out).rstrip() + "\n"


def _dse_section(d: Mapping) -> list[str]:
    out = [
        "",
        "## DSE: unseen rows and the paper's 5 classes",
        "",
        (
            f"{d['copied_rows']} rows of DSE {d['split']} are exact copies of training rows; "
            f"the unseen rows give {d['unseen_items']} directed items."
        ),
        "",
    ]
    if "unseen" in d:
        out.append(f"- directed pairs, unseen rows: {_summary_line(d['unseen'])}")
    for name, s in d.get("five_class", {}).items():
        out.append(f"- 5 classes, {name} rows: {_summary_line(s)}")
    return out


def _baseline_section(m: Mapping) -> list[str]:
    bl = m["baselines"]
    if "skipped" in bl and isinstance(bl["skipped"], str):
        return ["", "## Baselines", "", f"Not run: {bl['skipped']}"]
    dse = "dse" in m
    head = "| model | trained on | macro-F1 [95% CI] | accuracy |" + (
        " unseen macro-F1 | 5-class unseen |" if dse else ""
    )
    out = ["", "## Baselines (same items)", "", head, "|---|---|---|---|" + ("---|---|" if dse else "")]

    def row(name: str, s: Mapping, train: str) -> str:
        cells = f"| {name} | {train} | {_ci(s)} | {_f(s['accuracy'])} |"
        if dse:
            d = s.get("dse", {})
            cells += f" {_f(d.get('unseen', {}).get('macro_f1'))} |"
            cells += f" {_f(d.get('five_class', {}).get('unseen', {}).get('macro_f1'))} |"
        return cells

    out.append(row(f"**{m['model']}**", m, "—"))
    for name, s in bl.items():
        if "skipped" in s:
            out.append(
                f"| {name} | {s.get('train', '')} | not run: {s['skipped']} | |" + (" | |" if dse else "")
            )
        else:
            out.append(row(name, s, f"{s['train']} (n={s['train_n']})"))
    chosen = [
        f"{n}: C={s['selection']['C']}, class_weight={s['selection']['class_weight']} "
        f"(dev macro-F1 {_f(s['selection']['dev_macro_f1'])} on {s['selection']['dev']})"
        for n, s in bl.items()
        if isinstance(s.get("selection"), Mapping) and "C" in s["selection"]
    ]
    if chosen:
        out += ["", "Chosen on dev: " + "; ".join(chosen) + "."]
    return out


def plot_confusion(conf: Mapping[str, Mapping[str, int]], path: str | os.PathLike, title: str = "") -> Path:
    """A confusion-matrix PNG: counts in the cells, colour = share of the gold row."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels = list(conf)
    m = np.array([[conf[g][p] for p in labels] for g in labels], dtype=float)
    share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
    fig, ax = plt.subplots(figsize=(1.6 + 1.3 * len(labels), 1.2 + 1.1 * len(labels)))
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    for i in range(len(labels)):
        for j in range(len(labels)):
            ax.text(
                j,
                i,
                f"{int(m[i, j])}",
                ha="center",
                va="center",
                color="white" if share[i, j] > 0.5 else "black",
            )
    if title:
        ax.set_title(title, fontsize=9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def index_table(results: Sequence[Mapping]) -> str:
    """A Markdown table with one row per benchmark: n, model, macro-F1 [CI], accuracy, best baseline."""
    out = [
        "| benchmark | n | model | macro-F1 [95% CI] | accuracy | best baseline (macro-F1) |",
        "|---|---|---|---|---|---|",
    ]
    for m in results:
        best = ""
        fitted = {
            k: v for k, v in (m.get("baselines") or {}).items() if isinstance(v, Mapping) and "macro_f1" in v
        }
        if fitted:
            name = max(fitted, key=lambda k: fitted[k]["macro_f1"])
            best = f"{name} ({_f(fitted[name]['macro_f1'])})"
        out.append(f"| {m['dataset']} | {m['n']} | {m['model']} | {_ci(m)} | {_f(m['accuracy'])} | {best} |")
    return "\n".join(out) + "\n"


def interval_text(ci: Sequence[float]) -> str:
    """`[lo, hi]` of a bootstrap interval, three decimals (`stance eval-e2e`, the e2e reports, their README lines).

    >>> interval_text([0.3729, 0.4936])
    '[0.373, 0.494]'
    """
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def _interval(ci: Sequence[float] | None) -> str:
    """` [lo, hi]` of a bootstrap interval, or nothing where there is none (a report written before they were)."""
    return f" {interval_text(ci)}" if ci else ""


def e2e_markdown(r: Mapping) -> str:
    """The end-to-end triple scores (`eval.endtoend.score_triples`) as Markdown, per language when known."""
    out = [
        f"# End to end: {r.get('model') or 'pipeline'} on {r.get('dataset', 'gold documents')}",
        "",
        (
            f"{r['n_docs']} articles, {r['n_gold']} gold and {r['n_pred']} predicted (speaker, target, "
            "stance) triples. A triple matches when the speakers match (overlapping spans; for a resolved "
            "gold speaker, the same name), the target spans overlap and, with stance, the stances are equal; "
            "one to one. The intervals are 95% percentile bootstrap intervals over the documents (`eval.paired`)."
        ),
        "",
        (
            "| | n gold | n predicted | P | R | F1 [95% CI] | P (no stance) | R (no stance) | "
            "F1 (no stance) [95% CI] | stance accuracy on matched |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    rows = [("all", r)] + list((r.get("per_lang") or {}).items())
    for name, t in rows:
        s, u, ci = t["with_stance"], t["without_stance"], t.get("f1_interval") or {}
        out.append(
            f"| {name} | {t['n_gold']} | {t['n_pred']} | {_f(s['precision'])} | {_f(s['recall'])} | "
            f"{_f(s['f1'])}{_interval(ci.get('with_stance'))} | {_f(u['precision'])} | {_f(u['recall'])} | "
            f"{_f(u['f1'])}{_interval(ci.get('without_stance'))} | {_f(t['stance_accuracy_on_matched'])} |"
        )
    conf = r.get("stance_confusion_on_matched")
    if conf:
        seen = set(conf).union(*conf.values())
        labels = [lab for lab in LABELS if lab in seen] + sorted(seen - set(LABELS))
        out += ["", "Stance on the pairs matched without stance (rows gold, columns predicted):", "",
                "| gold \\ predicted | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
        out += [f"| {g} | " + " | ".join(str(conf.get(g, {}).get(p, 0)) for p in labels) + " |"
                for g in labels if g in conf]
    return "\n".join(out) + "\n"
