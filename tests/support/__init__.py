"""Helpers of the shared suite: a browser-like client and factories that work through the pages."""
