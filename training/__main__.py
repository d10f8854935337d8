"""`python -m training CONFIG [--threads N] [--device cuda]`: train a stance model from a YAML/JSON config."""
from __future__ import annotations

import argparse
import sys

from training.train import main as train_main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training", description="Fine-tune the stance transformer.")
    ap.add_argument("config", help="training config (.yaml or .json), e.g. training/configs/default.yaml")
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: the config's `threads`)")
    ap.add_argument("--output-dir", default=None, help="override the config's output_dir")
    ap.add_argument("--device", default=None,
                    help="cpu, cuda, cuda:N or auto (default: the config's `device`, cpu unless it says otherwise)")
    args = ap.parse_args(argv)
    overrides = {k: v for k, v in (("output_dir", args.output_dir), ("device", args.device)) if v}
    try:
        train_main(args.config, threads=args.threads, overrides=overrides or None)
    except (ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
