"""Tests of the harness itself, on small inputs, without running any load."""
