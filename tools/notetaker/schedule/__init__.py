"""Published conference schedules (Sched, pretalx) read into sessions and synced into talk pages.

Both are files the note-taker downloaded; nothing here goes to the network.
Times end up in the event's own time zone, because that is the clock the
note-taker sees on the schedule and the one the pages record (with its offset).
"""
