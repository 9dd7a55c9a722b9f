"""modelicense: a licence-compatibility linter for machine-learning repositories."""

__version__ = "0.1.0"
