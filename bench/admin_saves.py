"""Queries of one save in the admin: a figure edited inline on its case's page, the same
figure on its own page, and a figure saved in code. Numbers only; not part of the suite.

    .venv/bin/python -m pytest bench/admin_saves.py -q -s
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import Figure
from tests.pages import form_data

pytestmark = pytest.mark.django_db


def queries_of(action):
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries.captured_queries)


def test_queries_of_one_save(admin_client, yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    case_page = reverse("admin:campaigns_campaign_change", args=[yaan_case.pk])
    inline = form_data(admin_client.get(case_page))
    inline["figures-0-label"] = "Money raised"
    figure_page = reverse("admin:campaigns_figure_change", args=[figure.pk])

    def save_inline():
        assert admin_client.post(case_page, dict(inline.lists())).status_code == 302

    def save_on_its_page():
        own = form_data(admin_client.get(figure_page))
        own["label"] = "Money raised again"
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.post(figure_page, dict(own.lists())).status_code == 302
        return len(queries.captured_queries)

    def save_in_code():
        figure.refresh_from_db()
        figure.label = "Money raised in code"
        figure.save()

    print()
    print(f"a figure edited inline on its case's page: {queries_of(save_inline)} queries")
    print(f"a figure saved on its own page: {save_on_its_page()} queries")
    print(f"figure.save() in code: {queries_of(save_in_code) - 1} queries (after its read)")
