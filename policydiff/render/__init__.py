"""Writers of a comparison: the HTML report, the Word 对照表, the JSON form, and atomic file output.

May import: the standard library, third-party writers (jinja2, python-docx), policydiff.model,
policydiff.errors and the packages below (lang … present). Never Qt.
"""
