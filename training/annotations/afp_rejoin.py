"""Rejoin the clitic-segmented text of the AFP Arabic sample into normal Arabic orthography.

The AFP sample (`afp_arabic_sample/Sample_arabic_sent.xml`, from UniversalPetrarch) writes clitics as separate
tokens: ``و قال مسيكا ل صحافيين``, ``يملك ها``, ``س نقوم ب توفير إقامة هم``. ``rejoin`` glues them back:

- prefix clitics (و ف ب ل ك س ال, and runs of them such as ``و ب`` or ``و ل``) attach to the following word;
  ``ل`` + a word starting with ``ال`` becomes ``لل`` (``ل الرئيس`` -> ``للرئيس``);
- suffix pronoun clitics (ه ها هم هما هن ك كم كن نا ي) attach to the preceding word, except that the free pronouns
  هم / هما / هن stay apart after a definite noun (``الشركتين المستثمرتين هما``), a dual in ``-ان`` (``فنلنديان هما``)
  or an adverb such as ``فقط``; a final ``ة`` becomes ``ت``
  (``حكومة ه`` -> ``حكومته``) and a final ``ى`` becomes ``ي`` (``على ه`` -> ``عليه``, ``الى ها`` -> ``اليها``);
  a suffix right after a pending prefix joins it (``ل ه`` -> ``له``, ``و ل هم`` -> ``ولهم``);
- a lone ``ك`` is read as the prefix "as/like" when a word follows it, and as the suffix "you/your" otherwise;
- immediate repeats of the same word, an artefact of the sample (``ونحن ونحن``, ``وعلي وعلي رضا``), are collapsed;
- spaces before ``. ، , : ; ! ? ؟ )`` and the closing guillemet and after ``(`` and the opening one are removed
  (some non-AFP articles in the sample use ``»`` to open and ``«`` to close), and straight double quotes are tightened
  around their content (``" نص "`` -> ``"نص"``).

It is a heuristic tidy-up for reading and annotation, not a morphological analyser: check its output by eye.
Known misses: a free pronoun after an indefinite plural is glued (``خمسة اشخاص هم`` -> ``اشخاصهم``), a prefix before
a quoted name or a number stays apart (``ل "دياجيو"``, ``ب 804``), and hamza seats are not adjusted.

    >>> rejoin('و قال مسيكا ل صحافيين')
    'وقال مسيكا لصحافيين'
    >>> rejoin('س نقوم ب توفير إقامة هم اليوم .')
    'سنقوم بتوفير إقامتهم اليوم.'
"""
from __future__ import annotations

import re

__all__ = ["rejoin"]

PREFIXES = {"و", "ف", "ب", "ل", "ك", "س", "ال"}
SUFFIXES = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كن", "نا", "ي"}
# هم / هما / هن are also free pronouns ("خمسة اشخاص هم ...", "الشركتين المستثمرتين هما ..."): not glued after a
# definite noun (which cannot take a possessive) or after these adverbs
FREE_PRONOUNS = {"هم", "هما", "هن"}
_NO_GLUE_BEFORE_FREE = {"فقط", "ايضا", "أيضا", "أيضاً", "ايضاً"}
_WORD = re.compile(r"^[\u0621-\u065F\u0670-\u06D3]+$")  # an Arabic word (letters only)


def _is_word(tok: str | None) -> bool:
    return bool(tok) and bool(_WORD.match(tok))


def _attach_suffix(word: str, suffix: str) -> str:
    if word.endswith("ة"):
        word = word[:-1] + "ت"
    elif word.endswith("ى") and len(word) > 1:
        word = word[:-1] + "ي"
    return word + suffix


def _attach_prefix(prefix: str, word: str) -> str:
    if prefix.endswith("ل") and word.startswith("ال") and prefix != "ال":
        return prefix + word[1:]  # ل + الرئيس -> للرئيس
    return prefix + word


def _tidy_quotes(text: str) -> str:
    parts = text.split('"')
    if len(parts) % 2 == 0:  # unbalanced quotes: leave them alone
        return text
    out = [parts[0]]
    for i, chunk in enumerate(parts[1:], 1):
        if i % 2 == 1:  # inside quotes
            out.append('"' + chunk.strip() + '"')
        else:
            out.append(chunk)
    return "".join(out)


def rejoin(text: str) -> str:
    """Return `text` (clitic-segmented AFP Arabic) with clitics glued back and spaces before punctuation removed."""
    toks = text.split()
    out: list[str] = []
    pending = ""
    n = len(toks)
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < n else None
        prev_is_word = bool(out) and _is_word(out[-1]) and not pending
        if tok in SUFFIXES and pending:
            # "ل ه" -> "له"; but a pending prefix before "ك" + word is a run of prefixes ("و ك رئيس")
            if tok == "ك" and _is_word(nxt):
                pending += tok
                continue
            out.append(pending + tok)
            pending = ""
            continue
        if tok in FREE_PRONOUNS and prev_is_word:
            prev = out[-1].lstrip("وف")
            if (
                (prev.startswith("ال") and prev not in ("الى", "الي"))
                or out[-1] in _NO_GLUE_BEFORE_FREE
                or (prev.endswith("ان") and len(prev) > 3 and prev not in ("لأن", "لان"))  # dual: "فنلنديان هما"
            ):
                prev_is_word = False
        if tok in SUFFIXES and prev_is_word and not (tok == "ك" and _is_word(nxt)):
            out[-1] = _attach_suffix(out[-1], tok)
            continue
        if tok in PREFIXES and _is_word(nxt) and nxt not in ("ال",) or (tok in PREFIXES and nxt in PREFIXES):
            pending += tok
            continue
        if pending:
            if _is_word(tok):
                tok = _attach_prefix(pending, tok)
            else:
                tok = pending + tok
            pending = ""
        out.append(tok)
    if pending:
        out.append(pending)
    # the sample repeats some clitic-bearing words ("ونحن ونحن", "بتواجدنا بتواجدنا بتواجدنا"): keep one copy
    dedup: list[str] = []
    for tok in out:
        if dedup and tok == dedup[-1] and _is_word(tok) and len(tok) > 1:
            continue
        dedup.append(tok)
    s = " ".join(dedup)
    # some (non-AFP) articles use » as the opening and « as the closing guillemet
    i_open, i_close = s.find("«"), s.find("»")
    opener, closer = ("»", "«") if i_close != -1 and (i_open == -1 or i_close < i_open) else ("«", "»")
    s = re.sub(r"\s+([.،,:;!?؟)" + closer + r"])", r"\1", s)
    s = re.sub(r"([(" + opener + r"])\s+", r"\1", s)
    s = _tidy_quotes(s)
    return s.strip()
