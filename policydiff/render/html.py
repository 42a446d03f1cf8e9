"""The self-contained HTML comparison report (新旧对照表) that users send to colleagues and print.

One HTML file that any browser opens offline, years later: inline CSS, no fetched fonts, no
script. Document text reaches the page only through Jinja2's autoescape: this module cuts each
unit's text into plain-text segments tagged with what they are (kept, deleted, inserted, a changed
figure) and the template alone writes markup.
May import: the standard library, jinja2, policydiff, policydiff.model, policydiff.lang.numerals,
policydiff.lang.safetext, policydiff.present.projection.
Never PySide6.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from typing import NamedTuple

import jinja2
from markupsafe import Markup

from policydiff import __version__
from policydiff.figures.compare import (
    Shift,
    effective_date,
    figure_counts,
    finite_ratio,
    shift,
    subject_similarity,
    unit_place,
)
from policydiff.figures.extract import qualifier_text
from policydiff.lang.numerals import AMOUNT_DIGITS, chinese_amount, plain_number
from policydiff.lang.safetext import xml_safe
from policydiff.model import (
    ComparedDocument,
    Comparison,
    Figure,
    FigureChange,
    FigureKind,
    NormalizeMode,
    Pair,
    Script,
    Side,
    Status,
    Unit,
    unit_runs,
)
from policydiff.present import labels, palette
from policydiff.present.change_notes import ChangeNote, change_notes
from policydiff.present.differences import is_difference
from policydiff.present.ocrmarks import pair_uncertain, spans_in
from policydiff.present.projection import DISPLAY_RULES, Kind, SideProjection, project

TEMPLATE = "report.html.j2"

# The one vocabulary every view uses (policydiff.present.labels), in the report's language.
STATUS_LABELS = {status: label.zh for status, label in labels.STATUS.items()}
LEVEL_LABELS = {level: label.zh for level, label in labels.LEVEL.items()}
NORMALIZE_LABELS: dict[NormalizeMode, str] = {mode: label.zh for mode, label in labels.NORMALIZE.items()}
SCRIPT_LABELS: dict[Script, str] = {script: label.zh for script, label in labels.SCRIPT.items()}
CAPTION_CHARS = 40  # how much of an unlabelled unit's text stands in for its heading
MAX_DEPTH_CLASS = 4  # deeper units indent no further
# how each kind of projected span reaches the template (Segment.kind)
SEGMENT_KINDS = {Kind.DELETED: "del", Kind.INSERTED: "ins", Kind.SHARED: "shared"}


class Segment(NamedTuple):
    """A run of one unit's text.

    ``kind`` is eq | del | ins | shared (a phrase both sides have, marked in a rewrite); ``fig``
    the tooltip of a changed figure (empty if none); ``head`` says the run belongs to the unit's
    label and heading, which the page sets in bold.
    """

    kind: str
    text: str
    fig: str = ""
    head: bool = False
    low: bool = False  # recognised by OCR with low confidence: a difference here may be a misreading


@dataclass(frozen=True)
class Cell:
    """One side of a row: the unit's caption (label + heading) and its highlighted text."""

    caption: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Row:
    """One pair as the template shows it."""

    number: int
    anchor: str
    status: str
    status_label: str
    level: str
    level_label: str
    depth: int
    moved: bool
    manual: bool
    rewrite: bool  # shown as a rewrite: plain text, shared phrases marked (projection.is_rewrite)
    unpaired_by_hand: bool  # the user took this unit out of a pair: 人工取消配对, not 人工配对
    similarity: str
    figures_changed: int
    collapsed: bool
    left: Cell | None
    right: Cell | None
    group_note: str = ""  # a merge or split: "合并自 2.、3." / "拆分为 第十七条、第十八条"
    notes: tuple[ChangeNote, ...] = ()  # changes in meaning: obligations, owners, references
    ocr_uncertain: bool = False  # every difference lies in characters OCR read with low confidence
    difference: bool = False  # the one rule every view shares (policydiff.present.differences)

    @property
    def manual_label(self) -> str:
        return "人工取消配对" if self.unpaired_by_hand else "人工配对"

    @property
    def is_difference(self) -> bool:
        return self.difference

    @property
    def caption(self) -> str:
        """How the table of contents names the row: the right caption, else the left."""
        cell = self.right or self.left
        return cell.caption if cell else ""

    @property
    def captions(self) -> str:
        """Both captions, for a tooltip: a renumbered or renamed unit shows old → new."""
        if self.left and self.right and self.left.caption != self.right.caption:
            return f"{self.left.caption} → {self.right.caption}"
        return self.caption


