"""The MkDocs adapter: one plugin (``plugins: [search, hipdrop]``), its typed settings, and the
macro rendering of pages. Everything else it calls is plain functions in ``hipdrop_tools``."""
