"""Are the end-to-end stance errors a matter of spans? (session 48, stance/models/README.md)

    python tools/matched_spans.py GOLD.jsonl ANALYZE.jsonl [--model DIR]

GOLD.jsonl: exhaustive gold texts (`python -m eval.sentences ar dev --exhaustive -o GOLD.jsonl`), one text per
document; ANALYZE.jsonl: `stance analyze` output on those texts (`stance eval-e2e GOLD.jsonl --write-articles A.jsonl`,
then `stance analyze A.jsonl --model DIR -o ANALYZE.jsonl`). For each predicted pair matched to a gold pair (speaker
and target spans overlapping, as `stance eval-e2e` matches them without stance), the model reads the document twice:
with the gold speaker and target spans and with the pipeline's. Printed: how many of the matched pairs each reading
labels right, the transformer's own argmax (with the lexical prior, when the folder has one) and after the target
filter's stance prior shift, beside the pipeline's own labels. Equal counts say the stance errors lie in the model's
reading, not in the spans the pipeline hands it. Each reading is of the whole gold text with no other target marked,
not the pipeline's own view of the pair (`stance.classify.item_for`: the statement's sentence, the other targets,
a resolved speaker's name in front), so the two readings compare with each other, and only roughly with
`pipeline_right`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.endtoend import doc_key, gold_doc_id, load_gold, pair_matching, read_gold_documents, triples_from_analyze  # noqa: E402
from stance.classify import default_model_path, load_classifier  # noqa: E402
from stance.records import StanceItem  # noqa: E402
from stance.relevance import TargetFilter  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("analyze")
    ap.add_argument("--model", default=None, help="stance model folder (default: the one `stance analyze` uses)")
    ap.add_argument("--lang", default="ar", help="language of gold texts without a lang field")
    args = ap.parse_args()
    model = args.model or str(default_model_path())
    gold = load_gold(args.gold)
    docs = {doc_key(gold_doc_id(o)): o for o in read_gold_documents(args.gold)}
    with open(args.analyze, encoding="utf-8") as fh:
        lines = [o for o in map(json.loads, filter(str.strip, fh)) if o.get("target")]
    pred = triples_from_analyze(lines)
    by_gold, by_pipeline, truth, said = [], [], [], []
    for doc, ps in sorted(pred.items()):
        g, gold_doc = gold.get(doc, []), docs.get(doc)
        if gold_doc is None:
            raise SystemExit(f"error: {args.analyze} has document {doc!r}, which {args.gold} lacks: pass the gold file "
                             "the articles were written from")
        text, lang = gold_doc["text"], gold_doc.get("lang") or args.lang
        for i, j in pair_matching(g, ps):
            by_gold.append(StanceItem(text, g[i].target, g[i].speaker, lang))
            by_pipeline.append(StanceItem(text, ps[j].target, ps[j].speaker, lang))
            truth.append(g[i].stance)
            said.append(ps[j].stance)
    clf = load_classifier(model)
    filt = TargetFilter.load(model)

    def right(items: list[StanceItem]) -> dict[str, int]:
        out = clf.predict(items, batch_size=32)
        row = {"argmax": sum(p.stance == t for p, t in zip(out, truth))}
        if filt is not None:
            row["shifted"] = sum(filt.shifted(p.scores)[0] == t for p, t in zip(out, truth))
        return row

    print(json.dumps({"matched_pairs": len(truth), "pipeline_right": sum(a == b for a, b in zip(truth, said)),
                      "gold_spans_right": right(by_gold), "pipeline_spans_right": right(by_pipeline)}, indent=1))


if __name__ == "__main__":
    main()
