from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import SitesDep, UiDep
from knowledge.languages import RTL_LOCALES, SOURCE_LOCALE, normalize_locale

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
router = APIRouter(tags=["demo"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def demo_page(
    request: Request, ui: UiDep, sites: SitesDep, lang: str | None = None, site: str = "demo"
) -> HTMLResponse:
    """A plain page with the widget embedded exactly as a site does it; ``?lang=xx`` becomes
    the widget's locale, ``?site=`` its expat centre."""
    locale = normalize_locale(lang)
    shown = locale or SOURCE_LOCALE
    return TEMPLATES.TemplateResponse(
        request,
        "demo.html",
        {
            "locale": locale or "",
            "html_lang": shown,
            "direction": "rtl" if shown in RTL_LOCALES else "ltr",
            "text": ui.all_for(shown),
            "widget_src": str(request.url_for("widget_script")),
            "site": site if site in sites else "demo",
        },
    )
