"""The review page as a planner sees it: each match's relation chosen in its menu, and
long plan texts shortened where they are listed (the whole text kept in the title)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import smartsync
from review_fixture import REGION_YAML

pytest.importorskip("starlette")

from smartsync.review import ReviewSession  # noqa: E402


class _Page(HTMLParser):
    """Collects each match item's selected relation and the shown texts of its plan texts."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], dict] = {}
        self.add_relation: list[str] = []
        self._item: dict | None = None
        self._select: str | None = None
        self._text: str | None = None
        self._option: dict | None = None
        self.options: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "li" and "data-relation" in a:
            self._item = self.items.setdefault((a["data-masterplan"], a["data-rpjmd"]),
                                               {"selected": [], "texts": []})
        elif tag == "select":
            self._select = a.get("id") or a.get("data-action")
        elif tag == "option":
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": "",
                            "select": self._select}
            self.options.append(self._option)
            if "selected" in a and self._select == "add-relation":
                self.add_relation.append(a["value"])
            elif "selected" in a and self._item is not None:
                self._item["selected"].append(a["value"])
        elif tag == "div" and self._item is not None and a.get("class") in ("mp", "rp"):
            self._text = ""
            self._item["texts"].append({"title": a.get("title"), "shown": ""})

    def handle_data(self, data: str) -> None:
        if self._text is not None and self._item is not None:
            self._item["texts"][-1]["shown"] += data
        if self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._item = None
        elif tag == "div":
            self._text = None
        elif tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None


LONG = ("Program peningkatan kapasitas aparatur pemerintah daerah dalam pengelolaan "
        "aplikasi informatika dan layanan publik berbasis elektronik yang terintegrasi "
        "di seluruh perangkat daerah kota")


def _page(tmp_path: Path, text: str) -> _Page:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(text, encoding="utf-8")
    parser = _Page()
    parser.feed(ReviewSession(path).state("en", html=True)["html"])
    return parser


def test_each_match_shows_its_own_relation_selected(tmp_path: Path) -> None:
    """Every listed match's relation menu has exactly its relation selected (not the first, not another)."""
    text = (REGION_YAML
            .replace("relation: aligned, source: suggested, score: 0.71", "relation: derived, source: suggested, score: 0.71")
            .replace("# end of file", "  - {masterplan: SM1, rpjmd: M1, relation: adopted, source: manual}\n# end of file"))
    region = smartsync.read_region(text)
    page = _page(tmp_path, text)
    wanted = {m.key: m.relation.value for m in region.matches}
    assert len(set(wanted.values())) == 3  # every relation appears, so a fixed choice cannot pass
    assert {key: item["selected"] for key, item in page.items.items()} == {
        key: [relation] for key, relation in wanted.items()}
    # a new match starts as "aligned", the relation of a program that supports another
    assert page.add_relation == ["aligned"]


def test_long_texts_are_shortened_in_the_lists_and_kept_whole_in_the_title(tmp_path: Path) -> None:
    """A plan text longer than a line is cut with an ellipsis where listed; its title holds all of it; short texts stay whole."""
    text = REGION_YAML.replace("text: Program pengelolaan aplikasi informatika}", f"text: {LONG}}}")
    page = _page(tmp_path, text)
    texts = page.items[("SP1", "P1")]["texts"]
    short, long_ = texts[0], texts[1]
    assert short["shown"] == short["title"] == "Aplikasi layanan informatika terpadu"
    assert long_["title"] == LONG
    shown = long_["shown"]
    assert shown.endswith("\u2026") and len(shown) <= 90 and len(shown) < len(LONG)
    assert LONG.startswith(shown[:-1].rstrip())
    assert len(shown) >= 60  # shortened to a line, not to a stub
    # in the add form's menu too, each option shorter than the text, starting as it does
    option = next(o for o in page.options if o["select"] == "add-rpjmd" and o["value"] == "P1")
    assert option["text"].endswith("\u2026") and len(option["text"]) < len(LONG) + len("P1 \u00b7 ")
    body = option["text"].split(" \u00b7 ", 1)[1]
    assert LONG.startswith(body[:-1].rstrip()) and len(body) <= 60


def test_each_match_shows_its_level_in_the_page_language(tmp_path: Path) -> None:
    """Each listed match names the level of its elements, in English or in Indonesian as the page is."""
    import re

    from smartsync.messages import stage_name

    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    region = smartsync.read_region(REGION_YAML)
    for lang in ("en", "id"):
        html = ReviewSession(path).state(lang, html=True)["html"]
        items = re.findall(r'<li class="(?:suggestion|match)" data-masterplan="([^"]+)" data-rpjmd="([^"]+)".*?'
                           r'<span class="level">([^<]*)</span>', html)
        assert len(items) == len(region.matches)
        for masterplan, _, level in items:
            assert level == stage_name(region.masterplan[masterplan].level.value, lang) != ""


def test_the_page_carries_every_message_its_script_says(tmp_path: Path) -> None:
    """Each message the page's script shows (saving, saved, failed...) is in the page, by the name the script asks for, in both languages."""
    import json
    import re

    from smartsync.review.page import review_page

    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    for lang in ("en", "id"):
        body = ReviewSession(path).state(lang, html=True)["html"]
        page = review_page(body, "t", lang, "n0nce")
        asked = set(re.findall(r"msg\('([a-z_]+)'", page))
        assert {"saving", "failed"} <= asked
        carried = json.loads(re.search(r"data-messages='([^']*)'", page).group(1).replace("&quot;", '"')
                             .replace("&#x27;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
        for key in asked:
            if key.endswith("_"):  # a family: saved_accept, saved_reject...
                assert any(k.startswith(key) and carried[k] for k in carried), key
            else:
                assert carried.get(key), key
