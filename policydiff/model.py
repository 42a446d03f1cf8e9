"""The data model every stage shares: loaded documents, their unit trees, figures and comparisons.

Plain frozen dataclasses, no behaviour beyond validation and small derived properties, so the
loaders, parser, aligner, report, JSON writer and GUI all speak one vocabulary.
May import: the standard library only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """What kind of unit a span of a document is; named after the numbering style it uses."""

    TITLE = "title"  # the title block (document name, 征求意见稿, document number ...)
    PREAMBLE = "preamble"  # unnumbered text before the first numbered unit
    CHAPTER = "chapter"  # 一、 / 第一章
    SECTION = "section"  # （一） / (一) / 第一节
    ARTICLE = "article"  # 1. / 1、 / 1． / 第一条
    ITEM = "item"  # （1） / ① , or （一） nested under an article
    EPILOGUE = "epilogue"  # closing paragraphs after the last unit (validity, 抄送 ...)
    ATTACHMENT = "attachment"  # 附件 / 附件1 / 附件：… and what follows it, up to the next one


class Status(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"  # only in the right document
    REMOVED = "removed"  # only in the left document


class Verdict(StrEnum):
    """How a child document (a city's plan) implements one unit of its parent (a province's)."""

    ADOPTED = "adopted"  # 照搬: taken over as it stands
    REFINED = "refined"  # 细化: kept and made more specific (or reworded at least as fully)
    RAISED = "raised"  # 加码: a bigger figure or a stronger duty
    WEAKENED = "weakened"  # 弱化: a smaller figure, a looser duty, or most of the text dropped
    PARTIAL = "partial"  # 部分落实: some of the parent unit's clauses are found in the child, others not
    MISSING = "missing"  # 缺失: no counterpart in the child


class HistoryMark(StrEnum):
    """What one step of a document's history (version i → i + 1) did to a unit, as a reader sees it."""

    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"  # the same words under a new number
    CHANGED = "changed"
    MOVED = "moved"  # stands elsewhere in the order (possibly reworded too)
    MERGED = "merged"  # took in another unit, or was taken into one
    SPLIT = "split"  # became several units, or is one of the parts
    ADDED = "added"
    REMOVED = "removed"


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"


class NormalizeMode(StrEnum):
    """How script is folded before comparing; the value is the OpenCC configuration's name."""

    T2S = "t2s"  # traditional → simplified characters and phrases (the default)
    TW2SP = "tw2sp"  # Taiwan → mainland, phrasing too (記憶體 → 内存)
    TW2S = "tw2s"  # Taiwan characters → simplified (著重 → 着重), phrasing left alone
    HK2S = "hk2s"  # Hong Kong traditional → simplified
    NONE = "none"  # only typography and whitespace are folded


DEFAULT_NORMALIZE = NormalizeMode.T2S


class Script(StrEnum):
    """The script and regional phrasing a document is written in (policydiff.lang.script reads it)."""

    MAINLAND = "mainland"  # simplified characters, mainland phrasing
    TRADITIONAL = "traditional"  # traditional characters, mainland phrasing (a plain s2t reprint)
    TAIWAN = "taiwan"  # traditional characters, Taiwan phrasing (支援, 資訊, 積體)
    HONGKONG = "hongkong"  # traditional characters, Hong Kong forms (衞, 户)


class Side(StrEnum):
    """One of the two documents of a comparison."""

    LEFT = "left"  # the older / higher-level document
    RIGHT = "right"  # the newer / implementing document


class FigureKind(StrEnum):
    """What a figure measures; amounts and counts with a denominator (每家) become rates."""

    AMOUNT = "amount"  # money: 元, 美元
    AREA = "area"
    ENERGY = "energy"  # 吨标准煤
    ELECTRICITY = "electricity"  # 千瓦时
    POWER = "power"  # 千瓦
    FREIGHT = "freight"  # 吨公里
    WEIGHT = "weight"
    LENGTH = "length"
    PERCENT = "percent"
    PERCENT_POINT = "percent_point"  # 个百分点
    MULTIPLE = "multiple"  # 倍
    PERIOD = "period"  # 3年, 15个工作日
    COUNT = "count"  # 个 家 人 项 ...
    RATE = "rate"  # an amount or count per something: 每家 / 每人每月
    RATIO = "ratio"  # 1:1
    NUMBER = "number"  # a bare number that a qualifier bounds (不超过3)
    DATE = "date"  # dates, deadlines, times of day (figures_dates)


