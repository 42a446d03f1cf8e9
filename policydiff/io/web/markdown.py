"""Turn Markdown into plain lines, so a law kept as Markdown reads like its printed text.

Heading markers, emphasis, link syntax, comments (``<!-- INFO END -->``) and the odd inline
HTML tag are removed; numbering such as ``1.`` and ``（一）`` is text and stays. Angle brackets
around Chinese titles (``《关于修改<中华人民共和国法官法>等八部法律的决定》``) are not tags and stay.
May import: the standard library, policydiff.io.web.html.
"""

from __future__ import annotations

import html
import re

from policydiff.io.web.html import strip_front_matter

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Only real (ASCII-named, known) HTML tags are removed.
_TAG = re.compile(
    r"</?(?:p|div|span|a|b|i|u|s|em|strong|sup|sub|font|center|small|big|del|ins|mark|img|u)"
    r"\b[^<>\n]{0,500}>",
    re.IGNORECASE,
)
# An ATX heading line; its closing hashes are removed in _heading_text with str methods, so the
# pattern itself is one forward pass (the old lazy body before optional "  ##" was quadratic).
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*)|[ \t]*)$", re.MULTILINE)
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)  # underline of a heading
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~).*$\n?", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE)
# Spans are bounded ({1,N}) so that a long line full of unmatched brackets stays linear.
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\([^()\n]{0,2000}\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,500}\]")
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,500}\]:[ \t]+\S+.*$\n?", re.MULTILINE)
_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,1000})(?<=\S)\*\*|__(?=[^\s_])([^_\n]{1,1000})(?<=\S)__")
_EM = re.compile(r"(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]{1,1000})(?<=\S)\*(?!\*)")
_STRIKE = re.compile(r"~~(?=[^\s~])([^~\n]{1,1000})(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]{1,1000})`")
_TABLE_RULE_LINE = re.compile(r"^[ \t|:]*-[ \t|:-]*$", re.MULTILINE)  # candidates, checked by _is_rule
_RULE_CELL = re.compile(r":?-{3,}:?")
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _heading_text(match: re.Match[str]) -> str:
    """The text of an ATX heading: closing hashes (after a blank) and trailing blanks removed."""
    body = (match[1] or "").rstrip(" \t")
    bare = body.rstrip("#")
    if bare != body and (not bare or bare[-1] in " \t"):
        body = bare.rstrip(" \t")
    return body


def _drop_table_rule(match: re.Match[str]) -> str:
    """A table's header rule (``|---|:--:|``) goes; any other line of dashes and bars stays."""
    line = match[0].strip(" \t")
    inner = line[1:] if line.startswith("|") else line
    inner = inner[:-1] if inner.endswith("|") else inner
    cells = [cell.strip(" \t") for cell in inner.split("|")]
    return "" if all(_RULE_CELL.fullmatch(cell) for cell in cells) else match[0]


def md_to_text(text: str) -> str:
    """Plain text of a Markdown document; one output line per source line except dropped markup.

    Table rows become tab-separated cells, like tables from HTML and Word files.
    """
    text = strip_front_matter(text)
    text = _COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    text = _TABLE_RULE_LINE.sub(_drop_table_rule, text)
    text = _TABLE_ROW.sub(lambda m: "\t".join(c.strip() for c in m[1].split("|")), text)
    text = _HEADING.sub(_heading_text, text)
    text = _SETEXT.sub("", text)
    text = _RULE.sub("", text)
    text = _LINK_DEF.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(r"\1", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m[1] or m[2], text)
    text = _STRIKE.sub(r"\1", text)
    text = _EM.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _BR.sub("\n", text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text)
