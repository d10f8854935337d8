"""`stance train CONFIG`: registered into the `stance` CLI through the entry-point group "stance.commands"."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the `train` command to the `stance` typer app."""

    @app.command("train")
    def train_command(
        config: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="training config (.yaml/.json)")],
        output_dir: Annotated[
            Path | None, typer.Option("--output-dir", "-o", help="override the config's output_dir")] = None,
        threads: Annotated[
            int | None, typer.Option("--threads", help="torch CPU threads (default: the config's threads)")] = None,
        device: Annotated[
            str | None, typer.Option("--device", help="cpu, cuda, cuda:N or auto (default: the config's device)")] = None,
    ) -> None:
        """Fine-tune the stance transformer from a YAML/JSON training config."""
        from training.train import main

        try:
            overrides = {k: v for k, v in (("output_dir", str(output_dir) if output_dir else None),
                                           ("device", device)) if v}
            summary = main(str(config), threads=threads, overrides=overrides or None)
        except (ValueError, FileNotFoundError) as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
        best = summary.get("best") or {}
        typer.echo(f"best dev selection {best.get('selection')} -> {summary['model_dir']}")
