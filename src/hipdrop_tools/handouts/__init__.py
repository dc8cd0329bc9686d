"""Printed handouts: PDFs of the built site, made with Chromium after `mkdocs build`.

- ``site_pages``: read the built site (course title, language, disclaimer, nav order, titles,
  quizzes, widgets);
- ``plan``: decide what to print, from the course's ``handouts`` options and its packs' own;
- ``page_script``: the arguments of the script that prepares a page for paper (``js/page.js``;
  print.css does the styling);
- ``running``: the running header and footer;
- ``html``: the HTML the handouts write (Jinja templates in ``templates/``);
- ``printer``: Chromium through Playwright, one browser for the whole run;
- ``booklet``: the course booklet with its contents page;
- ``pdf_files``: pypdf post-processing and facts;
- ``listing``: the manifest, the Handouts page list and the PDF links on pages;
- ``run``: all of it, for ``hipdrop handouts``.

Printing needs Playwright (``pip install 'hipdrop[handouts]'``) and Chromium; nothing imports them
until a handout is printed, so the plan and a pack's handouts can be read without them.
"""
