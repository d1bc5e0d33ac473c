"""provtrace check: gate a newsroom's own stories against wire copy in CI."""
