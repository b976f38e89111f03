"""locust scenarios: one `locust -f` file each; common.py and window.py serve them all."""
