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
    # ------------------------------------------------ generated problems (hipdrop.quiz.generated_html)
    "quiz.problem.given": "Given",
    "quiz.problem.working": "How to work it out",
    "quiz.button.new_numbers": "New numbers",
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
    "quiz.live.problem_failed": "New numbers could not be made: {reason}",
    "quiz.live.new_numbers": "New numbers: {values}.",
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
    "offline.keep.megabytes": "{n} MB",
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
    "engine.error.engine_checksum": "the course engine did not match its checksum, so it was not run",
    "engine.error.engine_install": "the course engine could not be loaded",
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
    "present.more_below": "More below ↓",
    "present.notes": "Speaker notes",
    "present.notes_button": "Notes",
    "present.notes_none": "No notes for this slide.",
    "present.notes_next": "Next: {title}",
    "present.notes_last": "This is the last slide.",
    "present.notes_blocked": "The browser blocked the notes window: allow pop-ups for this site, then press S again.",
    "present.timer": "Elapsed: {time}",
    "present.timer_restart": "Restart the timer",
    # ------------------------------------------------ result codes: the student's side (quiz.js, result-code-view.js)
    "quiz.live.code_summary": "Result code for your teacher",
    "quiz.live.code_intro": (
        "If your teacher collects results, show them this code or let them scan the QR code. It holds this "
        "quiz's answers and score, and nothing about you unless you type a name below."
    ),
    "quiz.live.code_nickname": "Name or nickname (optional)",
    "quiz.live.code_label": "Your result code",
    "quiz.live.code_qr": "QR code of your result code",
    "quiz.live.code_failed": "The result code could not be made: {reason}",
    # ------------------------------------------------ result codes read (hipdrop.quiz.class_results)
    "results.refused.empty": "There is no code on this line.",
    "results.refused.characters": "This is not a result code: it has characters a code never has ({characters}).",
    "results.refused.format": (
        "This code was made by another version of the course software, which this page cannot read."
    ),
    "results.refused.check": (
        "This code has a typing mistake: its last character does not match the others. Check it against the "
        "student's screen."
    ),
    "results.refused.unknown_quiz": "This code is for a quiz this course does not have.",
    "results.refused.other_version": (
        "This code comes from another version of the quiz “{title}”: the quiz has changed since. It can be read "
        "only on the version of the course the student used."
    ),
    "results.refused.damaged": (
        "This code cannot be read: it does not hold a whole result (a character may be mistyped)."
    ),
    "results.refused.duplicate": "This code is already in the class.",
    "results.band": "{low}–{high}%",
    "results.csv.quiz": "quiz",
    "results.csv.version": "version",
    "results.csv.nickname": "nickname",
    "results.csv.score": "score",
    "results.csv.max": "out of",
    "results.csv.percent": "percent",
    "results.csv.question": "Question {n}",
    # ------------------------------------------------ the teacher's class results page (class-results.js)
    "class.title": "Your class's results",
    "class.status.static": (
        "This page reads your students' result codes with Python in your browser. It starts when you reach "
        "this part of the page."
    ),
    "class.privacy": (
        "The codes and the table stay in this browser, on this device. Nothing is sent anywhere. "
        "“Delete this class” removes them."
    ),
    "class.paste.label": "Paste or type codes, one per line",
    "class.paste.add": "Add these codes",
    "class.scan.start": "Scan QR codes with the camera",
    "class.scan.stop": "Stop the camera",
    "class.scan.video": "Camera view",
    "class.scan.looking": "Camera on: hold a student's QR code in view. Each code is added once.",
    "class.scan.no_camera": "The camera cannot be used here ({reason}). Paste or type the codes instead.",
    "class.scan.added": "Added: {name}, {percent}%.",
    "class.added_one": "1 code added.",
    "class.added_many": "{count} codes added.",
    "class.added_none": "No code added.",
    "class.refused_heading": "Not added",
    "class.refused_line": "Line {line}, “{text}”:",
    "class.empty": "No results yet. Add the codes your students show you.",
    "class.quiz_facts": "{students} students, mean score {mean}%. Version {version} of the quiz.",
    "class.quiz_facts_one": "1 student, score {mean}%. Version {version} of the quiz.",
    "class.distribution": "Spread of scores",
    "class.col.band": "Score",
    "class.col.count": "Students",
    "class.questions": "Question by question",
    "class.col.question": "Question",
    "class.col.right": "Right",
    "class.col.wrong": "Wrong answer chosen most often",
    "class.right_cell": "{percent}% ({right} of {students})",
    "class.partial_cell": "{partial} partly right",
    "class.wrong_count": "{count} chose:",
    "class.no_wrong": "None",
    "class.rows": "Students",
    "class.col.nickname": "Name",
    "class.col.score": "Score",
    "class.no_nickname": "(no name)",
    "class.score_cell": "{score} / {max} ({percent}%)",
    "class.project": "Show on the projector",
    "class.project_exit": "Back to the full page",
    "class.project_note": "On the projector: no names, only the class as a whole.",
    "class.csv": "Export CSV",
    "class.csv_file": "class-results.csv",
    "class.delete": "Delete this class",
    "class.delete_confirm": "Delete every code of this class from this browser? This cannot be undone.",
    "class.deleted": "The class is deleted: nothing of it is kept in this browser.",
    "class.store_blocked": (
        "This browser does not let the page keep anything: the class is lost when you leave or reload the page."
    ),
    "class.read_failed": "The codes could not be read: {reason}",
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
    # ------------------------------------------------ printed handouts (hipdrop handouts: PDFs, their list, links)
    "handouts.booklet.title": "{course}: course booklet",
    "handouts.booklet.label": "Course booklet.",
    "handouts.booklet.intro": "The pages of the course, in order. The numbers are page numbers in this booklet.",
    "handouts.group.booklet": "Course booklet",
    "handouts.group.quizzes": "Quiz worksheets and answer keys",
    "handouts.worksheet.title": "Worksheet: {name}",
    "handouts.key.title": "Answer key: {name}",
    "handouts.version.worksheet": "Worksheet, version {number} of {count}",
    "handouts.version.key": "Answer key, version {number} of {count}",
    "handouts.version.worksheet.title": "Worksheet: {name}, version {number} of {count}",
    "handouts.version.key.title": "Answer key: {name}, version {number} of {count}",
    "handouts.from": "From: {page}",
    "handouts.link.section": "{page}, section \u201c{section}\u201d",
    "handouts.footer.page": "Page {page} of {total}",
    "handouts.paper.a4": "A4",
    "handouts.paper.letter": "US Letter",
    "handouts.list.paper": "Paper size of these files: {paper}.",
    "handouts.list.pdf": "PDF",
    "handouts.list.page": "On the site",
    "handouts.list.pages": "Pages",
    "handouts.list.size": "Size",
    "handouts.list.file": "{title} (PDF)",
    "handouts.pages.one": "1 page",
    "handouts.pages.many": "{n} pages",
    "handouts.size.kb": "{n} KB",
    "handouts.size.mb": "{n} MB",
    "handouts.pdf_link": "Download this page as a PDF",
    "handouts.pdf_link.facts": "({paper}, {pages}, {size}).",
    "handouts.all": "All handouts",
    "handouts.search.intro": "The handouts, as PDF files:",
    "handouts.search.item": "{title} ({pages}, {size}, PDF)",
}
