"""python -m provtrace"""

from .cli import run

run()
