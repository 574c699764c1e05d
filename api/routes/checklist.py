"""The printable checklist of a saved plan, and the page to open one with a pick-up code."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.deps import PlanDep, UiDep
from api.errors import ApiError
from api.services.pickup_codes import normalize_code
from knowledge.languages import RTL_LOCALES, SOURCE_LOCALE, normalize_locale

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
router = APIRouter(tags=["plan"], include_in_schema=False)


def _page(
    request: Request, ui: UiDep, locale: str, status: int = 200, **context: object
) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        "checklist.html",
        {
            "html_lang": locale,
            "direction": "rtl" if locale in RTL_LOCALES else "ltr",
            "text": ui.all_for(locale),
            "plan": None,
            **context,
        },
        status_code=status,
    )


@router.get("/plan", response_class=HTMLResponse)
async def open_plan(
    request: Request, ui: UiDep, code: str | None = None, lang: str | None = None
) -> Response:
    """A form for the pick-up code; a valid code redirects to the checklist."""
    locale = normalize_locale(lang) or SOURCE_LOCALE
    if code:
        normalized = normalize_code(code)
        if normalized:
            return RedirectResponse(f"/plan/{normalized}?lang={locale}", status_code=303)
        error = ui.text("error.unknown_plan", locale)
        return _page(request, ui, locale, status=404, error=error, typed=code)
    return _page(request, ui, locale)


@router.get("/plan/{code}", response_class=HTMLResponse)
async def checklist(
    request: Request, code: str, service: PlanDep, ui: UiDep, lang: str | None = None
) -> Response:
    try:
        saved = await service.load(code)
    except ApiError:
        locale = normalize_locale(lang) or SOURCE_LOCALE
        error = ui.text("error.unknown_plan", locale)
        return _page(request, ui, locale, status=404, error=error, typed=code)
    locale = normalize_locale(lang) or saved.locale or SOURCE_LOCALE
    plan = service.saved_response(saved, locale)
    return _page(
        request,
        ui,
        locale,
        plan=plan,
        code=saved.code,
        code_help=ui.text("plan.code_help", locale, url=f"{service.base_url}/plan"),
    )
