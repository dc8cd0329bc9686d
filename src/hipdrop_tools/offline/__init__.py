"""A course that works without a network: the service worker, the keep-for-offline control, pages
that work from disk, compressed copies, the static server and the classroom bundle."""
