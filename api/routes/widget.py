"""The embeddable widget: its script and its configuration (site theme and texts)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.deps import SitesDep, UiDep
from api.errors import ApiError
from api.schemas import LanguageOut, SiteOut, WidgetConfigOut
from knowledge.languages import RTL_LOCALES, SUPPORTED_LOCALES, language_name, normalize_locale

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
router = APIRouter(tags=["widget"])
# Interface texts the widget shows besides its own "widget.*" messages.
SHARED_KEYS = (
    "greeting",
    "talk_to_person",
    "send",
    "input_placeholder",
    "sources_label",
    "verified_label",
    "service_unavailable",
    "plan.open_title",
    "error.message_too_long",
    "error.unknown_session",
)
MAX_UNREAD_FORMS = 20


@router.get("/widget.js", include_in_schema=False)
async def widget_script() -> FileResponse:
    return FileResponse(
        STATIC_DIR / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/api/v1/widget/config", response_model=WidgetConfigOut)
async def widget_config(
    ui: UiDep, sites: SitesDep, site: str = "demo", locale: str | None = None
) -> WidgetConfigOut:
    """The site's theme and every text of the widget in one language."""
    found = sites.get(site)
    if found is None:
        raise ApiError(404, "unknown_site", message_key="error.not_found")
    shown = normalize_locale(locale) or found.default_locale
    texts = ui.all_for(shown)
    return WidgetConfigOut(
        site=SiteOut(
            id=found.id,
            name=found.name,
            colour=found.colour,
            logo=found.logo,
            default_locale=found.default_locale,
        ),
        locale=shown,
        direction="rtl" if shown in RTL_LOCALES else "ltr",
        languages=[
            LanguageOut(
                code=code,
                name=language_name(code, code),
                direction="rtl" if code in RTL_LOCALES else "ltr",
            )
            for code in SUPPORTED_LOCALES
        ],
        text={
            key: value
            for key, value in texts.items()
            if key.startswith("widget.") or key in SHARED_KEYS
        },
        unread={
            str(n): ui.plural("widget.unread", n, shown).format(count=n)
            for n in range(1, MAX_UNREAD_FORMS + 1)
        },
    )
