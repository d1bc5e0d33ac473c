"""python -m provtrace"""

from provtrace.cli.app import run

run()
