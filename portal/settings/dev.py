"""Local development: DEBUG on, a throw-away secret key, console email."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-for-anything-but-your-laptop")
# No page cache while templates change under your eyes (PORTAL_PAGE_CACHE_SECONDS=600 to try it).
PORTAL_PAGE_CACHE_SECONDS = int(env("PORTAL_PAGE_CACHE_SECONDS", "0"))
