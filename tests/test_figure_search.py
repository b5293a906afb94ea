"""Searching the figures: a number however it is written, words in labels, "stated as",
sources and cases in either language, and the same search narrowing the downloads."""

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.django_db


def listed(client, asked):
    """The keys of the figures the figures page lists for the search ``asked``."""
    response = client.get(f"/figures/?q={quote(asked)}")
    assert response.status_code == 200
    return [figure.key for figure in response.context["page"].object_list]


@pytest.mark.parametrize("asked", ["110 million", "1.1亿", "110000000", "over 110 million RMB"])
def test_a_number_is_found_however_it_is_written(client, seed_catalogue, asked):
    assert listed(client, asked) == ["yaan-weibo-donations-cny"]


def test_words_are_found_in_labels_stated_as_and_units_in_both_languages(client, seed_catalogue):
    assert listed(client, "募集善款") == ["yaan-weibo-donations-cny"]
    assert listed(client, "20 billion plays") == ["kwai-agricultural-assistance-plays"]
    assert "kwai-daily-active-users-2020" in listed(client, "Kwai 2020")


def test_a_search_that_finds_nothing_keeps_the_words_in_the_box(client, seed_catalogue):
    assert listed(client, "nothing like this") == []
    assert (
        'value="nothing like this"' in client.get("/figures/?q=nothing+like+this").content.decode()
    )


def test_a_search_narrows_the_download_too(client, seed_catalogue):
    rows = b"".join(client.get(f"/figures/export.csv?q={quote('1.1亿')}").streaming_content)

    keys = [line.split(",")[0] for line in rows.decode("utf-8-sig").splitlines()[1:]]
    assert keys == ["yaan-weibo-donations-cny"]
