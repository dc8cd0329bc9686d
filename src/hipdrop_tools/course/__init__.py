"""The course folder as the generator reads it: where things are (``project``), its settings in
mkdocs.yml (``config``), its own Python (``course_package``: the ``macros/`` folder), the extension point
(``packs``), its data (``quizzes``, ``data_files``, ``loading``) and the errors that name file and field."""
