"""A document's history across many versions (法规变迁): lineages, and their JSON, HTML and Excel forms.

May import: the standard library and the pure policydiff modules (never PySide6).
"""
