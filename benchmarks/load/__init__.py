"""Load runs: the plan, data snapshots, sign-ins, the counting pass, locust and its scenarios."""
