"""Hello-worlds: the smallest app of each framework that answers one request (counted)."""
