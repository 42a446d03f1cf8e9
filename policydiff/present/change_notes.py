"""Changes in meaning (obligations, owners, references) worded for a reader: one wording for the
HTML report, the Word export and the app, so they cannot drift apart.

May import: the standard library and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.model import ClauseStatus, Direction, Pair, RefProblem, Side, Unit


@dataclass(frozen=True)
class ChangeNote:
    """One obligation, owner or reference change of a pair, worded for a reader (report and app)."""

    kind: str  # "stricter" | "looser" | "owners" | "reference" | "scattered": a CSS class, a filter key
    text: str  # e.g. "放宽：应当 → 可以"
    detail: str = ""  # a longer explanation for a tooltip


def _unit_name(unit: Unit | None) -> str:
    return (unit.label or unit.heading[:10]) if unit is not None else "（无）"


def change_notes(pair: Pair) -> list[ChangeNote]:
    """The pair's changes in meaning, in the order where its clauses went, obligations, owners,
    references."""
    notes = []
    scattered = scattered_note(pair)
    if scattered is not None:
        notes.append(scattered)
    for change in pair.obligations:
        label = "收紧" if change.direction == Direction.STRICTER else "放宽"
        words = f"{change.left or '（无）'} → {change.right or '（无）'}"
        notes.append(ChangeNote(change.direction.value, f"{label}：{words}", f"义务{label}：{words}"))
    owners = pair.responsible
    if owners is not None and owners.changed:
        parts = []
        if owners.lead_changed:
            parts.append(
                "牵头 "
                + "、".join(owners.left.lead or ("（无）",))
                + " → "
                + "、".join(owners.right.lead or ("（无）",))
            )
        if owners.added:
            parts.append("增 " + "、".join(owners.added))
        if owners.removed:
            parts.append("减 " + "、".join(owners.removed))
        text = "责任单位：" + "；".join(parts)
        notes.append(ChangeNote("owners", text[:60] + ("…" if len(text) > 60 else ""), text))
    for issue in pair.references:
        side = "左" if issue.side == Side.LEFT else "右"
        if issue.problem == RefProblem.STALE:
            now, due = _unit_name(issue.points_to), _unit_name(issue.should_point_to)
            text = f"引用失效：{issue.text}（现指{now}，应为{due}）"
        else:
            text = f"引用无对象：{issue.text}（{side}侧没有此条）"
        notes.append(ChangeNote("reference", text, text))
    return notes


def scattered_places(pair: Pair) -> list[Unit]:
    """The other side's units where a scattered unit's clauses live, in reading order, once each."""
    found = {place.unit.index: place.unit for clause in pair.clauses for place in clause.places[:1]}
    return [found[k] for k in sorted(found)]


def scattered_note(pair: Pair) -> ChangeNote | None:
    """Where the clauses of a unit only one side has went (分散), or came from (汇集)."""
    if not pair.scattered:
        return None
    units = scattered_places(pair)
    places = "、".join(_unit_name(u) for u in units)
    found = sum(1 for c in pair.clauses if c.status != ClauseStatus.MISSING)
    count = f"{len(pair.clauses)}句中{found}句" if found < len(pair.clauses) else "各句"
    one = len(units) == 1  # all it kept went into one unit: merged there, not scattered
    if pair.left is not None:
        text = f"{'并入' if one else '分散'}：{count}见于{places}"
        detail = f"此条未整体保留，{count}{'并入' if one else '分散见于'}右侧{places}（与其他条目配对）"
    else:
        text = f"{'取自' if one else '汇集'}：{count}来自{places}"
        detail = f"此条为新条目，{count}来自左侧{places}（与其他条目配对）"
    return ChangeNote("scattered", text, detail)
