"""`make bench`: load tests, SQL query counts, line counts and footprint of the two twins."""
