"""Addresses: found by their anchors (路…号, 商场/广场 + 楼层, 📍/地址：…), compared component by component.

An address claim is supported when every number-like component (1266号, 2楼, L215, B座) occurs in one
source and every place name (南京西路, 恒隆广场) occurs in some source — so a shortened address
("恒隆广场2楼") is supported, while a changed house number or floor is not.
"""

from __future__ import annotations

import re

from ._text import parse_cn

_ROAD = r"(?:路|街|大街|大道|道|巷|弄|村|门|胡同|里|坊)"
_VENUE = (r"(?:购物中心|广场|大厦|中心|商场|天地|百货|大楼|科学园|产业园|园区|写字楼|商城|大悦城|太古里|"
          r"万达|银泰|市场|北区|南区|东区|西区)")
_FLOOR = r"(?:[A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]?(?:楼|层|F|f)"
_CODE = r"(?:[A-Za-z]{1,2}\d{1,4}(?:-\d{1,4})?|\d{1,4}(?:-\d{1,4})?(?:号铺|号|室|铺)?)"
_TAIL_PART = (rf"(?:附\d+号|\d+(?:号楼|栋|幢|单元|室|铺)|[A-Za-z](?:座|塔|栋|区)|{_FLOOR}"
              rf"|[A-Za-z]{{1,2}}\d{{1,4}}(?:-\d{{1,4}})?|[\u4e00-\u9fff]{{2,8}}?{_VENUE}|[（(][^）)\n]{{1,10}}[）)])")
_TAIL = re.compile(rf"(?:[ \t]?{_TAIL_PART})*")
ROAD_NO = re.compile(rf"{_ROAD}[ \t]?\d+[ \t]?号")
VENUE_FLOOR = re.compile(rf"{_VENUE}[ \t]?(?:[A-Za-z](?:座|塔)[ \t]?)?"
                         rf"(?:{_FLOOR}|[BL]\d{{1,2}}(?![\d\-])|[A-Za-z]\d{{1,4}}-\d{{1,4}})")
LABELLED = re.compile(r"(?:门店地址|店铺地址|总部地址|总部位于|地址在|门店在|坐落于|地址|📍|位于|店在)"
                      r"[ \t]?[:：]?[ \t]?"
                      r"([^\n，。,；;！!？?～~ ]{2,30})")
SUBDISTRICT = re.compile(r"[\u4e00-\u9fff]{2,5}街道(?!口)")
_STOP = set("在于到是的和与及就去来往近旁从址店家这那个了吧呀啦哦呢很都也还就只给找见座日月年号点")
_CN_FLOOR = re.compile(r"([一二三四五六七八九十]{1,3})[ \t]?(?=楼|层)")


def _extend_left(text: str, start: int, limit: int = 14) -> int:
    i = start
    while i > 0 and start - i < limit and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in _STOP:
        i -= 1
    return i


def find(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of addresses in normalised text, overlapping finds merged."""
    spans: list[tuple[int, int]] = []
    for rx in (ROAD_NO, VENUE_FLOOR):
        for m in rx.finditer(text):
            start = _extend_left(text, m.start())
            end = _TAIL.match(text, m.end()).end()  # type: ignore[union-attr]
            spans.append((start, end))
    for m in LABELLED.finditer(text):
        if re.search(r"\d", m.group(1)):
            spans.append((m.start(1), m.end(1)))
    for m in SUBDISTRICT.finditer(text):
        spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return [(s, e) for s, e in merged if e - s >= 3]


def canonical(address: str) -> str:
    """No spaces, 二楼 -> 2楼, 层/F -> 楼: the form components are compared in."""
    s = re.sub(r"\s+", "", address)
    s = _CN_FLOOR.sub(lambda m: str(parse_cn(m.group(1)) or m.group(1)), s)
    s = re.sub(r"(\d)[ \t]?(?:层|F|f)", r"\1楼", s)
    return s


_COMPONENT = re.compile(rf"附\d+号|{_CODE}(?:楼|栋|幢|单元)?|[A-Za-z](?:座|塔|栋|区)")


def components(address: str) -> tuple[list[str], list[str]]:
    """(codes, names): 南京西路1266号恒隆广场2楼L215 -> (['1266号', '2楼', 'L215'], ['南京西路', '恒隆广场'])."""
    s = canonical(address)
    codes = [m.group() for m in _COMPONENT.finditer(s) if re.search(r"\d|座|塔|栋", m.group())]
    rest = _COMPONENT.sub(" ", s)
    names = [n.strip("（）()号楼层") for n in re.findall(r"[\u4e00-\u9fff]+", rest)]
    return codes, [n for n in names if len(n) >= 2]


def code_in(code: str, source: str) -> int:
    """Index of ``code`` in ``source`` with digit boundaries (88号 is not inside 188号), else -1."""
    for m in re.finditer(re.escape(code), source):
        before = source[m.start() - 1] if m.start() else ""
        after = source[m.end()] if m.end() < len(source) else ""
        if not before.isdigit() and not (code[-1].isdigit() and after.isdigit()):
            return m.start()
    return -1


def name_in(name: str, source: str) -> int:
    """Index of a place name in ``source``, else -1.

    Addresses run from large to small (省 市 区 路), and finding them leaves stray words at the front
    ("燃力健身文三路"), so the name matches when its last three or more characters — the road or venue
    itself — occur in the source. 南京东路 vs 南京西路 shares only 路, and does not match.
    """
    for cut in range(0, max(len(name) - 2, 1)):
        i = source.find(name[cut:])
        if i >= 0:
            return i
    return -1