class Qualifier(StrEnum):
    """The canonical qualifiers a figure may carry (``Figure.qualifier`` holds them as ``Qualifiers``)."""

    NOT_BELOW = "不低于"
    NOT_FEWER = "不少于"
    NOT_OVER = "不超过"
    NOT_HIGHER = "不高于"
    NOT_MORE = "不多于"
    NOT_GREATER = "不大于"
    NOT_SMALLER = "不小于"
    SHORT_OF = "不足"
    UNDER_REACH = "不到"
    HIGHEST = "最高"
    MOST = "最多"
    LOWEST = "最低"
    LEAST = "最少"
    LONGEST = "最长"
    AT_LEAST = "至少"
    STRIVE = "力争"
    SEEK = "争取"
    ENSURE = "确保"
    REACH = "达到"
    CUMULATIVE = "累计"
    NEW = "新增"
    EXCEED = "超过"
    BREAK_THROUGH = "突破"
    HIGHER_THAN = "高于"
    LOWER_THAN = "低于"
    MORE_THAN = "多于"
    FEWER_THAN = "少于"
    GREATER_THAN = "大于"
    SMALLER_THAN = "小于"
    NEAR = "近"
    BEYOND = "逾"
    CAP = "上限"
    ABOVE = "以上"
    BELOW = "以下"
    WITHIN = "以内"
    ABOUT = "左右"
    ODD = "余"  # 100余家: a little over
    PLUS = "多"  # 100多家
    BEFORE = "前"  # dates: 年底前
    AFTER = "后"
    FROM = "起"
    UNTIL = "止"


QUALIFIER_SEPARATOR = "|"  # between the qualifiers of one figure, in reading order (JSON)


@dataclass(frozen=True)
class Qualifiers:
    """The qualifiers of one figure: a set of ``Qualifier`` kept in reading order (力争 … 左右).

    A set to ask (``Qualifier.ABOUT in q``), ordered so a figure reads back as it was written; two
    are equal when they hold the same qualifiers in the same order. The JSON spells them joined by
    ``QUALIFIER_SEPARATOR`` ("力争|左右"), or null when there are none.
    """

    items: tuple[Qualifier, ...] = ()

    def __post_init__(self) -> None:
        items = tuple(dict.fromkeys(Qualifier(q) for q in self.items))  # each once, typed
        object.__setattr__(self, "items", items)

    @classmethod
    def parse(cls, joined: str | None) -> Qualifiers:
        """From the JSON spelling: "力争|左右" → (力争, 左右); None or "" → none."""
        return cls(tuple(Qualifier(q) for q in (joined or "").split(QUALIFIER_SEPARATOR) if q))

    def __iter__(self) -> Iterator[Qualifier]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, qualifier: object) -> bool:
        return qualifier in self.items

    def as_set(self) -> frozenset[Qualifier]:
        return frozenset(self.items)

    def joined(self) -> str | None:
        """The JSON spelling: "力争|左右", or None when there are none."""
        return QUALIFIER_SEPARATOR.join(self.items) or None

    def text(self) -> str:
        """For reading: "力争、新增、左右"; none → ""."""
        return "、".join(self.items)

    def __str__(self) -> str:
        return QUALIFIER_SEPARATOR.join(self.items)


Span = tuple[int, int]


@dataclass(frozen=True)
class OcrInfo:
    """How a scanned document's text was recognised, so a reader can weigh what it says."""

    pages: tuple[int, ...]  # 1-based pages (or image frames) whose text was recognised by OCR
    confidence: float  # mean probability of the recognised characters, 0..1
    characters: int  # characters recognised
    # [start, end) spans of LoadedDocument.text recognised with low confidence: a difference
    # there may be a misreading rather than a change
    uncertain: tuple[tuple[int, int], ...] = ()
    seals: int = 0  # red seals or stamps left out of the text
    engine: str = ""


