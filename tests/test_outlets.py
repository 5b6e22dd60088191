"""Outlet names: machine-made site names become the name a reader knows; real names stay."""

from __future__ import annotations

import pytest

from quotetrace.outlets import key, normalise


@pytest.mark.parametrize(
    "raw, name",
    [
        ("HeraldIndia", "Herald"),
        ("Herald_Co_Uk", "Herald"),
        ("ReutersIndia", "Reuters"),  # as trafilatura reads in.reuters.com
        ("Reuters_Co_Uk", "Reuters"),  # and uk.reuters.com
        ("Telegraph.co.uk", "The Telegraph"),
        ("harbour_herald", "Harbour Herald"),
        ("New_York_Times_Co_Uk", "New York Times"),
        ("NY Daily News", "New York Daily News"),
    ],
)
def test_machine_made_names_are_normalised(raw, name):
    assert normalise(raw) == name


@pytest.mark.parametrize(
    "raw", ["The Boston Herald", "NOLA.com", "OregonLive.com", "Fox News Latino", "Le Monde", "GlobalNews"]
)
def test_names_people_write_stay_as_given(raw):
    assert normalise(raw) == raw


def test_empty_and_missing():
    assert normalise(None) is None and normalise("  \n") is None
    assert key("The  Globe-and-Mail") == "theglobeandmail"
