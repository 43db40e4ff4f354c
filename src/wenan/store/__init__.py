"""Project store: brands, past posts and the knowledge base's document catalogue.

Light to import: SQLAlchemy and Alembic load when ``Store.open`` runs.
"""

from .models import Brand, BrandProfile, BrandUpdate, DocumentRecord, Post, PostIn, text_hash
from .paths import database_url, user_dir
from .repo import Store

__all__ = [
    "Brand",
    "BrandProfile",
    "BrandUpdate",
    "DocumentRecord",
    "Post",
    "PostIn",
    "Store",
    "database_url",
    "text_hash",
    "user_dir",
]
