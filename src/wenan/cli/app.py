"""Top-level Typer app; each capability mounts its own commands here."""

from __future__ import annotations

import typer

from .write_cmd import write_command

app = typer.Typer(
    name="wenan",
    help="wenan 文案：私有化部署的中文营销文案工作台。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("write", help="根据 brief 生成多条渠道文案，检查、打分、排序。")(write_command)


@app.command("models")
def models_command() -> None:
    """列出可用模型（内置预设 + 配置文件）。"""
    from rich.console import Console
    from rich.table import Table

    from ..config import load_settings, presets, user_dir

    settings = load_settings()
    table = Table("名称", "后端", "模型", "base_url", "说明")
    for name, cfg in {**presets(), **settings.models}.items():
        table.add_row(name, cfg.backend, cfg.model, cfg.base_url or "", cfg.note)
    console = Console()
    console.print(table)
    console.print(f"默认：{settings.default_model or 'local'}；配置文件：{user_dir() / 'config.yaml'}")


keys_app = typer.Typer(help="保存模型服务的 API key（存放在用户目录，权限 600）。", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("set")
def keys_set(name: str = typer.Argument(..., help="模型或服务名，如 deepseek、qwen"),
             value: str = typer.Option(..., prompt="API key", hide_input=True, help="密钥")) -> None:
    from ..config import set_key

    path = set_key(name, value.strip())
    typer.echo(f"已保存 {name} 的 API key 到 {path}")


@app.command("channels")
def channels_command() -> None:
    """列出支持的渠道及其硬性规则。"""
    from ..channels import get_channel, list_channels

    for name in list_channels():
        spec = get_channel(name)
        typer.echo(f"{spec.id:12} {spec.name}：{spec.description}")


@app.command("templates")
def templates_command() -> None:
    """列出提示词模板（含用户目录中的覆盖）。"""
    from ..templates import list_templates

    for tpl in list_templates():
        typer.echo(f"{tpl.id:24} v{tpl.version}  {tpl.channel:12} {tpl.description}")


def _mount_optional() -> None:
    """Capabilities built in their own folders register their commands here."""
    import importlib

    for module, attr, kind, name in (
        ("wenan.comply.cli", "check_command", "command", "check"),
        ("wenan.store.cli", "brand_app", "group", "brand"),
        ("wenan.kb.cli", "kb_app", "group", "kb"),
    ):
        try:
            target = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
        if kind == "command":
            app.command(name)(target)
        else:
            app.add_typer(target, name=name)


_mount_optional()
