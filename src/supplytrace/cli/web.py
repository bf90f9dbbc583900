"""CLI commands of the web stage: `supplytrace serve`."""

from __future__ import annotations

from pathlib import Path

import typer

from supplytrace.cli.common import console, fail


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the app."""

    @app.command()
    def serve(
        ctx: typer.Context,
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
        port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
        db: Path = typer.Option(None, "--db", help="SQLite database file (default: the global --db)."),
        token_file: Path = typer.Option(
            None, "--token-file", exists=True, dir_okay=False, readable=True,
            help="File holding the API token that enables writing endpoints (else $SUPPLYTRACE_API_TOKEN)."),
        max_upload_mb: float = typer.Option(5.0, "--max-upload-mb", min=0.01, help="Largest accepted upload."),
        extractor: str = typer.Option(None, "--extractor", help="Extractor for uploaded articles (default: spacy)."),
        sanctions: Path = typer.Option(
            None, "--sanctions", exists=True, help="FollowTheMoney JSON list (file or folder) for /api/screening."),
    ) -> None:
        """Serve the web UI and the HTTP JSON API (OpenAPI at /openapi.json)."""
        import uvicorn

        from supplytrace.store import Store, StoreError
        from supplytrace.web.app import create_app
        from supplytrace.web.config import read_token

        path = db or (ctx.obj or {}).get("db")
        try:
            store = Store(path)  # create/migrate now so errors show before the server starts
        except StoreError as exc:
            fail(str(exc))
        db_path = store.path
        n = store.count_documents()
        store.close()
        try:
            token = read_token(token_file)
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{token_file}: cannot read token ({exc})")
        if token_file is not None and not token:
            fail(f"{token_file}: the token file is empty")
        app_ = create_app(db_path, token=token, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                          extractor=extractor, sanctions=sanctions)
        shown = f"[{host}]" if ":" in host else host
        console.print(f"supplytrace: serving [bold]{db_path}[/] ({n} articles) at "
                      f"[bold]http://{shown}:{port}/[/] — {'writable with token' if token else 'read-only'}"
                      f"{'' if app_.state.graph_library else ' — graph library missing: run npm ci --prefix web'}",
                      highlight=False)
        if host not in ("127.0.0.1", "localhost", "::1"):
            console.print("[yellow]warning:[/] listening beyond this machine; anyone who can reach it can read"
                          " the store", highlight=False)
        uvicorn.run(app_, host=host, port=port, log_level="info")
