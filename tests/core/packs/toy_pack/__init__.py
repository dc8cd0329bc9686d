"""A toy course pack for the tests of the extension point (hipdrop_tools.course.packs): one widget, one
worker method, one macro, one stylesheet."""
