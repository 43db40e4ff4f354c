"""Write: a brief in, ranked channel-correct variants out."""

from .brief import Brief, load_brief, parse_brief
from .checks import Check, ComplianceCheck, Context, GroundingCheck
from .pipeline import Variant, Writer, WriteResult

__all__ = ["Brief", "Check", "ComplianceCheck", "Context", "GroundingCheck", "Variant", "WriteResult", "Writer",
           "load_brief", "parse_brief"]
