"""What the networks read in (`stance.backbone`: `--precision fp32|bf16|auto`): names, hardware probes, autocast."""
import pytest
import torch

from stance import backbone as bb
from stance.memo import Remembers


class Tiny(Remembers, bb.ReadsInPrecision):
    def __init__(self) -> None:
        self.net = torch.nn.Linear(4, 2)


def test_precision_names_resolve_and_bfloat16_runs_under_autocast(monkeypatch, caplog):
    assert bb.resolve_precision("fp32") == "fp32"
    with pytest.raises(ValueError, match="use fp32, bf16 or auto"):
        bb.resolve_precision("int8")
    monkeypatch.setattr(bb, "native_bf16", lambda device="cpu": True)
    assert bb.resolve_precision("auto") == "bf16"
    monkeypatch.setattr(bb, "native_bf16", lambda device="cpu": False)
    assert bb.resolve_precision("auto") == "fp32"
    monkeypatch.setattr(bb, "_warned_emulated", set())
    with caplog.at_level("WARNING"):
        assert bb.resolve_precision("bf16") == "bf16" and bb.resolve_precision("bf16") == "bf16"
    assert caplog.text.count("no native bfloat16") == 1  # once per device, not once per network
    layer, x = torch.nn.Linear(4, 2), torch.ones(1, 4)
    with bb.reading_in("bf16", "cpu"):
        assert layer(x).dtype == torch.bfloat16
    with bb.reading_in("fp32", "cpu"):
        assert layer(x).dtype == torch.float32
    with pytest.raises(ValueError, match="resolve it first"):
        bb.reading_in("auto", "cpu")


def test_native_bf16_asks_torch_else_the_cpu_flags(monkeypatch):
    names = ("_is_amx_tile_supported", "_is_avx512_bf16_supported", "_is_cpu_support_amx_tile")
    for name in names:
        monkeypatch.delattr(torch.cpu, name, raising=False)
    monkeypatch.setattr(bb, "_cpu_flags", lambda: {"avx2", "avx512_bf16"})
    assert bb.native_bf16("cpu")
    monkeypatch.setattr(bb, "_cpu_flags", lambda: {"avx2"})
    assert not bb.native_bf16("cpu")
    monkeypatch.setattr(torch.cpu, "_is_cpu_support_amx_tile", lambda: True, raising=False)  # torch 2.3-2.4's name
    assert bb.native_bf16("cpu")
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False, raising=False)
    monkeypatch.setattr(torch.cpu, "_is_cpu_support_amx_tile", lambda: False, raising=False)
    monkeypatch.setattr(bb, "_cpu_flags", lambda: {"avx512_bf16"})  # torch's own answer wins over the flags
    assert not bb.native_bf16("cpu")
    if not torch.cuda.is_available():
        assert not bb.native_bf16("cuda")


def test_a_network_resolves_auto_again_after_a_move_and_never_inside_a_memo(monkeypatch):
    net = Tiny()
    assert net.precision == "fp32"
    monkeypatch.setattr(bb, "native_bf16", lambda device="cpu": False)
    assert net.in_precision("auto") is net and net.precision == "fp32"
    monkeypatch.setattr(bb, "native_bf16", lambda device="cpu": True)  # as if moved to hardware with bfloat16
    net._precision_follows()
    assert net.precision == "bf16"
    with net.remembering():
        net.in_precision("bf16")  # the same precision: nothing remembered goes stale
        with pytest.raises(RuntimeError, match="inside remembering"):
            net.in_precision("fp32")
    assert net.in_precision("fp32").precision == "fp32"


def test_a_pipeline_refuses_a_precision_it_does_not_know_even_without_networks():
    from stance.pipeline import Pipeline

    with pytest.raises(ValueError, match="precision 'half' is not one stance reads in"):
        Pipeline.load(with_classifier=False, with_ner=False, en_attribution="rules", precision="half")
