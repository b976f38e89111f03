"""The twin_code experiment's parts: `*_probe.py` scripts run inside a twin's own environment and
print JSON; the other modules run in the tools environment and read what the probes print."""
