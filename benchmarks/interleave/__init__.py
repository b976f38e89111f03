"""Interleaved timing: targets served at once on one core, the load alternating between them."""
