"""Attribution: find who said what (speaker, reporting cue, content) in an article, in Arabic, English and French.

Rules over a cue lexicon (`resources/cues.tsv`, built by `tools/build_cues.py`; `cues`) and the article's actor
mentions (modules: `statements` assembles; `arabic` and its `arabic_*` helpers, `latin` find speakers):
- Arabic verb-subject order (`وقال الاربعاء وزير الخارجية ... إن ...`), subject-verb order, source phrases
  (`حسب ما اعلنت وزارة الدفاع`), circumstantial participles continuing the speaker (`مضيفا أن ...`), and
  subject-less continuations (`وأضاف "..."`, `لكنه أكد`) resolved to the previous speaker.
  A bare definite body or source (`وأكدت المنظمة`, `وقالت المصادر`) keeps its span and takes as its `antecedent`
  the last fuller phrase before it that opens with the same noun (`منظمة العفو الدولية`, `مصادر محلية`).
- English/French: `X said (that) ...`, `"...", X said`, `said X`, `according to X` / `selon X`, `he added` /
  `a-t-il ajouté` resolved to the previous speaker.

>>> from stance.records import Article, Mention, Span
>>> text = "Hammond said Russia was bombing the opposition."
>>> m = [Mention(Span(0, 7, "Hammond")), Mention(Span(13, 19, "Russia"))]
>>> [(s.speaker.text, s.cue.text, s.content.text) for s in extract_statements(Article("d", text, "en"), m)]
[('Hammond', 'said', 'Russia was bombing the opposition')]
"""
from __future__ import annotations

from .cues import Cue, find_cues, load_cues
from .statements import extract_statements

__all__ = ["Cue", "extract_statements", "find_cues", "load_cues"]