@dataclass(frozen=True)
class LoadedDocument:
    """A document as read from disk: its text is what every offset in the program indexes."""

    path: str
    format: str  # txt | html | md | docx | pdf | doc | rtf | odt | mht | ofd ...
    encoding: str | None  # the text encoding used, None for docx/pdf
    text: str
    size: int = 0  # bytes on disk
    # What a reader should know about how the text was read, one line each, e.g. that the file
    # had tracked changes (shown as the final text) or that page headers were left out.
    notices: tuple[str, ...] = ()
    ocr: OcrInfo | None = None  # set when some of the text was recognised from page images

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Unit:
    """One unit of a document's structure, with spans into LoadedDocument.text.

    ``start``/``end`` cover the whole unit, children included; ``own_end`` is where the unit's
    own text (label, heading, body or intro) stops, i.e. the start of its first child.
    """

    level: Level
    label: str  # as written: "16." "（二十四）" "一、" "第三条"; "" for preamble/epilogue/title
    heading: str  # text after the label up to the first 。 (or the line's end)
    start: int
    end: int
    own_end: int
    depth: int  # 0 for top-level units
    index: int  # position in DocumentTree.units (reading order, parents before children)
    parent: int | None = None  # index of the enclosing unit
    number: int | None = None  # value of the label's numeral (16 for "16." and "（十六）")

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.own_end <= self.end):
            raise ValueError(f"bad unit span {self.start}..{self.own_end}..{self.end}")


@dataclass(frozen=True)
class DocumentTree:
    """A document's structure: every unit in reading order (pre-order: parent, then children)."""

    title: str
    units: tuple[Unit, ...]
    body_start: int = 0  # where the document proper starts (after web navigation junk)
    body_end: int = 0  # where it ends (before a source/editor footer)
    # Lines of the text no unit holds, so no pair compares them: page furniture (kind: navigation,
    # publication, share, links, footer; see policydiff.lang.furniture) or "outside" (a news lead
    # before the title). (start, end, kind), spans of the loaded text, in reading order.
    left_out: tuple[tuple[int, int, str], ...] = ()

    def children(self, unit: Unit) -> list[Unit]:
        return [u for u in self.units if u.parent == unit.index]

    def count(self, level: Level) -> int:
        return sum(1 for u in self.units if u.level == level)


@dataclass(frozen=True)
class Figure:
    """A number that matters (amount, area, quota, ratio, count) found in a text.

    ``start``/``end`` index the string the figure was extracted from; the pipeline maps them to
    the loaded text before a Figure reaches a Comparison.
    """

    text: str  # as written: "4000亿元左右"
    start: int
    end: int
    value: float  # in the base unit: 400000000000.0
    unit: str  # base unit: 元 亩 吨标准煤 平方米 公里 % 个 家 人 ...
    qualifier: Qualifiers = Qualifiers()  # in reading order: (力争, 左右); none: empty
    subject: str = ""  # what is measured: 中长期贷款
    kind: FigureKind = FigureKind.AMOUNT
    value_high: float | None = None  # upper end of a range (10—20亿元), else None
    per: str | None = None  # rate denominator: 每家 / 每人每月
    # The sentence the figure stands in (simplified, at most SENTENCE_REACH characters either side):
    # what the figure is for, which tells a threshold for a reward from the same one for land.
    sentence: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class FigureChange:
    status: Status
    subject: str
    left: Figure | None
    right: Figure | None
    # The other document's unit where this figure's counterpart lives, when that is outside the
    # pair: a scattered unit's figure found in another pair's unit, or that unit's figure which
    # came from the scattered one. Such a figure is neither added nor removed: it moved.
    elsewhere: Unit | None = None

    @property
    def ratio(self) -> float | None:
        """right/left value, when both exist and left is non-zero."""
        if self.left is None or self.right is None or self.left.value == 0:
            return None
        return self.right.value / self.left.value


