"""Training code for stance: data adapters, annotation tooling, fine-tuning. Imports `stance`, never the reverse."""
