"""Boilerplate masking: page furniture disappears, story text and every character offset stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.boilerplate import is_boilerplate_line, mask_boilerplate

SHARED = Path(__file__).resolve().parents[2] / "../shared"
DEV = SHARED / "eval" / "dev"


def _visible(text: str) -> str:
    return " ".join(mask_boilerplate(text).split())


@pytest.mark.parametrize(
    "line",
    [
        "Also read: Rebels seize a second bridge",
        "ALSO READ | Drone downed over the delta",
        "Also see: A timeline of the border war",
        "READ MORE",
        "Read more: How the ceasefire fell apart",
        "Related: Talks stall in the capital",
        "Read in App",
        "Photo: Smoke over the harbour",
        "Video: Crowds flee the market",
        "(Photo by Jane Doe/Agency)",
        "File photo of a checkpoint near the river",
        "Image caption Troops patrol the ridge",
        "Story highlights",
        "Advertisement",
        "Desk Web Team",
        "By Maria Lopez and Tom Hart",
        "Harbour City Published: Mar 10, 2021, 08.42 AM(IST)",
        "Updated: 16 March 2021",
        "March 11, 2021",
        "Sign up for our morning newsletter",
        "Share this article",
        "JN/XYZ",
        "(Reporting by Ana Diaz; Editing by Paul Brown)",
        "Sam Lee contributed to this report.",
        "Home » World",
        "CLOSE Footage shows fires at the depot after the raid. (Mar. 9) AP, AP",
        "Soldiers walk past a burnt truck on the coast road Photograph:( Agency )",
        "Smoke rises over the depot on Tuesday. Firefighters worked all night. (Photo: Staff via AP)",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Rebels attacked a convoy near the river on Tuesday, killing four soldiers.",
        "Close to 100 people were killed in the fighting.",
        "By Tuesday, the troops had withdrawn from the town.",
        "Photos posted online showed a burning depot.",
        "The army said it would share intelligence with its allies.",
        "Highlights of the agreement include a prisoner swap.",
        "The report was published on Monday by the monitoring group.",
        "Getty Images photographer was injured in the blast, the agency said on Monday evening.",
        "",
    ],
)
def test_story_lines_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_mask_keeps_length_and_newlines() -> None:
    text = "Border clash\n\nAlso read: Old feud flares\n\nTroops fired on a patrol.\nRead in App"
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert masked.index("Troops fired on a patrol.") == text.index("Troops fired on a patrol.")
    assert "Old feud" not in masked and "Read in App" not in masked


def test_app_banner_glued_to_next_sentence_keeps_the_sentence() -> None:
    text = "Read in AppThe militia took the airport on Friday."
    masked = mask_boilerplate(text)
    assert masked.strip() == "The militia took the airport on Friday."
    assert masked.index("The militia") == text.index("The militia")


def test_leading_stamp_crumb_and_dateline_are_masked_but_lead_kept() -> None:
    text = " date 2021-03-10 PORTVILLE: About 20 people were killed in a blast at a market."
    assert _visible(text) == "About 20 people were killed in a blast at a market."
    assert _visible(" date 2021-03-10 Home » World\n\nRebels struck.") == "Rebels struck."


def test_caption_paragraph_ending_in_credit_is_masked_whole() -> None:
    text = (
        "Rebels shelled the depot on Tuesday.\n\n"
        "Smoke rises over the depot on Tuesday. Rebels shelled the depot, officials said. "
        "(Photo: Staff via AP)\n\nThe governor said two guards died."
    )
    assert _visible(text) == "Rebels shelled the depot on Tuesday. The governor said two guards died."


def test_credit_inside_a_paragraph_masks_only_its_caption_sentence() -> None:
    text = (
        "Police sealed the square. Officers guard the square after the blast. "
        "Photograph: Jane Roe/Agency The suspect fled on foot, police said."
    )
    assert _visible(text) == "Police sealed the square. The suspect fled on foot, police said."


def test_label_glued_to_a_flattened_page_masks_only_the_label() -> None:
    # one long line (a page flattened to a single paragraph): the label goes, the story stays
    story = "Rebels attacked the convoy near the bridge and killed four soldiers, the army said. " * 4
    text = "Image copyright Agency Image caption " + story
    assert _visible(text) == story.strip()


def test_advertisement_inside_text_is_masked() -> None:
    text = "The army advanced. Advertisement Continue reading the main story The rebels withdrew."
    assert _visible(text) == "The army advanced. The rebels withdrew."


def _dev_cases() -> list[tuple[str, dict]]:
    if not DEV.is_dir():
        return []
    cases = []
    for gold_file in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        cases.append((gold_file.name, gold))
    return cases


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not present")
@pytest.mark.parametrize(("name", "gold"), _dev_cases())
def test_dev_articles_lose_must_not_text_and_keep_every_gold_sentence(name: str, gold: dict) -> None:
    text = (DEV / gold["text_file"]).read_text(encoding="utf-8")
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    visible = " ".join(masked.split()).casefold()
    original = " ".join(text.split()).casefold()
    for banned in gold.get("must_not", []):
        assert banned.casefold() not in visible, f"{name}: {banned!r} survived masking"
    for event in gold["events"]:
        # gold evidence may skip words with "..." or add a note; each piece quoted from the text stays visible
        for piece in event["sentence"].split("..."):
            piece = " ".join(piece.split()).casefold()
            if piece in original:
                assert piece in visible, f"{name} {event['id']}: evidence {piece!r} was masked"
