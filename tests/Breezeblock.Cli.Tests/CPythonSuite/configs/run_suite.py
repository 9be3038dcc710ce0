"""Runs one of CPython's own test modules and says which of its tests did not pass.

The same file runs embedded (as a helper of the config in suite.py) and under plain CPython
(python3 run_suite.py MODULE), so both runs load, run and report the tests alike.
"""

import io
import json
import sys
import unittest


def run(module):
    suite = unittest.defaultTestLoader.loadTestsFromName(module)
    result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
    return {
        "run": result.testsRun,
        "failed": sorted({test.id() for test, _ in result.failures + result.errors}),
        "skipped": len(result.skipped),
        "details": {test.id(): trace.strip().splitlines()[-3:] for test, trace in result.failures + result.errors},
    }


MARK = "breezeblock-suite-result: "  # tests print to stdout too: the result is the last line so marked

if __name__ == "__main__":
    outcome = run(sys.argv[1])
    sys.stdout.flush()
    print(MARK + json.dumps(outcome))
