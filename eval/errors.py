"""Errors raised by the evaluation harness.

Exception tree::

    EvalError
    └── QuestionSetError    a question file is missing or malformed
"""

from __future__ import annotations


class EvalError(Exception):
    """Base of the eval harness's errors."""


class QuestionSetError(EvalError):
    """A question file cannot be read or a line does not follow the format of shared/eval/README.md."""
