"""Code size and footprint: lines by layer and feature, packages, hello-worlds, scaffolding."""
