"""Figures in policy texts: amounts, areas, quotas, ratios and dates, found and compared.

``extract`` finds them in a unit's text, ``dates`` the dates and deadlines, ``compare`` pairs the
figures of two aligned units and says how each moved.

May import: the standard library, policydiff.model, policydiff.lang.
"""
