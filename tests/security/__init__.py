"""Security probes of the shared suite: each a refusal that leaves the data as it was."""
