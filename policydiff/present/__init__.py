"""How a comparison is presented, whatever the view: the one projection of a pair onto a side,
and the reader's wording of changes in meaning.

Every view (the panes, the HTML report, the Word exports, the JSON) asks these modules, so the views
cannot drift apart.

May import: the standard library, policydiff.model and the packages below (lang … compare). Never Qt.
"""
