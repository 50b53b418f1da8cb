"""The store. Importing the package registers the PostgreSQL back-end, which ``Store.open`` finds by URL scheme."""

from . import postgres  # noqa: F401
