"""The sse experiment's client (many open event streams, other requests timed meanwhile) and
the arithmetic of its readings; stdlib only, run in the tools environment."""
