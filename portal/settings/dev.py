"""Local development: DEBUG on, a throw-away secret key, console email."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-for-anything-but-your-laptop")
