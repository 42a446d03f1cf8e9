"""Imported by the process that forks coverage's workers: everything a worker needs, loaded once.

On Linux and macOS the workers of one policy against many are forked from a server process
(multiprocessing's forkserver) that has imported this module, so each new worker starts with the
comparison code imported, the segmenter's dictionary built, and the script converters, the
regular expressions compiled on first use and the other caches of a comparison made — by one small
comparison run here — instead of spending a second on them in every worker; the server itself is
a fresh single-threaded process, so forking it is safe even when the app that asked for the run
has Qt threads.
May import: the standard library and the pure policydiff modules (never PySide6).
"""

from __future__ import annotations

from policydiff.compare.pipeline import prepare_side
from policydiff.coverage import matrix
from policydiff.lang.words import ensure_ready
from policydiff.model import CompareOptions, LoadedDocument, Side

# Two short texts that touch every stage a child's comparison uses: articles and items, a changed
# amount and rate, a duty word, a deadline, traditional script on one side.
_PARENT = (
    "关于支持产业发展的若干措施\n一、加大财政支持\n1.省财政每年安排资金60亿元，支持企业技术改造，补助比例不低于10%。\n"
    "2.各市应当于2025年底前完成任务。\n二、优化服务\n3.建立联系机制，由省发展改革委负责。\n"
)
_CHILD = (
    "關於支持產業發展的實施意見\n一、加大財政支持\n（一）市財政每年安排資金8億元左右，支持企業技術改造，補助比例不低於15%。\n"
    "（二）各區可以於2026年6月30日前完成任務。\n二、優化服務\n（三）建立聯繫機制。\n"
)


def _warm() -> None:
    ensure_ready()
    options, config = CompareOptions(), matrix.CoverageConfig()
    parent = LoadedDocument(path="parent.txt", format="txt", encoding="utf-8", text=_PARENT)
    child = LoadedDocument(path="child.txt", format="txt", encoding="utf-8", text=_CHILD)
    prepared = prepare_side(parent, Side.LEFT, options, config.compare)
    matrix.assemble(parent, [matrix.judge_child(prepared, child, options, config)], options, config)


_warm()
