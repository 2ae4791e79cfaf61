"""eventdesk: news articles in, trustworthy conflict-event data out."""

__version__ = "0.1.0"