@dataclass(frozen=True)
class Edit:
    """One chunk of a word diff: spans in each document's loaded text (empty span = [p, p])."""

    op: Op
    left: Span
    right: Span

    def __post_init__(self) -> None:
        (ls, le), (rs, re_) = self.left, self.right
        if ls > le or rs > re_ or ls < 0 or rs < 0:
            raise ValueError(f"bad edit spans {self.left} {self.right}")
        if self.op == Op.DELETE and rs != re_:
            raise ValueError("a delete has an empty right span")
        if self.op == Op.INSERT and ls != le:
            raise ValueError("an insert has an empty left span")


class Direction(StrEnum):
    """Which way a duty moved between the two sides of a pair."""

    STRICTER = "stricter"  # 收紧
    LOOSER = "looser"  # 放宽


@dataclass(frozen=True)
class ObligationChange:
    """A modal or commitment word that changed strength (应当 → 可以), or a hedge added/removed."""

    left: str | None  # the left word; None when a hedge (原则上) was added on the right
    right: str | None  # the right word; None when a hedge was removed
    direction: Direction
    left_span: Span | None  # in the left document's loaded text
    right_span: Span | None


@dataclass(frozen=True)
class Responsibility:
    """The owners one unit names: its lead units and every unit named (the lead ones included)."""

    lead: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResponsibilityChange:
    """Owners named by either side of a pair, compared by role (省经信厅 = 市经信局)."""

    left: Responsibility
    right: Responsibility
    added: tuple[str, ...]  # right names whose role the left does not name
    removed: tuple[str, ...]  # left names whose role the right does not name
    lead_changed: bool

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.lead_changed)


class RefProblem(StrEnum):
    STALE = "stale"  # names an article that no longer corresponds to the one it named before
    DANGLING = "dangling"  # names no article or paragraph at all


@dataclass(frozen=True)
class ReferenceIssue:
    """A cross-reference (依照本法第十二条) whose target is wrong after renumbering, or missing."""

    side: Side  # the document that holds the reference
    text: str
    span: Span  # in that document's loaded text
    points_to: Unit | None  # the unit it names now
    should_point_to: Unit | None  # the right unit corresponding to what it named before
    problem: RefProblem


# Clause-level provenance: where each clause (sentence) of a unit lives in the other document.
class ClauseStatus(StrEnum):
    KEPT = "kept"  # found nearly word for word
    REWORDED = "reworded"  # found, in other words around shared phrases
    MISSING = "missing"  # not found anywhere in the other document


@dataclass(frozen=True)
class ClauseMatch:
    """One place a clause lives in the other document."""

    unit: Unit
    span: tuple[int, int]  # offsets in the other document's loaded text
    similarity: float  # share of the clause's characters found there, in shared runs


@dataclass(frozen=True)
class Clause:
    """One clause of a unit and where it lives in the other document."""

    span: tuple[int, int]  # offsets in this document's loaded text
    places: tuple[ClauseMatch, ...]  # best first; () when not found
    status: ClauseStatus


