"""The Hip Drop course pack (Trendelenburg gait): the program picker, the mechanics lab and the
exercise catalog. Its ``Pack`` is ``hipdrop_hip.pack:PACK`` (entry point ``hip-drop``).

This module stays empty: the engine wheel carries it as the parent of ``hipdrop_hip.engine``.
"""
