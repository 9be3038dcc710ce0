from breezeblock import configure

import run_suite


@configure
def outcome(module):
    return run_suite.run(module)
