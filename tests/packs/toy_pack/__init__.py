"""A toy course pack for the tests of the extension point (hipdrop_tools.packs): one widget, one
worker method, one macro, one stylesheet."""
