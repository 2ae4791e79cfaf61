"""Dates in text: the dates an article states, and when it was published.

    find_dates(text) -> list[DateMention]        every date the text states, parts as given
    infer_published(text) -> PublishedGuess|None  the publication date its text gives or implies
    resolve_mention(mention, published) -> date   a mention placed in time

Pure functions: no clock, no disk beyond the packaged word lists (data/timex/*.tsv).
"""

from eventdesk.timex.mentions import DateMention, MentionKind, find_dates
from eventdesk.timex.pubdate import PublishedGuess, infer_published, resolve_mention

__all__ = [
    "DateMention",
    "MentionKind",
    "PublishedGuess",
    "find_dates",
    "infer_published",
    "resolve_mention",
]
