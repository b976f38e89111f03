"""The record of an invocation: aggregation, the versioned JSON, plots, summary.md, comparison."""
