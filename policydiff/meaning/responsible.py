"""Lead and responsible units: who must carry a measure out, and how that changed between versions.

Policy measures name their owners: （由省发展改革委牵头实施）, （责任单位：市经信局、市财政局）,
牵头单位：…；配合单位：…. A city's plan hands a provincial 厅 's measure to its own 局, so units are
compared by role — the name without its level (省/市/区/县 or a place name) and without its kind
of body (厅/局/委/办) — 省经信厅 and 市经信局 are the same role; 省财政厅 → 市商务局 is a change.
May import: the standard library and policydiff.model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policydiff.model import Responsibility, ResponsibilityChange

# A bracketed note that names owners, and the labelled lists inside or outside brackets.
_BRACKET = re.compile(r"[（(]([^（）()\n]{2,160})[）)]")
_LED_BY = re.compile(r"由([^，,；;。（）()\n]{2,80}?)(?:共同)?(?:牵头|负责)")
_LABELLED = re.compile(
    r"(牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|配合单位|配合部门|协同单位|参与单位)"
    r"\s*[:：]\s*([^；;。（）()\n]{1,200})"
)
_COOPERATING = re.compile(r"[，,]\s*([^，,；;。（）()\n]{2,80}?)(?:配合|参与|协同)")
_SEPARATORS = re.compile(r"[、，,/／]|(?<=[厅局委办府院会部室心])(?:和|及|与)")
_TRAILING = re.compile(r"(?:等有关单位|等相关单位|等部门|等单位|按职责分工负责|按职责负责|分别负责|等)$")
_LEAD_LABELS = frozenset({"牵头单位", "牵头部门", "主责单位", "主责部门"})
_SHARED_LABELS = frozenset({"配合单位", "配合部门", "协同单位", "参与单位"})
# Level and place prefixes; 市场/市政/区域/县域 are words, not a city or district prefix.
_LEVEL_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|区|县|旗))(?!场|政|域)")
_BARE_LEVEL = re.compile(r"^(?:省|市|区|县|州|旗)(?!场|政|域)")
_BODY_SUFFIX = re.compile(
    r"(?:事业发展中心|事业中心|服务中心|管理中心|中心|委员会|办公室|管理局|监督管理局|厅|局|委|办|署|部|院|所)$"
)
# Full role names and their usual short forms, so 发展改革委 and 发改局 are one role.
_ROLE_ALIASES = {
    "发展和改革": "发改",
    "发展改革": "发改",
    "经济和信息化": "经信",
    "经济信息化": "经信",
    "人力资源和社会保障": "人力社保",
    "人力资源社会保障": "人力社保",
    "住房和城乡建设": "住建",
    "住房城乡建设": "住建",
    "市场监督管理": "市场监管",
    "科学技术": "科技",
    "文化和旅游": "文旅",
    "文化广电旅游": "文旅",
    "卫生健康": "卫健",
    "卫生和健康": "卫健",
    "自然资源和规划": "自然资源",
    "地方金融监督管理": "金融",
    "地方金融监管": "金融",
    "金融监管": "金融",
    "应急管理": "应急",
    "农业农村": "农业农村",
    "生态环境": "生态环境",
}
_MAX_NAME = 30  # longer "names" are sentences the patterns caught by accident


def role(name: str) -> str:
    """The role a unit's name stands for: 省经信厅, 杭州市经信局 and 经济和信息化局 give 经信."""
    core = _LEVEL_PREFIX.sub("", name, count=1) or name
    core = _BARE_LEVEL.sub("", core, count=1) or core
    for full, short in _ROLE_ALIASES.items():
        if core.startswith(full):
            core = short + core[len(full) :]
            break
    return _BODY_SUFFIX.sub("", core) or core


def _names(listing: str) -> list[str]:
    out = []
    for part in _SEPARATORS.split(listing):
        name = _TRAILING.sub("", part.strip().rstrip("牵头负责配合实施"))
        if 2 <= len(name) <= _MAX_NAME and name not in out:
            out.append(name)
    return out


def _add(target: list[str], names: list[str]) -> None:
    target.extend(n for n in names if n not in target)


@lru_cache(maxsize=4096)  # most units read the same on both sides; a chapter's note serves its articles
def extract(text: str) -> Responsibility:
    """The lead and responsible units a unit's text names (normalized, simplified text).

    Only notes that say who owns the measure count: a bracketed （由…牵头…） or （…配合）, and
    labelled lists (牵头单位：, 责任单位：, 配合单位： …). Where only 责任单位 is given, its first
    name is the lead, the convention of such lists.
    """
    lead: list[str] = []
    units: list[str] = []
    for match in _BRACKET.finditer(text):
        note = match.group(1)
        for led in _LED_BY.finditer(note):
            names = _names(led.group(1))
            _add(lead, names)
            _add(units, names)
        for other in _COOPERATING.finditer(note):
            _add(units, _names(other.group(1)))
    for match in _LABELLED.finditer(text):
        label, names = match.group(1), _names(match.group(2))
        if label in _LEAD_LABELS or (label not in _SHARED_LABELS and not lead and names):
            _add(lead, names if label in _LEAD_LABELS else names[:1])
        _add(units, names)
    return Responsibility(tuple(lead), tuple(units))


def compare_responsibility(left: Responsibility, right: Responsibility) -> ResponsibilityChange | None:
    """Owners of both sides compared by role; None when neither side names any."""
    if not left.units and not right.units:
        return None
    left_roles = {role(n) for n in left.units}
    right_roles = {role(n) for n in right.units}
    added = tuple(n for n in right.units if role(n) not in left_roles)
    removed = tuple(n for n in left.units if role(n) not in right_roles)
    lead_changed = {role(n) for n in left.lead} != {role(n) for n in right.lead}
    return ResponsibilityChange(left, right, added, removed, lead_changed)
