"""Dashboard pages: one HTML shell per page (language, direction and navigation rendered here); the page's
content is drawn by /static/app.js from the API. Arabic by default; ``?lang=en`` for English."""

from __future__ import annotations

import html
import json
from importlib import resources
from string import Template
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from .errors import ApiError

NAV = [("overview", "/"), ("network", "/network"), ("events", "/events"), ("sources", "/sources"),
       ("api", "/api-docs")]
WORDS = {
    "ar": {"brand": "مرصد", "overview": "نظرة عامة", "network": "شبكة التحالفات", "events": "مستكشف الأحداث",
           "sources": "المصادر والتأطير", "api": "واجهة البرمجة", "other": "English", "loading": "جارٍ التحميل…",
           "search": "ابحث عن فاعل: روسيا، Russia، RUS", "tagline": "متتبع الأحداث السياسية والتحالفات",
           "noscript": "تحتاج لوحة المعلومات إلى تفعيل جافاسكربت."},
    "en": {"brand": "Marsad", "overview": "Overview", "network": "Alliance network", "events": "Event explorer",
           "sources": "Sources & framing", "api": "API", "other": "العربية", "loading": "Loading…",
           "search": "Find an actor: Russia, روسيا, RUS", "tagline": "Political events and alliances tracker",
           "noscript": "The dashboard needs JavaScript."},
}


def _template() -> Template:
    text = resources.files("marsad.web").joinpath("templates/page.html").read_text(encoding="utf-8")
    return Template(text)


def page_language(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "ar"


def with_lang(path: str, lang: str, params: dict | None = None) -> str:
    q = dict(params or {})
    q.pop("lang", None)
    if lang == "en":
        q["lang"] = "en"
    return path + ("?" + urlencode(q) if q else "")


def render(request: Request, page: str, args: list[str]) -> HTMLResponse:
    lang = page_language(request)
    w = WORDS[lang]
    other = "ar" if lang == "en" else "en"
    params = dict(request.query_params)
    current = ' aria-current="page"'
    nav = "".join(f'<a href="{html.escape(with_lang(href, lang))}"{current if name == page else ""}>'
                  f"{html.escape(w[name])}</a>" for name, href in NAV)
    body = request.app.state.page_template.substitute(
        lang=lang, dir="rtl" if lang == "ar" else "ltr", title=html.escape(w["brand"]), brand=html.escape(w["brand"]),
        tagline=html.escape(w["tagline"]), home=html.escape(with_lang("/", lang)), nav=nav,
        other_url=html.escape(with_lang(request.url.path, other, params)), other_lang=other,
        other_label=html.escape(WORDS[lang]["other"]), search=html.escape(w["search"]),
        loading=html.escape(w["loading"]), noscript=html.escape(w["noscript"]), page=page,
        args=html.escape(json.dumps(args, ensure_ascii=False)), version=__version__,
        lang_input='<input type="hidden" name="lang" value="en">' if lang == "en" else "")
    return HTMLResponse(body, headers={"Cache-Control": "no-cache"})


def install(app: FastAPI) -> None:
    app.state.page_template = _template()
    static = resources.files("marsad.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def code_ok(code: str) -> str:
        if not code or len(code) > 40 or not all(c.isalnum() or c in "_.-" for c in code):
            raise ApiError(404, f"no actor '{code[:40]}'")
        return code.upper()

    @app.get("/", include_in_schema=False)
    def overview(request: Request):
        return render(request, "overview", [])

    @app.get("/actor/{code}", include_in_schema=False)
    def actor(request: Request, code: str):
        return render(request, "actor", [code_ok(code)])

    @app.get("/pair/{a}/{b}", include_in_schema=False)
    def pair(request: Request, a: str, b: str):
        return render(request, "pair", [code_ok(a), code_ok(b)])

    @app.get("/document/{doc_id}", include_in_schema=False)
    def document(request: Request, doc_id: str):
        return render(request, "document", [doc_id[:64]])

    for name in ("network", "events", "sources", "api-docs"):
        def view(request: Request, name=name):
            return render(request, "api" if name == "api-docs" else name, [])

        app.add_api_route(f"/{name}", view, methods=["GET"], include_in_schema=False)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        svg = static.joinpath("favicon.svg").read_bytes()
        return Response(svg, media_type="image/svg+xml")
