"""Channels: what a Moments post, a Xiaohongshu note, a Douyin script and a listing must look like."""

from .draft import Draft, Flag, Shot, remeasure, shape
from .spec import ChannelSpec, get_channel, list_channels
from .text import count_chars, emoji_count

__all__ = ["ChannelSpec", "Draft", "Flag", "Shot", "count_chars", "emoji_count", "get_channel",
           "list_channels", "remeasure", "shape"]
