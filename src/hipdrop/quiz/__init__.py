"""Quizzes: the bank model, grading and static rendering."""