@dataclass(frozen=True)
class Pair:
    """Two aligned units (or one unit with no counterpart) and what differs between them."""

    status: Status
    level: Level
    left: Unit | None
    right: Unit | None
    similarity: float
    moved: bool = False
    edits: tuple[Edit, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    manual: bool = False  # paired (or unpaired) by the user
    obligations: tuple[ObligationChange, ...] = ()
    responsible: ResponsibilityChange | None = None  # when either side names owners
    references: tuple[ReferenceIssue, ...] = ()  # stale or dangling references inside the pair
    # A merge: further left units this right unit takes in; a split: further right units this
    # left unit became. In reading order; the word diff runs over the group's joined text.
    also_left: tuple[Unit, ...] = ()
    also_right: tuple[Unit, ...] = ()
    # A unit only one side has, whose clauses live scattered in units the other side pairs with
    # others (a province's measure split between two of a city's items): each clause and where
    # it lives. Empty for every other pair.
    clauses: tuple[Clause, ...] = ()

    @property
    def left_units(self) -> tuple[Unit, ...]:
        """Every left unit of the pair, in reading order (none for an added unit)."""
        units = (self.left, *self.also_left) if self.left is not None else self.also_left
        return tuple(sorted(units, key=lambda u: u.index))

    @property
    def right_units(self) -> tuple[Unit, ...]:
        """Every right unit of the pair, in reading order (none for a removed unit)."""
        units = (self.right, *self.also_right) if self.right is not None else self.also_right
        return tuple(sorted(units, key=lambda u: u.index))

    @property
    def figures_changed(self) -> int:
        return sum(1 for f in self.figures if f.status != Status.UNCHANGED)

    @property
    def scattered(self) -> bool:
        """An unpaired unit some of whose clauses live in other pairs' units."""
        return any(c.status != ClauseStatus.MISSING for c in self.clauses)

    @property
    def far(self) -> bool:
        """Whether a group's units on either side are not all neighbours (a far merge or split)."""
        return len(unit_runs(self.left_units)) > 1 or len(unit_runs(self.right_units)) > 1


def unit_runs(units: Sequence[Unit]) -> list[list[Unit]]:
    """Units in reading order, cut into runs of neighbours (consecutive indices): a merge or split
    group reads as one text per run, from the run's first label to its last unit's own end."""
    out: list[list[Unit]] = []
    for unit in sorted(units, key=lambda u: u.index):
        if out and out[-1][-1].index + 1 == unit.index:
            out[-1].append(unit)
        else:
            out.append([unit])
    return out


@dataclass(frozen=True)
class CompareOptions:
    """What was in force for a comparison."""

    normalize: NormalizeMode = DEFAULT_NORMALIZE
    show_normalization_diffs: bool = False  # report edits that vanish under normalization
    # Each side's script as the user set it; None: read from the document's own text.
    left_script: Script | None = None
    right_script: Script | None = None

    def __post_init__(self) -> None:
        # Settings and scripts hand the mode's value ("t2s"); keep the enum, reject anything else.
        object.__setattr__(self, "normalize", NormalizeMode(self.normalize))
        for name in ("left_script", "right_script"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, Script(value))


@dataclass(frozen=True)
class ComparedDocument:
    document: LoadedDocument
    tree: DocumentTree
    script: Script = Script.MAINLAND  # the reading the comparison used for this side
    script_set: bool = False  # True: the user chose it; False: read from the text
    conversion: NormalizeMode = DEFAULT_NORMALIZE  # the OpenCC conversion this side was folded with

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True)
class Summary:
    pairs: int
    unchanged: int
    changed: int
    added: int
    removed: int
    moved: int
    figures_changed: int
    manual: int = 0
    obligations_changed: int = 0
    responsible_changed: int = 0
    references_stale: int = 0


@dataclass(frozen=True)
class Comparison:
    """The one object every view (GUI, HTML report, JSON) is made from."""

    options: CompareOptions
    left: ComparedDocument
    right: ComparedDocument
    pairs: tuple[Pair, ...]
    overrides: tuple[tuple[int | None, int | None], ...] = field(
        default=()
    )  # manual (left, right) unit indices

    @property
    def summary(self) -> Summary:
        def count(status: Status) -> int:
            return sum(1 for p in self.pairs if p.status == status)

        return Summary(
            pairs=len(self.pairs),
            unchanged=count(Status.UNCHANGED),
            changed=count(Status.CHANGED),
            added=count(Status.ADDED),
            removed=count(Status.REMOVED),
            moved=sum(1 for p in self.pairs if p.moved),
            figures_changed=sum(p.figures_changed for p in self.pairs),
            manual=sum(1 for p in self.pairs if p.manual),
            obligations_changed=sum(len(p.obligations) for p in self.pairs),
            responsible_changed=sum(
                1 for p in self.pairs if p.responsible is not None and p.responsible.changed
            ),
            references_stale=sum(len(p.references) for p in self.pairs),
        )