@dataclass(frozen=True)
class FigureRow:
    """One changed figure in the appendix, keyed by the article it stands in (both sides' labels)."""

    anchor: str
    number: int
    place_left: str
    place_right: str
    status: str
    status_label: str
    subject: str
    left: str
    right: str
    change: str
    qualifier: str


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    plain_name: str  # the name without control or bidi characters, for <title> and the page header
    path: str
    title: str
    format: str
    encoding: str
    size: str
    chars: int
    notices: tuple[str, ...] = ()  # how the file was read: tracked changes accepted, page headers left out
    script: str = ""  # the script reading and the conversion it was folded with
    left_out: tuple[str, ...] = ()  # lines not compared (page furniture, text outside the document)


def render_report(
    comparison: Comparison,
    collapse_unchanged: bool = True,
    generated_at: datetime | None = None,
    rewrites: bool = True,
) -> str:
    """Render a comparison as one self-contained HTML page.

    Args:
        comparison: the comparison to show.
        collapse_unchanged: show unchanged units as their heading only, in a closed ``<details>``,
            so the report reads as its changes.
        generated_at: the date printed in the header; now when None (fix it for repeatable output).
        rewrites: show a pair under ``DISPLAY_RULES.rewrite_below`` similarity as a rewrite (plain
            text, shared phrases marked), as the window does by default; False: every pair as a
            word diff (the window's View switch turned off).

    Returns:
        The HTML text (the caller writes it, e.g. with ``policydiff.render.outputs.write_atomically``).
    """
    rows = report_rows(comparison, collapse_unchanged, rewrites)
    summary = comparison.summary
    moment = generated_at or datetime.now().astimezone()
    left, right = _document_info(comparison.left), _document_info(comparison.right)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            left=left,
            right=right,
            kind=pair_kind(comparison),
            figure_counts=figure_counts(comparison.pairs),
            generated=moment.strftime("%Y-%m-%d %H:%M"),
            normalize=NORMALIZE_LABELS[comparison.options.normalize],
            show_normalization_diffs=comparison.options.show_normalization_diffs,
            summary=summary,
            identical=not any(row.is_difference for row in rows),
            collapse=collapse_unchanged,
            rows=rows,
            differences=[row for row in rows if row.is_difference],
            figures=_figure_rows(comparison),
            rewrites=[row for row in rows if row.rewrite],
            rewrite_below=f"{DISPLAY_RULES.rewrite_below:.0%}",
            version=__version__,
            palette_css=palette.css_variables(),
        )
    )


@functools.cache
def _environment() -> jinja2.Environment:
    """Templates come from the policydiff.resources package, so a PyInstaller bundle finds them too.

    One environment per process: it keeps each template compiled (compiling the report's template
    took a tenth of a second, for every child of a coverage run).
    """
    folder = files("policydiff.resources")
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: folder.joinpath(name).read_text(encoding="utf-8")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_html_safe,
    )
    env.filters["css_string"] = css_string
    return env


