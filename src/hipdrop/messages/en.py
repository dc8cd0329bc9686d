"""English: the core's reader-visible words, the reference catalog every other language follows.

Placeholders are written ``{name}``; a translation keeps the same placeholders per key. Keys that
start with one of ``hipdrop.messages.CLIENT_PREFIXES`` are used by the page's scripts and written
into every page at build time; the others are used by the engine (static HTML, grading).
"""

LANGUAGE = "en"

# Numbers as the engine writes them: 1,167 and 2.5.
GROUP_SEPARATOR = ","
DECIMAL_SEPARATOR = "."


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


MESSAGES = {
    # ------------------------------------------------ lists: "1, 2 and 3"
    "list.and": " and ",
    # ------------------------------------------------ the static quiz (hipdrop.quiz.render)
    "quiz.status.static": (
        "Answers can be checked here once Python has loaded in your browser. Until then, or "
        "without it, use the answer key below the questions."
    ),
    "quiz.intro.exam": (
        "<strong>Exam mode.</strong> Answer every question, then submit once. You then see your "
        "score and the explanation of every question. Each question is worth 1 mark."
    ),
    "quiz.intro.practice": (
        "Each question is worth 1 mark. Check your answers as often as you like; your answers are "
        "kept in this browser only."
    ),
    "quiz.button.submit": "Submit answers",
    "quiz.button.check": "Check answers",
    "quiz.button.show_answers": "Show answers",
    "quiz.button.retry": "Retry",
    "quiz.button.reset": "Reset progress",
    "quiz.question.number": "Question {n}",
    "quiz.question.number_inline": "Question {n}.",
    "quiz.hint.multiple": (
        "Choose every answer that is right. Each right choice earns an equal share of the mark, "
        "each wrong choice takes the same share away, and the mark never goes below zero."
    ),
    "quiz.hint.numeric_exact": "Type a number. Only the exact value counts.",
    "quiz.hint.numeric_tolerance": "Type a number. Anything within ±{tolerance}{unit} of the right value counts.",
    "quiz.hint.ordering": (
        "Give each item its place, from {first} to {last}. Each item in its right place earns an "
        "equal share of the mark."
    ),
    "quiz.hint.matching": "Choose the right match for each item. Each right match earns an equal share of the mark.",
    "quiz.label.answer": "Your answer",
    "quiz.label.answer_in": "Your answer, in {unit}",
    "quiz.label.place": "Place…",
    "quiz.label.choose": "Choose…",
    "quiz.print.choose_from": "Choose from (write the letter):",
    "quiz.key.summary": "Answer key: {title}",
    "quiz.key.lesson_link": "Read the lesson section",
    # ------------------------------------------------ grading (hipdrop.quiz.grading)
    "grade.answer.right": "Right answer:",
    "grade.answer.rights": "Right answers:",
    "grade.answer.range": "(anything from {low} to {high}{unit} counts)",
    "grade.answer.order": "Right order:",
    "grade.answer.matches": "Right matches:",
    "grade.part.unanswered": "Not answered.",
    "grade.part.right_place": "Right place.",
    "grade.part.wrong_place": "Not in the right place.",
    "grade.part.right_match": "Right match.",
    "grade.part.wrong_match": "Not the right match.",
    "grade.numeric.unreadable": "“{given}” could not be read as a number.",
    "grade.verdict.correct": "Right.",
    "grade.verdict.partial": "Partly right.",
    "grade.verdict.incorrect": "Not quite.",
    "grade.verdict.unanswered": "Not answered.",
    "grade.partial_mark": " {mark} of {max} mark.",
    "grade.summary": "You scored {score} out of {max} ({percent}%).",
    "grade.exam.unanswered_one": (
        "This is an exam: answer every question before you submit. Question {numbers} is not fully answered yet."
    ),
    "grade.exam.unanswered_many": (
        "This is an exam: answer every question before you submit. Questions {numbers} are not fully answered yet."
    ),
    # ------------------------------------------------ the live quiz (quiz.js)
    "quiz.live.correct_choice": "Correct:",
    "quiz.live.wrong_choice": "Not correct:",
    "quiz.live.lesson_link": "Read the lesson section that explains this",
    "quiz.live.version": (
        "Version {seed}: the options are shuffled for each attempt. To give someone this same order, share {link}."
    ),
    "quiz.live.version_link": "the link to version {seed}",
    "quiz.live.show_answers": "Show answers",
    "quiz.live.hide_answers": "Hide answers",
    "quiz.live.exam_locked": (
        "{summary} Your answers are locked; every question now shows its explanation and the right answer."
    ),
    "quiz.live.check_failed": "Your answers could not be checked: {reason}",
    "quiz.live.start_failed": "The quiz could not start: {reason}",
    "quiz.live.retry_same_version": (
        "New attempt: your answers are cleared. The order stays that of version {seed}, as the link asks."
    ),
    "quiz.live.retry_new_order": "New attempt: your answers are cleared and the options are in a new order.",
    "quiz.live.reset_done": "Progress reset: nothing of this quiz is kept in this browser any more.",
    "quiz.live.store_blocked": (
        "Your progress cannot be kept on this device: this browser does not let the course store "
        "anything (site data is blocked). Your answers are still checked; they are lost when you "
        "leave or reload the page."
    ),
    "quiz.live.store_full": (
        "Your progress cannot be kept on this device: the browser's storage for this site is full. "
        "Your answers are still checked; they are lost when you leave or reload the page."
    ),
    # ------------------------------------------------ a widget's status line (status-view.js)
    # Before the reader comes near the widget: nothing is loading yet, and nothing needs doing.
    "offline.keep.title": "Save this course for offline use",
    "offline.keep.body": (
        "The pages you open are kept on this device and work without a network. To have the whole course offline, "
        "save it here: the pages you have not opened yet and the Python runtime its interactive parts need (the "
        "runtime alone is {size}), downloaded once. The runtime is kept anyway once you have used one of them here."
    ),
    "offline.keep.save_data": (
        "Your browser asks to save data. The button downloads {size}: use it on Wi-Fi if you can."
    ),
    "offline.keep.button": "Save this course for offline use ({size})",
    "offline.keep.progress_label": "Saving the course for offline use",
    "offline.keep.downloading": "Saving: {loaded} of {total}.",
    "offline.keep.kept": (
        "Saved on this device: the whole course, its interactive parts included, works without a network."
    ),
    "offline.keep.failed": "The download stopped ({message}). Nothing is lost: press the button to try again.",
    "offline.keep.anyway": "Download {size} anyway",
    "status.idle": "Python starts in your browser when you reach this part of the page.",
    "status.loading": "Loading Python in your browser: {stage}… ",
    "status.loading_label": "Loading Python",
    "status.starting": "starting",
    "status.ready": "Ready. Python runs in your browser; nothing you enter leaves this device.",
    "status.failed": "{what}: {reason}. You can still read and print this page. ",
    "status.failed.start": "Python could not start in this browser",
    "status.failed.running": "Python stopped working in this browser",
    "status.failed.call": "Python could not finish this step",
    "status.failed.widget": "This part of the page could not be started",
    "status.unknown_reason": "unknown reason",
    "status.retry": "Retry",
    # ------------------------------------------------ the engine's start and failures
    # (engine-client.js, worker.js, support.js, bridge.js)
    "engine.stage.starting": "Starting",
    "engine.stage.download": "Downloading the Python runtime",
    "engine.stage.python": "Starting Python",
    "engine.stage.engine": "Loading the course engine",
    "engine.stage.ready": "Ready",
    "engine.stage.failed": "Failed",
    "engine.stage.widget": "loading this part of the page",
    "engine.error.engine_download": "the course engine could not be downloaded (HTTP {status})",
    "engine.error.runtime_download": "the Python runtime could not be downloaded",
    "engine.error.worker_stopped": "the Python worker stopped",
    "engine.error.worker_no_start": "the Python worker could not start",
    "engine.error.worker_detail": "{reason} ({detail})",
    "engine.error.unreadable": "a message from the Python worker could not be read",
    "engine.error.boot_timeout": "Python took too long to start",
    "engine.error.call_timeout": "Python stopped answering",
    "engine.error.not_running": "the Python worker is not running",
    "engine.error.unknown": "unknown error",
    "engine.error.unknown_widget": "this page asks for a widget the course does not have ('{kind}')",
    "engine.error.widget_load": "the '{kind}' widget could not be loaded ({reason})",
    "engine.error.widget_start": "the '{kind}' widget could not start ({reason})",
    "engine.unsupported": ("it lacks {features}, which Python needs; a current Firefox, Safari, Chrome or Edge has it"),
    "engine.unsupported_many": (
        "it lacks {features}, which Python needs; a current Firefox, Safari, Chrome or Edge has them"
    ),
    "engine.feature.module_workers": "module workers",
    # ------------------------------------------------ presentation mode (present.js)
    "present.toggle": "Present",
    "present.toggle_title": "Show this lesson one section at a time, in large type (key: P)",
    "present.bar": "Presentation",
    "present.previous": "Previous",
    "present.next": "Next",
    "present.qr": "QR code",
    "present.exit": "Exit",
    "present.position": "{n} / {total}: {title}",
    "present.question.previous": "Previous question",
    "present.question.reveal": "Reveal answer",
    "present.question.next": "Next question",
    "present.question.count": "Question {n} of {total}",
    "present.answer": "Answer",
    "present.no_key": "This question has no answer key.",
    # ------------------------------------------------ words the style sheets show (CSS ``content``)
    "css.not_answered": " (not answered)",
    "css.right_answer": " ✓ right answer",
    "css.worksheet_name": "Name: ______________________________    Date: ______________",
    "css.worksheet_name_score": "Name: ________________________    Date: ____________    Score: ______ / ",
    # ------------------------------------------------ the classroom bundle opened from disk (file-notice.js)
    "offline.file_notice": (
        "The interactive part of this page runs Python in your browser, which needs the course "
        "launcher. Close this window and double-click serve.py in the course folder (the README "
        "explains how on Windows, macOS and Linux): the course then opens in your browser with "
        "everything working. Until then you can read and print this page; each quiz has its "
        "answer key below the questions."
    ),
}
