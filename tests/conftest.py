from __future__ import annotations

import pytest

from knowledge.knowledge_base import KnowledgeBase, load_knowledge_base
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText, load_ui_messages


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs.load()


@pytest.fixture(scope="session")
def ui(catalogs: Catalogs) -> UiText:
    return UiText(load_ui_messages(), catalogs)
