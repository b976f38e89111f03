"""The raw WSGI floor: the reader pages with sqlite3 and string building, no framework."""
