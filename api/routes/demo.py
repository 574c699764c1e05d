from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import UiDep
from knowledge.languages import RTL_LOCALES, SOURCE_LOCALE, normalize_locale

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
router = APIRouter(tags=["demo"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def demo_page(request: Request, ui: UiDep, lang: str | None = None) -> HTMLResponse:
    """A plain demo chat; ``?lang=xx`` is passed to the chat api as the locale."""
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
        },
    )
