"""REST API and web dashboard (FastAPI): ``create_app(db_url, config)``, ``serve(db, host, port)``."""
