"""Recordings published after a conference, matched to its talk pages and filled in.

A playlist file (yt-dlp's JSON, or a CSV) is read into videos, each talk page
waiting for its recording is matched by title and speakers, and the ``{video}``
block gets the canonical URL. Nothing here goes to the network.
"""
