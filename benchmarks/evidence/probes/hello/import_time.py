"""Run with an app's python in the app's directory: seconds to import one module (JSON)."""

#     <env>/bin/python import_time.py MODULE        (standard library only)
#
# Interpreter start-up is left out: the clock starts just before the import. The app's directory
# comes first on sys.path, as gunicorn puts it.

import importlib
import json
import os
import sys
import time

sys.path.insert(0, os.getcwd())
start = time.perf_counter()
importlib.import_module(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"module": sys.argv[1], "seconds": seconds, "modules": len(sys.modules)}))
