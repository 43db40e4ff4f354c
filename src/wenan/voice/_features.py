"""Per-text measurements shared by profile building and scoring."""

from __future__ import annotations

import math
import re
from collections import Counter

# Pictographs, dingbats, symbols, flags and keycaps; a ZWJ sequence (👩‍💻) counts once via its first part.
EMOJI_RE = re.compile(
    "(?:[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\u2b50\u2b06\u2934\u2935\u3030\u303d"
    "\u3297\u3299\u2705\u274c\u2728]|[0-9#*]\ufe0f?\u20e3)(?:\ufe0f|\u200d[\U0001f300-\U0001faff\u2600-\u27bf]\ufe0f?"
    "|[\U0001f3fb-\U0001f3ff])*"
)
_INVISIBLE = re.compile("[\ufe0f\u200d\u20e3\U0001f3fb-\U0001f3ff]")
HASHTAG_RE = re.compile(r"#([^\s#＃,，。!！?？]{1,20})#?")
SENTENCE_RE = re.compile(r"[^。！？!?…\n]+(?:[。！？!?…]+|$)", re.M)
LIST_RE = re.compile(r"(?m)^\s*(?:\d{1,2}[.、)）]|[①-⑳]|[0-9]\ufe0f?\u20e3|[✅✔☑️▪•·\-]\s?)")
PERSON_FORMS: dict[str, str] = {
    # order matters: longer forms first so 我们 is not counted as 我
    "宝子们": r"宝子们|宝子|宝宝们|宝们",
    "姐妹们": r"姐妹们|姐妹|集美们|集美",
    "家人们": r"家人们|老铁们|老铁",
    "小编": r"小编",
    "我司": r"我司|本公司|我公司|本司|本厂|我厂",
    "我们": r"我们|咱们|咱家",
    "我": r"我",
    "您": r"您",
    "你": r"你们|你",
    "大家": r"大家|各位",
}
_PERSON_RE = re.compile("|".join(f"(?P<p{i}>{rx})" for i, rx in enumerate(PERSON_FORMS.values())))
_PERSON_NAMES = list(PERSON_FORMS)
PARTICLES = "啦呀哦呢吧嘛哈哇噢喔呐咯嘿哟耶"
_PARTICLE_RE = re.compile(f"[{PARTICLES}](?=[\\s，。！？!?～~…\\n]|$|[\U0001f300-\U0001faff])")
CASUAL_RE = re.compile(r"绝了|yyds|YYDS|冲鸭|冲冲|哈哈|嘿嘿|嘻嘻|真的|超级|巨好|好好吃|太太|救命|宝藏|绝绝子|爱了|"
                       r"无敌|狠狠|谁懂|"
                       r"啊啊|呜呜|哇塞|贼|超好|馋|安排|打卡|get|pick|nice|✨")
FORMAL_RE = re.compile(r"敬请|欢迎|莅临|诚邀|竭诚|特此|谨|贵司|贵公司|贵单位|恭候|垂询|洽谈|咨询热线|如下|为您|提供|"
                       r"服务|保障|"
                       r"专业|客户|企业|合作|质量|标准|方案|解决|技术|产品|规格|型号|参数|年度|行业|领先|致力于")


def visible_chars(text: str) -> int:
    """Characters a reader sees: no whitespace, an emoji counts once."""
    stripped = _INVISIBLE.sub("", re.sub(r"\s+", "", text))
    return len(stripped)


def emojis(text: str) -> list[str]:
    return [_INVISIBLE.sub("", m.group()) or m.group() for m in EMOJI_RE.finditer(text)]


def sentences(text: str) -> list[str]:
    body = HASHTAG_RE.sub("", text)
    return [s.strip() for s in SENTENCE_RE.findall(body) if s.strip() and visible_chars(s) > 1]


def persons(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for m in _PERSON_RE.finditer(text):
        found[_PERSON_NAMES[int(m.lastgroup[1:])]] += 1  # type: ignore[index]
    return found


def particles(text: str) -> list[str]:
    return _PARTICLE_RE.findall(text)


def features(text: str) -> dict[str, float]:
    """The numbers that describe one post's style; ``voice_score`` compares them to the brand's spread."""
    n = max(visible_chars(text), 1)
    per100 = 100.0 / n
    sents = sentences(text) or [text or " "]
    ends = [s[-1] for s in sents]
    person = persons(text)
    total_person = sum(person.values())
    out = {
        "length_log": math.log(n + 1),
        "emoji_per_100": len(emojis(text)) * per100,
        "sentence_chars": sum(visible_chars(s) for s in sents) / len(sents),
        "exclamation_ratio": sum(e in "！!" for e in ends) / len(sents),
        "question_ratio": sum(e in "？?" for e in ends) / len(sents),
        "tilde_per_100": (text.count("～") + text.count("~")) * per100,
        "ellipsis_per_100": (text.count("…") + text.count("...")) * per100,
        "line_breaks_per_100": text.strip().count("\n") * per100,
        "list_markers": float(len(LIST_RE.findall(text))),
        "brackets": float(text.count("【")),
        "hashtags": float(len(HASHTAG_RE.findall(text))),
        "particles_per_100": len(particles(text)) * per100,
        "casual_per_100": len(CASUAL_RE.findall(text)) * per100,
        "formal_per_100": len(FORMAL_RE.findall(text)) * per100,
        "person_per_100": total_person * per100,
        "digits_per_100": len(re.findall(r"\d+", text)) * per100,
        "latin_per_100": len(re.findall(r"[A-Za-z]{2,}", text)) * per100,
    }
    for name in PERSON_FORMS:
        out[f"person:{name}"] = person[name] * per100
    return out


#: Smallest spread a feature is given, so a brand that never uses ！ does not score a single ！ as zero.
FLOORS: dict[str, float] = {
    "length_log": 0.2, "emoji_per_100": 0.6, "sentence_chars": 3.0, "exclamation_ratio": 0.12,
    "question_ratio": 0.08, "tilde_per_100": 0.4, "ellipsis_per_100": 0.3, "line_breaks_per_100": 0.6,
    "list_markers": 0.5, "brackets": 0.3, "hashtags": 0.6, "particles_per_100": 0.5, "casual_per_100": 0.4,
    "formal_per_100": 0.6, "person_per_100": 0.6, "digits_per_100": 0.8, "latin_per_100": 0.4,
}
PERSON_FLOOR = 0.4
