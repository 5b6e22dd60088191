"""Errors a user can act on. The CLI prints them as one line, never a traceback."""


class QuotetraceError(Exception):
    """Base class: the message is written for the person running the tool."""

    exit_code = 1


class InputError(QuotetraceError):
    """The input cannot be read as an article (empty, binary, too large, undecodable)."""

    exit_code = 1


class UsageError(QuotetraceError):
    """The command was called wrongly (bad option combination, missing argument)."""

    exit_code = 2