def _html_safe(value: object) -> object:
    """Every value a template prints, without the characters a page cannot carry (a control
    character in a file name or an error message shows as U+FFFD, as in the other outputs)."""
    if isinstance(value, Markup):
        return Markup(xml_safe(str(value)))
    if isinstance(value, str):
        return xml_safe(value)
    return value


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string: everything but letters and digits as a hex escape, so no
    file name can close the string or the <style> element."""
    out = "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}" for c in plain(text))
    return Markup(f'"{out}"')  # safe: nothing but letters, digits and escapes


_CONTROL_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def plain(text: str) -> str:
    """Text without control and bidi-override characters (a file name shown where markup cannot
    isolate it: the page title, the printed header)."""
    text = _CONTROL_RE.sub("", text)
    return "".join(c if unicodedata.category(c)[0] != "C" else "\ufffd" for c in text)


# Years in a title or file name: 2019–2039 (a policy's edition), not document numbers.
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DRAFT_WORDS = ("征求意见稿", "草案", "送审稿", "讨论稿", "draft")


SAME_TITLE = 0.6  # bigram similarity of two titles (years and draft words left out) for one document


def _bare_title(title: str) -> str:
    """A title without its years, draft words and bracketed notes: what names the document."""
    title = re.sub(r"[(（][^()（）]{0,60}[)）]", "", _YEAR_RE.sub("", title))
    for word in _DRAFT_WORDS:
        title = title.replace(word, "")
    return re.sub(r"[\s\d_.\-〔〕\[\]“”\"年度]", "", title)


def pair_kind(comparison: Comparison) -> str:
    """新旧对照 when the left document is an older version of the right one, else 文件对照.

    The rule: the two titles (the file names when a side has no title) must name one document,
    with bigram similarity ≥ SAME_TITLE once years, draft words and bracketed notes are left out
    (a province's policy and a city's implementation do not). Then the left is older when the
    latest year in its title (else its file name) is smaller, or when the years agree or are
    missing and only the left is a draft (征求意见稿, 草案, 送审稿, 讨论稿). File dates are not
    used: copies and downloads reset them.
    """
    sides_ = (comparison.left, comparison.right)
    titles = [side.tree.title for side in sides_]
    if not all(titles):  # a side without a title line: compare both file names instead
        titles = [side.document.name.rsplit(".", 1)[0] for side in sides_]
    titles = [_bare_title(t) for t in titles]
    if not all(titles) or subject_similarity(*titles) < SAME_TITLE:
        return "文件对照"
    sides = []
    for side in (comparison.left, comparison.right):
        title, name = side.tree.title or "", side.document.name
        years = [int(y) for y in _YEAR_RE.findall(title)] or [int(y) for y in _YEAR_RE.findall(name)]
        draft = any(w in title or w in name.lower() for w in _DRAFT_WORDS)
        sides.append((max(years) if years else None, draft))
    (ly, ld), (ry, rd) = sides
    if ly is not None and ry is not None and ly != ry:
        return "新旧对照" if ly < ry else "文件对照"
    return "新旧对照" if ld and not rd else "文件对照"


def _document_info(side: ComparedDocument) -> DocumentInfo:
    doc = side.document
    return DocumentInfo(
        name=doc.name,
        plain_name=plain(doc.name),
        path=doc.path,
        title=side.tree.title,
        format=doc.format,
        encoding=doc.encoding or "—",
        size=_byte_size(doc.size),
        chars=len(doc.text),
        notices=doc.notices,
        script=script_line(side),
        left_out=left_out_lines(side),
    )


LEFT_OUT_LABELS = {kind: label.zh for kind, label in labels.LEFT_OUT.items()}
LEFT_OUT_EXCERPT = 40  # characters of a left-out line the report quotes


def left_out_lines(side: ComparedDocument) -> tuple[str, ...]:
    """``导航：您的位置:首頁 > 要聞``: each line not compared, with what it is, shortened."""
    text = side.document.text
    out = []
    for start, end, kind in side.tree.left_out:
        line = " ".join(text[start:end].split())
        if len(line) > LEFT_OUT_EXCERPT:
            line = line[:LEFT_OUT_EXCERPT] + "…"
        out.append(f"{LEFT_OUT_LABELS.get(kind, kind)}：{line}")
    return tuple(out)


def script_line(side: ComparedDocument) -> str:
    """``繁体（台湾用词） · 自动识别 · 按 tw2sp 转换后比较``: how this side's script was read."""
    how = "用户指定" if side.script_set else "自动识别"
    if side.conversion == NormalizeMode.NONE:
        return f"{SCRIPT_LABELS[side.script]} · {how} · 不转换"
    return f"{SCRIPT_LABELS[side.script]} · {how} · 按 {side.conversion.value} 转换后比较"


def _byte_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB（{size:,} 字节）"
    if size >= 1024:
        return f"{size / 1024:.1f} KB（{size:,} 字节）"
    return f"{size} 字节"


