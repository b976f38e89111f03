"""Security and reliability probes of both twins, over HTTP."""
