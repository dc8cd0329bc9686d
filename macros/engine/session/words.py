"""Every word the guided session shows or says, in one table (English, the course's language).

The page's script writes no word of its own: the macro puts ``WORDS`` in the widget's data, and the
timeline's announcements come from ``say``. Placeholders are written ``{name}``.
"""

SAY = {
    "ready": "Get ready: {dose}.",
    "set": "Set {set} of {sets}.",
    "rep": "{rep}",
    "hold": "Hold {seconds} seconds.",
    "rest": "Rest {seconds} seconds.",
    "switch": "Rest {seconds} seconds, then the other side.",
}

WORDS = {
    # the runner
    "start": "Start",
    "pause": "Pause",
    "resume": "Resume",
    "paused": "Paused",
    "skip_rest": "Skip the rest",
    "end_set": "End this set now",
    "finish_early": "Stop this exercise",
    "kind.ready": "Get ready",
    "kind.rep": "Repetition",
    "kind.in": "Move into position",
    "kind.hold": "Hold",
    "kind.out": "Release",
    "kind.rest": "Rest",
    "counts": "Set {set} of {sets} · Repetition {rep} of {reps}",
    "side": "Side {side} of {sides}",
    "seconds_left": "{seconds} s",
    "exercise_of": "Exercise {n} of {count}",
    "done_exercise": "All sets done. Log how it went.",
    "speak": "Say the counts aloud",
    "wake_lock_on": "The screen stays on while the session runs.",
    "wake_lock_off": "This browser may turn the screen off: the timer keeps time all the same.",
    "figure_missing": "The figure could not be loaded; the exercise page has it.",
    "figure_link": "Open the exercise page",
    # the one-leg check
    "one_leg_start": "Start the timer",
    "one_leg_stop": "Foot down",
    "one_leg_side": "Stand on your {side} leg",
    "one_leg_held": "You held {seconds} seconds.",
    "one_leg_save": "Save the check",
    "one_leg_skip": "Skip the check today",
    # the flow
    "begin": "Start today's session",
    "continue": "Continue today's session",
    "next_exercise": "Next exercise",
    "finish": "Finish the session",
    "save_log": "Save and see what comes next",
    "problem": "Something went wrong: {reason}",
    # storage
    "saved": "Saved in this browser.",
    "storage_full": "Your browser's storage for this site is full, so the last change was NOT saved. "
    "Export the log now (the file holds everything so far), then free some space and reload.",
    "storage_blocked": "This browser does not let the site keep data, so the log is NOT saved between "
    "visits. Export it at the end of the session to keep it.",
    "stored_bad": "The log kept in this browser could not be read: {reason} It is left as it was; "
    "export it to keep a copy, or delete it to start again.",
    # the log file
    "exported": "The log was saved as {file}.",
    "imported": "The file's log ({count} sessions) is now your log.",
    "import_replace": "This replaces your log of {count} sessions with the file's {incoming}. Replace it?",
    "import_confirm": "Replace my log",
    "import_cancel": "Keep my log",
    "import_failed": "The file was not imported, and your log is unchanged:",
    "deleted": "Your log was deleted from this browser.",
    "undo": "Undo",
    "restored": "Your log is back.",
    "calendar_saved": "The calendar file was saved as {file}. Open it with your calendar app.",
    "printing": "Printing {what}: choose Save as PDF in the print dialog for a PDF.",
    "paper.tracker": "the tracker",
    "paper.summary": "the summary",
}


def sets_of(sets: int, reps: int) -> str:
    """ "1 set of 10", "2 sets of 10"."""
    return f"{sets} set{'' if sets == 1 else 's'} of {reps}"


def say(key: str, **values: object) -> str:
    return SAY[key].format(**values)