def _row(
    comparison: Comparison, number: int, pair: Pair, collapse_unchanged: bool, rewrites: bool = True
) -> Row:
    # one projection for every view (policydiff.present.projection, as the panes and the JSON): a rewrite
    # (low similarity) is plain text with its shared phrases marked; changed figures always are
    rewrite = None if rewrites else False
    left_view = project(pair, Side.LEFT, comparison.left.text, rewrite=rewrite)
    right_view = project(pair, Side.RIGHT, comparison.right.text, rewrite=rewrite)
    left_marks = [(s, e, SEGMENT_KINDS[k]) for s, e, k in left_view.marks]
    right_marks = [(s, e, SEGMENT_KINDS[k]) for s, e, k in right_view.marks]
    left_figs, right_figs = _figure_marks(left_view, right_view)
    unit = pair.left or pair.right
    depth = unit.depth if unit else 0
    both = pair.left is not None and pair.right is not None
    return Row(
        number=number,
        anchor=f"pair-{number}",
        status=str(pair.status),
        status_label=STATUS_LABELS.get(pair.status, str(pair.status)),
        difference=is_difference(pair),
        level=str(pair.level),
        level_label=LEVEL_LABELS.get(pair.level, str(pair.level)),
        depth=min(depth, MAX_DEPTH_CLASS),
        moved=pair.moved,
        manual=pair.manual,
        rewrite=left_view.rewrite,
        unpaired_by_hand=pair.manual and not both,
        similarity=_percent(pair.similarity) if both else "",
        figures_changed=pair.figures_changed,
        collapsed=collapse_unchanged and pair.status == Status.UNCHANGED and not pair.moved,
        left=_cell(
            comparison.left.text, pair.left, left_marks, left_figs, pair.left_units, _low(comparison.left)
        ),
        right=_cell(
            comparison.right.text,
            pair.right,
            right_marks,
            right_figs,
            pair.right_units,
            _low(comparison.right),
        ),
        group_note=_group_note(pair),
        notes=tuple(change_notes(pair)),
        ocr_uncertain=pair_uncertain(pair, comparison.left.document, comparison.right.document),
    )


def _low(side: ComparedDocument) -> tuple[tuple[int, int], ...]:
    """Spans of the side's text that OCR read with low confidence (none for a text document)."""
    return side.document.ocr.uncertain if side.document.ocr is not None else ()


def _percent(similarity: float) -> str:
    """Similarity in whole percent, rounded, except across a line a reader checks: a pair under
    the rewrite threshold (29.8 %) never reads 30 % beside its 改写 badge, and a pair that is not
    identical never reads 100 %."""
    if not math.isfinite(similarity):
        return ""
    value = round(similarity * 100)
    below = DISPLAY_RULES.rewrite_below * 100
    if similarity * 100 < below <= value:
        value = math.ceil(below) - 1
    if similarity < 1 and value >= 100:
        value = 99
    return f"{value}%"


def _group_note(pair: Pair) -> str:
    """Names the units a merge took in or a split became."""
    if pair.also_left:
        return "合并自 " + "、".join(u.label or u.heading[:8] for u in pair.left_units)
    if pair.also_right:
        return "拆分为 " + "、".join(u.label or u.heading[:8] for u in pair.right_units)
    return ""


