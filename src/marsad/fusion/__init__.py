"""Fusion: stories across reports, merged events, and the disagreements between sources."""
from .stories import build_stories

__all__ = ["build_stories"]
