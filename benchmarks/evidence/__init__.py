"""The evidence report: claims (shared_spec/claims.yaml), experiments, rules and verdicts."""