def _figure_marks(
    left: SideProjection, right: SideProjection
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Spans of the changed figures on each side (as projected), each with the tooltip that
    explains the change."""
    return (
        [(s, e, _figure_tip(change)) for s, e, change in left.figures],
        [(s, e, _figure_tip(change)) for s, e, change in right.figures],
    )


def _figure_tip(change: FigureChange) -> str:
    subject = f"{change.subject}：" if change.subject else ""
    if change.left is not None and change.right is not None:
        return f"{subject}{change.left.text} → {change.right.text}"
    if change.right is not None:
        return f"{subject}新增数字 {change.right.text}"
    if change.left is not None:
        return f"{subject}删除数字 {change.left.text}"
    return subject


# Between the runs of a far merge or split: the text between them belongs to other pairs.
FAR_GAP = "\n⋯\n"


def _cell(
    text: str,
    unit: Unit | None,
    marks: list[tuple[int, int, str]],
    figs: list[tuple[int, int, str]],
    group: tuple[Unit, ...] = (),
    low: tuple[tuple[int, int], ...] = (),
) -> Cell | None:
    if unit is None:
        return None
    # a group shows all its units' text; units far apart, run by run with a gap mark between
    segments: list[Segment] = []
    for run in unit_runs(group or (unit,)):
        start, end = run[0].start, run[-1].own_end
        if segments:
            segments.append(Segment("eq", FAR_GAP))
        heading_end = _heading_end(text, unit) if unit in run else start
        segments.extend(_segments(text, start, end, marks, figs, heading_end, spans_in(low, start, end)))
    return Cell(caption=_caption(text, unit), segments=tuple(segments))


def _caption(text: str, unit: Unit) -> str:
    """Label and heading as written; an unlabelled unit is named by its first characters."""
    caption = " ".join(f"{unit.label}{unit.heading}".split())
    caption = caption or " ".join(text[unit.start : unit.own_end].split())
    return caption if len(caption) <= CAPTION_CHARS else caption[:CAPTION_CHARS] + "…"


# A law's article (第十二条): its "heading" is the first sentence of its text, not a title to set bold.
_LAW_ARTICLE_RE = re.compile(r"第[0-9零〇一二三四五六七八九十百千两]{1,8}条")


def _heading_end(text: str, unit: Unit) -> int:
    """Where a numbered unit's label and heading end in the text; unlabelled units have no heading,
    and a law's article (第X条) has only its label: the structure's heading there is a sentence."""
    if not unit.label:
        return unit.start
    own = text[unit.start : unit.own_end]
    at = own.find(unit.label)
    if at < 0:
        return unit.start
    end = at + len(unit.label)
    if unit.heading and not _LAW_ARTICLE_RE.fullmatch(unit.label.strip()):
        found = own.find(unit.heading, end)
        if found >= 0:
            end = found + len(unit.heading)
    return unit.start + end


def _segments(
    text: str,
    start: int,
    end: int,
    marks: list[tuple[int, int, str]],
    figs: list[tuple[int, int, str]],
    heading_end: int = 0,
    low: list[tuple[int, int]] | None = None,
) -> list[Segment]:
    """Cut ``text[start:end]`` into runs of equal kind, figure and heading flag.

    Every span is clipped to the unit. Layout whitespace is tidied for reading, whatever the edits
    say about it: the whitespace around the unit is dropped, a run of blank lines and indentation
    becomes one line break, and a run of only whitespace is never tinted as deleted or inserted.
    """
    size = end - start
    kinds = ["eq"] * size
    tips = [""] * size
    for s, e, kind in marks:
        for i in range(max(s, start), min(e, end)):
            kinds[i - start] = kind
    for s, e, tip in figs:
        for i in range(max(s, start), min(e, end)):
            tips[i - start] = tip
    unsure = [False] * size
    for s, e in low or ():
        for i in range(max(s, start), min(e, end)):
            unsure[i - start] = True
    keep = _layout_mask(text, start, end)
    segments: list[Segment] = []
    key: tuple[str, str, bool, bool] | None = None
    run: list[str] = []
    for i in range(size):
        if not keep[i]:
            continue
        char = text[start + i]
        space = char.isspace()
        here = ("eq" if space else kinds[i], tips[i], start + i < heading_end, unsure[i] and not space)
        # whitespace takes the kind of the run it stands in, so it never starts a tinted run
        if key is None or (here != key and not (space and key[1:] == here[1:])):
            if run and key is not None:
                segments.append(Segment(key[0], "".join(run), key[1], key[2], key[3]))
            key, run = here, []
        run.append(char)
    if run and key is not None:
        segments.append(Segment(key[0], "".join(run), key[1], key[2], key[3]))
    return segments


def _layout_mask(text: str, start: int, end: int) -> list[bool]:
    """Which characters of ``text[start:end]`` to show: all but layout whitespace (see _segments)."""
    keep = [True] * (end - start)
    lo, hi = start, end
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    for i in range(start, lo):
        keep[i - start] = False
    for i in range(hi, end):
        keep[i - start] = False
    i = lo
    while i < hi:
        if not text[i].isspace():
            i += 1
            continue
        j = i
        while j < hi and text[j].isspace():
            j += 1
        block = text[i:j]
        if "\n" in block or "\r" in block:
            newline = i + min(p for p in (block.find("\n"), block.find("\r")) if p >= 0)
            for k in range(i, j):
                keep[k - start] = False
            keep[newline - start] = True
        i = j
    return keep


def _figure_rows(comparison: Comparison) -> list[FigureRow]:
    """One row per figure change inside a unit both sides keep; one row per wholly added or removed
    unit listing its figures (they are not changes of a figure: the whole unit is new or gone)."""
    rows: list[FigureRow] = []
    for number, pair in enumerate(comparison.pairs, 1):
        place_left = unit_place(comparison.left.tree.units, pair.left)
        place_right = unit_place(comparison.right.tree.units, pair.right)
        alone = [c for c in pair.figures if c.elsewhere is None]
        if (pair.left is None or pair.right is None) and alone:
            added = pair.left is None
            shown = (c.right if added else c.left for c in alone)
            listed = "、".join(f.text for f in shown if f is not None)
            status = Status.ADDED if added else Status.REMOVED
            rows.append(
                FigureRow(
                    anchor=f"pair-{number}",
                    number=number,
                    place_left=place_left,
                    place_right=place_right,
                    status=str(status),
                    status_label=STATUS_LABELS[status],
                    subject=f"{'新增' if added else '删除'}条目中的数字（{len(alone)} 个）",
                    left="" if added else listed,
                    right=listed if added else "",
                    change="",
                    qualifier="",
                )
            )
        for change in pair.figures:
            if change.status == Status.UNCHANGED or (pair.left is None or pair.right is None) != (
                change.elsewhere is not None
            ):
                continue  # a moved figure is listed once, under the scattered unit it came from
            if change.elsewhere is not None:
                elsewhere = change.elsewhere
                place_left = place_left or unit_place(comparison.left.tree.units, elsewhere)
                place_right = place_right or unit_place(comparison.right.tree.units, elsewhere)
            rows.append(
                FigureRow(
                    anchor=f"pair-{number}",
                    number=number,
                    place_left=place_left,
                    place_right=place_right,
                    status=str(change.status),
                    status_label=STATUS_LABELS.get(change.status, str(change.status)),
                    subject=change.subject,
                    left=change.left.text if change.left else "",
                    right=change.right.text if change.right else "",
                    change=_figure_change(change),
                    qualifier=_qualifier_change(change.left, change.right),
                )
            )
    return rows


def _figure_change(change: FigureChange) -> str:
    """Difference and ratio of a figure present on both sides, in the figure's own unit."""
    old, new, how = change.left, change.right, shift(change)
    if old is None or new is None or how is None:
        return ""
    if how == Shift.UNIT:
        return f"单位不同（{old.unit or '无'} → {new.unit or '无'}）"
    if how == Shift.BASIS:
        return f"计量口径不同（{old.per or '无'} → {new.per or '无'}）"
    if how == Shift.UPPER and old.value_high is not None and new.value_high is not None:
        return f"上限 {_amount_change(new.value_high - old.value_high, old)}"
    if effective_date(change):
        return "施行日期变更"
    if how != Shift.AMOUNT:
        same = "日期相同" if FigureKind.DATE in (old.kind, new.kind) else "数值相同"
        return _SHIFT_WORDS.get(how, same)
    parts = [_amount_change(new.value - old.value, old)]
    ratio = finite_ratio(change)
    if ratio is not None and old.value > 0:
        growth = _number((ratio - 1) * 100, signed=True, digits=1)
        parts.append(f"×{_number(ratio, digits=2)}（{growth}%）")
    return "，".join(parts)


_SHIFT_WORDS = {
    Shift.RANGE: "范围改变",
    Shift.EARLIER: "提前",
    Shift.LATER: "推迟",
    Shift.DATE: "日期改变",
    Shift.DEADLINE: "期限表述改变",
    Shift.QUALIFIER: "数值相同，限定改变",
}


def _amount_change(difference: float, like: Figure) -> str:
    """A signed difference in the figure's own terms: percentage points or an amount with its unit."""
    if like.unit == "%" or like.kind == FigureKind.PERCENT:
        return f"{_number(difference, signed=True)}个百分点"
    return _quantity(difference, like.unit, signed=True)


def _qualifier_change(old: Figure | None, new: Figure | None) -> str:
    if old is None or new is None or old.qualifier == new.qualifier:
        return ""
    return f"{_qualifier(old)} → {_qualifier(new)}"


def _qualifier(figure: Figure) -> str:
    """A figure's qualifiers for reading: several arrive joined by "|"."""
    return qualifier_text(figure.qualifier) or "无"


def _quantity(value: float, unit: str, signed: bool = False) -> str:
    """A base-unit amount as a reader writes it: 2000000000 元 → 20亿元 (numerals.chinese_amount)."""
    return chinese_amount(value, unit, signed)


def _number(value: float, signed: bool = False, digits: int = AMOUNT_DIGITS) -> str:
    return plain_number(value, signed, digits)


def report_rows(comparison: Comparison, collapse_unchanged: bool = True, rewrites: bool = True) -> list[Row]:
    """The report's rows, for other renderings of the same table (the Word export)."""
    return [
        _row(comparison, n, pair, collapse_unchanged, rewrites) for n, pair in enumerate(comparison.pairs, 1)
    ]


def figure_rows(comparison: Comparison) -> list[FigureRow]:
    """The figure appendix's rows (every figure that is not unchanged), in reading order."""
    return _figure_rows(comparison)
