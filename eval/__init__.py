"""Evaluation of `stance`: classifier metrics and harness, baselines, attribution spans, end-to-end triples.

>>> from eval.metrics import macro_f1
>>> round(macro_f1(["support", "criticism"], ["support", "neutral"]), 3)
0.333
"""
