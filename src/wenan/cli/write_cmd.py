"""``wenan write``: flags or a brief file in; streamed, ranked variants out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

LOCAL_NOTICE = (
    "提示：当前使用内置的 Gemma-3-270M 基础模型（离线、CPU 可跑），只适合试用——文案可能不通顺、会编造信息，"
    "wenan 会标出编造的数字与违规用语。正式使用请接入真实模型，例如：\n"
    "  wenan keys set deepseek && wenan write --model deepseek ...   或   --model ollama / vllm / qwen"
)


def write_command(
    brief_file: str | None = typer.Option(None, "--brief", "-b", help="brief 文件（YAML/JSON），- 表示标准输入"),
    product: str | None = typer.Option(None, "--product", help="产品或服务"),
    brand: str | None = typer.Option(
        None, "--brand", help="品牌名（若已用 `wenan brand create` 建档，则使用其知识库与语气）"
    ),
    selling_point: list[str] = typer.Option([], "--point", "-p", help="卖点，可重复"),
    audience: str | None = typer.Option(None, "--audience", help="目标人群"),
    offer: str | None = typer.Option(None, "--offer", help="活动/优惠"),
    fact: list[str] = typer.Option([], "--fact", "-f", help="可以使用的真实信息（价格、地址、日期…），可重复"),
    tone: str | None = typer.Option(None, "--tone", help="语气"),
    channel: str | None = typer.Option(None, "--channel", "-c", help="moments / xiaohongshu / douyin / ecommerce"),
    cta: str | None = typer.Option(None, "--cta", help="行动号召"),
    length: str | None = typer.Option(None, "--length", help="short / medium / long 或目标字数"),
    duration: int | None = typer.Option(None, "--duration", help="短视频时长（秒）"),
    industry: str | None = typer.Option(None, "--industry", help="行业（用于合规规则）"),
    n: int = typer.Option(3, "-n", min=1, max=20, help="生成几条"),
    model: str | None = typer.Option(None, "--model", "-m", help="模型名，见 `wenan models`"),
    template: str | None = typer.Option(None, "--template", help="模板 id，见 `wenan templates`"),
    max_tokens: int | None = typer.Option(None, "--max-tokens", min=16, max=8192, help="每条最多生成的 token 数"),
    temperature: float = typer.Option(0.8, "--temperature", min=0.0, max=2.0),
    seed: int | None = typer.Option(None, "--seed", help="随机种子（本地模型可复现）"),
    attempts: int = typer.Option(2, "--attempts", min=1, max=5, help="不合格时每条最多生成几次"),
    as_json: bool = typer.Option(False, "--json", help="输出一个 JSON 对象"),
    review: bool | None = typer.Option(
        None, "--review/--no-review",
        help="合规语义复核：规则没命中、但像违规的句子标为提示（需 kb 扩展；默认看 WENAN_COMPLY_REVIEW）"),
) -> None:
    from ..exceptions import BriefError
    from ..models.registry import get_model
    from ..write import Writer, load_brief, parse_brief
    from .render import StreamPrinter, print_result

    overrides: dict[str, Any] = dict(
        product=product, brand=brand, selling_points=selling_point, audience=audience, offer=offer, facts=fact,
        tone=tone, channel=channel, cta=cta, length=length, duration=duration, industry=industry,
    )
    if brief_file == "-":
        data = sys.stdin.read(64 * 1024 + 1)
        tmp = Path(typer.get_app_dir("wenan")) / "stdin-brief.yaml"
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(data, "utf-8")
        brief = load_brief(tmp, **overrides)
    elif brief_file:
        brief = load_brief(brief_file, **overrides)
    else:
        if not any(v for v in overrides.values()):
            raise BriefError("brief 为空", hint="用 --product/--point 等参数，或 --brief brief.yaml 提供 brief")
        brief = parse_brief({}, **overrides)

    from ..channels import get_channel
    from ..templates import get_template
    from ..write.brand import load_brand_context

    # An unknown channel or template is a usage error: say so before a model loads or a notice prints.
    get_channel(brief.channel)
    get_template(brief.channel, template)
    brand_ctx = load_brand_context(brief)
    if brand_ctx is not None and not brief.industry and brand_ctx.industry:
        brief = brief.model_copy(update={"industry": brand_ctx.industry})
    from ..config import comply_review

    review = comply_review(review)
    if review:
        from ..comply.review import default_reviewer

        default_reviewer()  # a missing kb extra fails here, before a model is loaded or a token is spent
    llm = get_model(model)
    printer = None if as_json else StreamPrinter(n)
    if printer and not llm.is_chat:
        printer.notice(LOCAL_NOTICE)
    if printer and brand_ctx is not None:
        printer.notice(f"品牌 {brand_ctx.name}：知识库资料 {len(brand_ctx.facts)} 条，参考往期文案 "
                       f"{len(brand_ctx.reference_posts)} 条" + ("，已载入语气画像" if brand_ctx.profile else ""))
    writer = Writer(llm, template_id=template, max_attempts=attempts, temperature=temperature,
                    max_tokens=max_tokens, seed=seed, on_event=printer.on_event if printer else None,
                    review=review)
    try:
        result = writer.write(brief, n=n, brand=brand_ctx)
    finally:
        llm.close()
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        print_result(result)
    if not result.variants:
        raise typer.Exit(1)
