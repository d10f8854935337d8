"""CPU speed of the stance transformer on real news sentences: `python -m training.bench [--model DIR]`.

Trains one pass over 160 examples (48 NewsMTSC, 48 DSE, 48 Arabic and 16 French annotations) for each
`--layers-from` value, and predicts 200 dev sentences (ar 80, fr 40, en 40, NewsMTSC 40) with `--model` (or an
untrained model; speed does not depend on the weights). Prints sentences/s. Sets the torch thread count (`--threads`).
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

import torch

from stance.model import TransformerStanceClassifier


def _sample(pairs, seed: int = 0):
    rng = random.Random(seed)
    out = []
    for exs, n in pairs:
        out.extend(rng.sample(exs, min(n, len(exs))))
    return out


def train_speed(layers_from: int, batch_size: int = 16) -> float:
    from training import datasets as ds
    from training.config import TrainConfig
    from training.train import build_classifier, length_batches

    exs = _sample([(ds.load_newsmtsc("train"), 48), (ds.load_dse("train"), 48),
                   (ds.load_annotations("ar", "train"), 48), (ds.load_annotations("fr", "train"), 16)])
    cfg = TrainConfig.from_dict({"train": [{"kind": "plover"}], "dev": [{"kind": "plover"}], "output_dir": "/tmp/bench",
                                 "lora_layers_from": layers_from})
    clf = build_classifier(cfg)
    net = clf.net.train()
    opt = torch.optim.AdamW([p for p in net.parameters() if p.requires_grad], lr=1e-4)
    t, n = time.time(), 0
    for batch in length_batches(exs, batch_size, random.Random(0)):
        enc = clf.encode([e.item for e in batch])
        loss = torch.nn.functional.cross_entropy(net(**enc), torch.zeros(len(batch), dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        opt.step()
        n += len(batch)
    return n / (time.time() - t)


def predict_speed(model: str | None, batch_size: int = 32) -> tuple[float, dict]:
    from training import datasets as ds

    exs = _sample([(ds.load_annotations("ar", "dev"), 80), (ds.load_annotations("fr", "dev"), 40),
                   (ds.load_annotations("en", "dev"), 40), (ds.load_newsmtsc("devtest_rw"), 40)])
    items = [e.item for e in exs]
    clf = TransformerStanceClassifier.from_pretrained(model) if model else TransformerStanceClassifier.new()
    enc = clf.encode(items)
    info = {"n": len(items), "mean_chars": round(statistics.mean(len(i.text) for i in items)),
            "mean_tokens": round(enc["attention_mask"].sum(1).float().mean().item(), 1)}
    clf.predict(items[:8])  # warm-up
    t = time.time()
    clf.predict(items, batch_size=batch_size)
    return len(items) / (time.time() - t), info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="a saved model folder for the prediction figure")
    ap.add_argument("--layers-from", type=int, nargs="*", default=[6], help="LoRA from this layer (train figure)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--skip-train", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if not args.skip_train:
        for lf in args.layers_from:
            print(f"train, batch 16, LoRA on layers {lf}-11: {train_speed(lf):.2f} sentences/s")
    speed, info = predict_speed(args.model)
    print(f"predict, batch 32, {info}: {speed:.2f} sentences/s")


if __name__ == "__main__":
    main()
