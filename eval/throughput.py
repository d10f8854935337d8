"""Throughput of `stance analyze`'s scoring: articles one by one against articles in rounds, in the same run.

    python -m eval.sentences ar test --exhaustive -o /tmp/g.jsonl
    stance eval-e2e /tmp/g.jsonl --write-articles /tmp/a.jsonl
    python -m eval.throughput /tmp/a.jsonl                   # 133 short Arabic texts
    python -m eval.throughput ../shared/seed/000_96083f8a8e168996.txt --repeat 20

The statements of every article are found once (timed apart); then the same statements are scored twice over:
`Pipeline.score_all` per article (what `stance analyze` did before session 11) and `Pipeline.score_many` on the
rounds `stance analyze` makes (`stance.pipeline.round_is_full`); and, when the model has taggers, the rounds once
more without its speaker tagger (`analyze --no-speaker-tagger`) and without both taggers (`--no-speaker-tagger
--no-target-tagger`), for what they cost. Each way
runs `--trials` times, alternating, and the fastest trial of each is reported (so a busy moment of the machine counts
against none). `--bf16` adds the rounds with the three networks reading in bfloat16 (`--precision bf16`) to each
trial, and how many of their pairs and labels are those of float32. Prints one JSON object: articles, pairs, seconds and articles/s of each way, and the ratios.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from stance.io import read_articles
from stance.pipeline import Pipeline, pair_count, round_is_full


def _rounds(statements: Sequence[list], batch_size: int) -> list[list[int]]:
    out, pending, pairs = [], [], 0
    for k, sts in enumerate(statements):
        pending.append(k)
        pairs += pair_count(sts)
        if round_is_full(len(pending), pairs, batch_size):
            out.append(pending)
            pending, pairs = [], 0
    return out + ([pending] if pending else [])


def measure(inputs: Sequence[str], repeat: int = 1, batch_size: int = 32, trials: int = 2, bf16: bool = False) -> dict:
    import torch

    nlp = Pipeline.load()
    articles = [a for _, a in read_articles(inputs) if not isinstance(a, str)] * repeat
    if not articles:
        raise SystemExit(f"no articles read from {list(inputs)}")
    t = time.perf_counter()
    statements = [nlp.statements(a) for a in articles]
    found_s = time.perf_counter() - t
    nlp.score_many([(articles[0], statements[0])], batch_size)  # warm-up: the first call pays for lazy set-up
    rounds = _rounds(statements, batch_size)
    best = {"per_article": float("inf"), "rounds": float("inf")}
    taggers = (nlp.target_tagger, nlp.speaker_tagger)
    # the rounds once more without the speaker tagger, and without both taggers (for what each costs)
    others: dict[str, tuple] = {}
    for name, off in (("without_speaker_tagger", (taggers[0], None)), ("without_taggers", (None, None))):
        if off != taggers and off not in others.values():
            others[name] = off
    for _ in range(trials):
        t = time.perf_counter()
        for a, sts in zip(articles, statements):
            nlp.score_all(a, sts, batch_size)
        best["per_article"] = min(best["per_article"], time.perf_counter() - t)
        for name, (target, speaker) in (("rounds", taggers), *others.items()):
            nlp.target_tagger, nlp.speaker_tagger = target, speaker
            t = time.perf_counter()
            for r in rounds:
                nlp.score_many([(articles[k], statements[k]) for k in r], batch_size)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
        nlp.target_tagger, nlp.speaker_tagger = taggers
        if bf16:  # the rounds once more with the three networks reading in bfloat16 (`--precision bf16`)
            nets = [m for m in (nlp.classifier, *taggers) if m is not None]
            for m in nets:
                m.in_precision("bf16")
            if "bf16" not in best:  # its own warm-up: the first bfloat16 call sets up its kernels
                nlp.score_many([(articles[0], statements[0])], batch_size)
            t = time.perf_counter()
            half = [p for r in rounds for kept, _ in nlp.score_many([(articles[k], statements[k]) for k in r], batch_size)
                    for p in kept]
            best["bf16"] = min(best.get("bf16", float("inf")), time.perf_counter() - t)
            for m in nets:
                m.in_precision("fp32")
    n = len(articles)
    tagged = {}
    if bf16:  # and whether bfloat16 gives the same pairs and labels as float32 (one more float32 pass, untimed)
        full = [p for r in rounds for kept, _ in nlp.score_many([(articles[k], statements[k]) for k in r], batch_size)
                for p in kept]
        key = lambda p: (p.statement.doc_id, p.statement.id, p.target.start, p.target.end)  # noqa: E731
        labels = {key(p): p.stance for p in full}
        tagged.update({"rounds_bf16_seconds": round(best["bf16"], 2),
                       "rounds_bf16_articles_per_s": round(n / best["bf16"], 2),
                       "bf16_speedup": round(best["rounds"] / best["bf16"], 2),
                       "bf16_pairs": len(half), "fp32_pairs": len(full),
                       "bf16_same_pair_and_label": sum(labels.get(key(p)) == p.stance for p in half)})
    for name in others:  # time with the taggers / time without
        tagged.update({f"rounds_{name}_seconds": round(best[name], 2),
                       f"rounds_{name}_articles_per_s": round(n / best[name], 2),
                       f"cost_against_{name}": round(best["rounds"] / best[name], 2)})
    return {
        "articles": n,
        "pairs": sum(pair_count(sts) for sts in statements),
        "rounds": len(rounds),
        "statements_seconds": round(found_s, 2),
        "per_article_seconds": round(best["per_article"], 2),
        "rounds_seconds": round(best["rounds"], 2),
        "per_article_articles_per_s": round(n / best["per_article"], 2),
        "rounds_articles_per_s": round(n / best["rounds"], 2),
        "speedup": round(best["per_article"] / best["rounds"], 2),
        **tagged,
        "threads": torch.get_num_threads(),
        "batch_size": batch_size,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", help="what `stance analyze` reads: JSONL, .txt files or folders")
    ap.add_argument("--repeat", type=int, default=1, help="read the articles this many times over (default 1)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--trials", type=int, default=2)
    ap.add_argument("--bf16", action="store_true",
                    help="also time the rounds with the networks reading in bfloat16 (`stance analyze --precision bf16`) "
                         "and count how many of its pairs and labels are float32's")
    args = ap.parse_args(argv)
    json.dump(measure(args.inputs, args.repeat, args.batch_size, args.trials, args.bf16), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
