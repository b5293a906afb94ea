"""The audit: what counts as a number in a text, each rule with a claim it finds and one it
leaves alone, the queries it reads the catalogue in, ``manage.py audit_catalogue``'s output and
exit status, and the admin's audit page."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import translation

from campaigns import auditing
from campaigns.mentions import mentions
from campaigns.models import (
    Campaign,
    CaveatKind,
    DatePrecision,
    Evidence,
    Figure,
    Language,
    Participation,
    Qualifier,
    Role,
    SubjectEvidence,
    TitleKind,
    sentences,
)
from tests import factories
from tests.pages import change_url, page, text

pytestmark = pytest.mark.django_db

AUDIT = "/admin/audit/"


def findings(code):
    """What the rule ``code`` finds in the catalogue, as (slug, field, message)."""
    [(_rule, found)] = auditing.audit([code])
    return [(finding.slug, finding.field, finding.message) for finding in found]


def rewrite(record, **fields):
    """Change a record's fields in the database, as a curator's edit would."""
    type(record).objects.filter(pk=record.pk).update(**fields)


# --------------------------------------------------------------------------- what a number is


@pytest.mark.parametrize(
    ("written", "values"),
    [
        ("over 110 million RMB", ["110000000"]),
        ("超过1.1亿元人民币", ["110000000"]),
        ("折合逾1800万美元", ["18000000"]),
        ("over 20 billion plays; 200亿次", ["20000000000", "20000000000"]),
        ("more than 2,400,000 followers, 1,016 counties", ["2400000", "1016"]),
        ("他的100多万粉丝", ["1000000"]),
        ("from 5% to 19%, only 5.36 per cent", ["5", "19", "5.36"]),
        ("35.5 tonnes", ["35.5"]),
    ],
)
def test_numbers_are_read_with_their_separators_multipliers_and_percentages(written, values):
    assert [mention.value for mention in mentions(written)] == [Decimal(v) for v in values]


@pytest.mark.parametrize(
    "written",
    [
        "When COVID-19 hurt flower sales",
        "the 44th report; 第44次报告",
        "listed in reference [14]; 参考文献[14]",
        "Mark No. 3, vol. 57",
        "at 12:30 on 5G phones",
    ],
)
def test_numbers_in_names_ordinals_references_and_times_are_not_numbers(written):
    assert [mention for mention in mentions(written) if not mention.spelled] == []


@pytest.mark.parametrize(
    ("written", "dates"),
    [
        ("in April 2013", [(2013, 4, None)]),
        ("On 2 March 2020", [(2020, 3, 2)]),
        ("from 29 February to 2 March 2020", [(None, 2, 29), (2020, 3, 2)]),
        ("2020年2月29日至3月2日", [(2020, 2, 29), (None, 3, 2)]),
        ("In 2012 the alliance; 2011年初", [(2012, None, None), (2011, None, None)]),
    ],
)
def test_dates_are_read_as_precisely_as_they_are_written(written, dates):
    assert [mention.date for mention in mentions(written)] == dates


def test_numbers_in_words_and_decades_are_read_as_such():
    read = mentions("three days, ten thousand, 两天, born in the 1980s, “80后”")

    assert [(mention.value, mention.spelled) for mention in read[:3]] == [
        (Decimal(3), True),
        (Decimal(10000), True),
        (Decimal(2), True),
    ]
    assert [mention.decade for mention in read[3:]] == [1980, 1980]


# --------------------------------------------------------------------------- unbacked numbers


def test_a_number_no_figure_of_the_case_states_is_found(yaan_case):
    rewrite(yaan_case, summary="Weibo raised 120 million RMB within 72 hours.")

    assert findings("number-without-figure") == [
        (
            "yaan-earthquake",
            "summary",
            "“120 million” (120,000,000): no figure of the case states it, and it is none of "
            "the case's dates, its sources' or its figures' dates.",
        )
    ]


def test_numbers_the_figures_state_and_the_case_dates_are_backed_in_either_language(yaan_case):
    rewrite(
        yaan_case,
        summary="In April 2013 Weibo raised over 110 million RMB within 72 hours.",
        summary_zh="2013年4月，微博在72小时内筹得超过1.1亿元人民币。",
        description="The Gates Foundation's post of 13 May 2013 tells it; 110,000,000 RMB.",
        description_zh="盖茨基金会2013年5月13日的博文讲述了此事。",
    )

    assert findings("number-without-figure") == []


def test_a_date_more_precise_than_the_case_knows_or_a_year_it_does_not_give_is_found(yaan_case):
    rewrite(
        yaan_case,
        description="On 20 April 2013 Sina opened its platform; the Alliance formed in 2011 "
        "(in 2011, not 2012).",
    )

    [(slug, field, message)] = findings("number-without-figure")

    assert (slug, field) == ("yaan-earthquake", "description")
    assert message.startswith("“20 April 2013”, “2011”, “2012”: no figure")


def test_numbers_in_words_and_decades_are_not_held_against_a_text(yaan_case):
    rewrite(
        yaan_case,
        description="Within three days a deputy magistrate born in the 1980s raised money.",
        description_zh="三天之内，“80后”副县长筹得善款。",
    )

    assert findings("number-without-figure") == []


def test_a_figure_about_the_platform_backs_the_case_only_when_it_cites_the_case_source(
    yaan_case, weibo_users, gates_report
):
    rewrite(yaan_case, summary="Weibo, with 500 million users, raised money.")

    assert [field for _slug, field, _message in findings("number-without-figure")] == ["summary"]

    rewrite(weibo_users, source=gates_report)

    assert findings("number-without-figure") == []


def test_a_participant_note_is_read_too(yaan_case):
    participation = Participation.objects.get(campaign=yaan_case, role=Role.ORGANISER)
    rewrite(participation, note="one of 3 charities", note_zh="三家慈善机构之一")

    assert [(slug, field) for slug, field, _message in findings("number-without-figure")] == [
        ("yaan-earthquake/one-foundation/organiser", "note")
    ]


# --------------------------------------------------------------------------- Chinese numbers differ


def test_a_chinese_text_whose_numbers_differ_from_its_english_is_found(yaan_case):
    rewrite(
        yaan_case,
        summary="Weibo raised over 110 million RMB.",
        summary_zh="微博筹得超过1.2亿元人民币。",
    )

    assert findings("chinese-numbers-differ") == [
        (
            "yaan-earthquake",
            "summary_zh",
            "The Chinese and the English say different numbers: only in the Chinese: “1.2亿” "
            "(120,000,000); only in the English: “110 million” (110,000,000).",
        )
    ]


def test_the_same_numbers_and_dates_written_either_way_agree(yaan_case):
    rewrite(
        yaan_case,
        summary="From 29 February to 2 March 2020 ten magistrates sold 53,000 kg in 3 hours.",
        summary_zh="2020年2月29日至3月2日，10位县长3小时内售出5.3万公斤。",
        description="A magistrate born in the 1980s sold 1.5 million kg.",
        description_zh="这位“80后”副县长售出150万公斤。",
    )

    assert findings("chinese-numbers-differ") == []


def test_a_text_with_no_chinese_yet_is_not_compared(yaan_case):
    rewrite(yaan_case, summary="Weibo raised over 110 million RMB.", summary_zh="")

    assert findings("chinese-numbers-differ") == []


def test_the_parts_of_a_case_are_compared_too(yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    rewrite(figure, caveat="Counted over 72 hours.", caveat_zh="按48小时统计。")

    assert [(slug, field) for slug, field, _message in findings("chinese-numbers-differ")] == [
        ("yaan-donations", "caveat_zh")
    ]


# --------------------------------------------------------------------------- conversions


def conversion(yaan_case, qualifier):
    """A conversion of the Ya'an donations into US dollars, with ``qualifier``."""
    return factories.FigureFactory(
        key="yaan-donations-usd",
        campaign=yaan_case,
        conversion_of=Figure.objects.get(key="yaan-donations"),
        value=Decimal(18000000),
        unit="USD",
        qualifier=qualifier,
        stated_as="more than 18 million US dollars",
    )


def test_a_conversion_with_another_qualifier_than_its_figure_is_found(yaan_case):
    conversion(yaan_case, Qualifier.EXACTLY)

    assert findings("conversion-qualifier") == [
        (
            "yaan-donations-usd",
            "qualifier",
            "It is “exactly”, but the figure it converts, yaan-donations, is “over”: a "
            "conversion carries its figure's qualifier.",
        )
    ]


def test_a_conversion_with_its_figure_qualifier_is_not(yaan_case):
    conversion(yaan_case, Qualifier.OVER)

    assert findings("conversion-qualifier") == []


# --------------------------------------------------------------------------- as-of dates


def test_an_as_of_date_that_is_the_source_date_unmarked_is_found(yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    rewrite(figure, as_of=datetime.date(2013, 5, 13), as_of_precision=DatePrecision.DAY)

    assert findings("as-of-is-source-date") == [
        (
            "yaan-donations",
            "as_of",
            "Its as-of date, 13 May 2013, is the publication date of its source (gates-2013): "
            "mark it as the document's date (or of the kind “As-of date estimated”), or give "
            "the date the source says the figure was true.",
        )
    ]


def test_an_as_of_date_marked_as_estimated_or_not_the_source_date_is_not(yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    rewrite(
        figure,
        as_of=datetime.date(2013, 5, 13),
        caveat_kind=CaveatKind.AS_OF_ESTIMATED,
        caveat="The post's date.",
    )
    factories.FigureFactory(  # the source's month, not its day
        campaign=yaan_case, as_of=datetime.date(2013, 5, 1), as_of_precision=DatePrecision.MONTH
    )

    assert findings("as-of-is-source-date") == []


def test_an_as_of_date_marked_as_the_documents_under_another_caveat_is_not(yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    rewrite(
        figure,
        as_of=datetime.date(2013, 5, 13),
        caveat_kind=CaveatKind.DERIVED,
        caveat="“Thousands” is read as at least 2,000.",
        as_of_precision=DatePrecision.DAY,
        as_of_is_document_date=True,
    )

    assert findings("as-of-is-source-date") == []
    rewrite(figure, as_of_is_document_date=False)
    assert [slug for slug, _field, _message in findings("as-of-is-source-date")] == [
        "yaan-donations"
    ]


def test_a_conversion_its_source_states_inconsistently_keeps_its_own_qualifier(yaan_case):
    usd = conversion(yaan_case, Qualifier.ABOUT)
    rewrite(
        usd,
        caveat_kind=CaveatKind.SOURCE_INCONSISTENT,
        caveat="The report gives both amounts, in words that differ.",
    )

    assert findings("conversion-qualifier") == []


@pytest.mark.usefixtures("seed_catalogue")
def test_the_seed_catalogue_audits_clean():
    assert {rule.code: [str(f.message) for f in found] for rule, found in auditing.audit()} == {
        code: [] for code in auditing.RULE_CODES
    }


# --------------------------------------------------------------------------- Chinese names


def test_a_chinese_title_no_source_can_give_is_found(gates_report):
    rewrite(gates_report, title_zh="社交媒体的力量")  # the report is in English
    translated = factories.SourceFactory(
        slug="described",
        language=Language.CHINESE,
        title="[A county's report on its apple sales]",
        title_kind=TitleKind.DESCRIPTION,
        title_zh="某县苹果销售报告",
    )

    assert [(slug, field) for slug, field, _message in findings("chinese-name-unsourced")] == [
        (translated.slug, "title_zh"),
        ("gates-2013", "title_zh"),
    ]


def test_the_chinese_title_of_a_document_in_chinese_is_its_own(gates_report):
    rewrite(gates_report, title_zh="社交媒体的力量", language=Language.CHINESE)

    assert findings("chinese-name-unsourced") == []


def participant_of_our_translation(campaign):
    """Wang Shuai (王帅, our translation of his name), a champion of ``campaign``."""
    wang = factories.OrganisationFactory(
        name="Wang Shuai", name_zh="王帅", name_zh_ours=True, slug="wang-shuai"
    )
    factories.ParticipationFactory(campaign=campaign, organisation=wang, role=Role.CHAMPION)


def test_a_name_of_our_translation_unmarked_in_a_case_text_is_found(yaan_case):
    participant_of_our_translation(yaan_case)
    rewrite(yaan_case, title_zh="王帅", summary_zh="副县长王帅与壹基金一起募捐。")

    assert findings("chinese-name-unsourced") == [
        (
            "yaan-earthquake",
            "summary_zh",
            "“王帅”: our translation, as its organisation says, but not marked so here: add "
            "“（本目录译名）” after its first mention.",
        )
    ]


def test_a_name_of_our_translation_marked_once_in_the_text_is_not(yaan_case):
    participant_of_our_translation(yaan_case)
    rewrite(yaan_case, summary_zh="副县长王帅（本目录译名）与壹基金一起募捐；王帅说……")

    assert findings("chinese-name-unsourced") == []


# --------------------------------------------------------------------------- the whole audit


def with_evidence(*campaigns):
    """Evidence for every sentence of the cases' summaries and descriptions."""
    for campaign in campaigns:
        campaign.refresh_from_db()
        for name in auditing.EVIDENCED_TEXTS:
            for number, _sentence in enumerate(sentences(getattr(campaign, name)), start=1):
                factories.EvidenceFactory(
                    campaign=campaign, field=name, sentence=number, quote="its words"
                )


@pytest.mark.parametrize("rows", [2, 6])
def test_the_audit_reads_the_catalogue_in_the_same_queries_at_any_size(
    rows, django_assert_num_queries
):
    factories.build_varied_catalogue(rows)
    Participation.objects.update(note="one of 3 partners")
    with_evidence(*Campaign.objects.all())

    with django_assert_num_queries(11):
        results = dict(auditing.audit())
        described = [
            (finding.slug, str(finding.kind), str(finding.field_label), finding.admin_url())
            for found in results.values()
            for finding in found
        ]

    assert len(results) == len(auditing.RULES)
    assert len(described) == Participation.objects.count() == 2 * rows


def test_the_rules_run_are_the_ones_asked_for_in_their_order(yaan_case):
    codes = ["as-of-is-source-date", "number-without-figure"]

    assert [rule.code for rule, _found in auditing.audit(codes)] == [
        "number-without-figure",
        "as-of-is-source-date",
    ]


def test_a_sentence_no_evidence_names_is_found(yaan_case):
    rewrite(yaan_case, description="Sina opened its platform. Donors gave for three days.")
    with_evidence(yaan_case)
    Evidence.objects.filter(campaign=yaan_case, field="description", sentence=2).delete()

    assert findings("sentence-without-evidence") == [
        ("yaan-earthquake", "description", "Sentences with no evidence: 2 of 2.")
    ]


def test_evidence_for_a_sentence_the_text_no_longer_has_is_found(yaan_case):
    with_evidence(yaan_case)
    rewrite(yaan_case, description="")

    assert findings("sentence-without-evidence") == [
        (
            "yaan-earthquake",
            "description",
            "Evidence names sentences the text does not have (1 of 0): the text was rewritten "
            "after the evidence was attached.",
        )
    ]


def test_a_description_sentence_no_evidence_names_is_found(yaan_case, gates_report):
    weibo = yaan_case.platforms.get()
    rewrite(weibo, description="A microblogging service. It raised money in 2013.")
    SubjectEvidence.objects.create(platform=weibo, sentence=2, source=gates_report, quote="x")
    with_evidence(yaan_case)

    assert findings("sentence-without-evidence") == [
        ("sina-weibo", "description", "Sentences with no evidence: 1 of 2.")
    ]
    SubjectEvidence.objects.create(platform=weibo, sentence=1, source=gates_report, quote="y")
    assert findings("sentence-without-evidence") == []


def test_a_case_whose_every_sentence_has_evidence_is_not_found(yaan_case):
    with_evidence(yaan_case)

    assert findings("sentence-without-evidence") == []


# --------------------------------------------------------------------------- the command


def catalogue_with_two_findings(yaan_case):
    """The Ya'an case with a conversion of another qualifier and a number no figure states."""
    conversion(yaan_case, Qualifier.EXACTLY)
    rewrite(yaan_case, summary="Weibo raised 120 million RMB.")
    with_evidence(yaan_case)


def test_the_command_prints_the_findings_by_rule_and_fails(yaan_case):
    catalogue_with_two_findings(yaan_case)
    out = StringIO()

    with pytest.raises(CommandError, match="2 findings") as error:
        call_command("audit_catalogue", stdout=out, no_color=True)

    assert error.value.returncode == 1
    assert out.getvalue().splitlines() == [
        "number-without-figure: Numbers in a case's text that match no figure of the case (1)",
        "  campaign yaan-earthquake, summary: “120 million” (120,000,000): no figure of the "
        "case states it, and it is none of the case's dates, its sources' or its figures' "
        "dates.",
        "",
        "conversion-qualifier: Conversions whose qualifier differs from their figure's (1)",
        "  figure yaan-donations-usd, qualifier: It is “exactly”, but the figure it converts, "
        "yaan-donations, is “over”: a conversion carries its figure's qualifier.",
        "",
    ]


def test_the_command_exits_with_status_1_on_findings_and_0_on_none(yaan_case, capsys, monkeypatch):
    # A command run as from the shell closes the connections when it ends: not the test's.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with_evidence(yaan_case)
    ManagementUtility(["manage.py", "audit_catalogue"]).execute()  # returns: status 0

    conversion(yaan_case, Qualifier.EXACTLY)
    rewrite(yaan_case, summary="Weibo raised 120 million RMB.")
    with pytest.raises(SystemExit) as failed:
        ManagementUtility(["manage.py", "audit_catalogue"]).execute()
    assert failed.value.code == 1
    assert "CommandError: 2 findings" in capsys.readouterr().err


def test_a_clean_catalogue_gets_one_line(campaign, figure):
    with_evidence(campaign)
    out = StringIO()

    call_command("audit_catalogue", stdout=out, no_color=True)

    assert out.getvalue() == f"No findings ({', '.join(auditing.RULE_CODES)}).\n"


def test_the_command_runs_only_the_rules_asked_for(yaan_case):
    catalogue_with_two_findings(yaan_case)
    out = StringIO()

    call_command(
        "audit_catalogue",
        "--rule",
        "as-of-is-source-date",
        "--rule",
        "chinese-numbers-differ",
        stdout=out,
        no_color=True,
    )

    assert out.getvalue() == "No findings (chinese-numbers-differ, as-of-is-source-date).\n"


def test_an_unknown_rule_is_refused_with_the_rules_there_are(db):
    with pytest.raises(CommandError, match="invalid choice: 'numbers'.*number-without-figure"):
        call_command("audit_catalogue", "--rule", "numbers")


# --------------------------------------------------------------------------- the admin page


def test_the_audit_page_lists_findings_by_rule_with_links_to_the_records(editor, yaan_case):
    catalogue_with_two_findings(yaan_case)

    html = page(editor, AUDIT)

    words = text(html)
    assert "Audit: claims the catalogue cannot back" in words
    assert "2 findings" in words
    assert "Numbers in a case's text that match no figure of the case (1)" in words
    assert "Conversions whose qualifier differs from their figure's (1)" in words
    assert "As-of dates that are the source's date, not marked as estimated (0)" in words
    assert f'<a href="{change_url(yaan_case)}">yaan-earthquake</a>' in html
    usd = Figure.objects.get(key="yaan-donations-usd")
    assert f'<a href="{change_url(usd)}">yaan-donations-usd</a>' in html


def test_records_the_curator_may_not_view_are_named_without_a_link(viewer, yaan_case):
    catalogue_with_two_findings(yaan_case)

    html = page(viewer, AUDIT)

    assert f'<a href="{change_url(yaan_case)}">yaan-earthquake</a>' in html
    usd = Figure.objects.get(key="yaan-donations-usd")
    assert "yaan-donations-usd" in html and change_url(usd) not in html


def test_the_audit_page_says_so_when_there_is_nothing_to_fix(viewer, campaign):
    with_evidence(campaign)
    assert "No findings: the catalogue backs every claim the audit checks." in text(
        page(viewer, AUDIT)
    )


def test_the_audit_reads_in_chinese_for_a_chinese_admin(yaan_case):
    catalogue_with_two_findings(yaan_case)

    with translation.override("zh-hans"):
        [(rule, [finding])] = auditing.audit(["conversion-qualifier"])

        assert str(rule.title) == "换算数据的限定词与原数据不一致"
        assert (str(finding.kind), str(finding.field_label)) == ("数据", "限定词")
        assert finding.message.endswith("：换算的限定词应与原数据一致。")


def test_staff_who_may_not_view_cases_cannot_see_the_audit(staff):
    assert staff.get(AUDIT).status_code == 403


def test_visitors_are_asked_to_sign_in_to_see_the_audit(client):
    response = client.get(AUDIT)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_home_links_to_the_audit(viewer):
    assert f'href="{AUDIT}"' in page(viewer, "/admin/")


@pytest.mark.parametrize("rows", [2, 6])
def test_the_audit_page_runs_the_same_queries_at_any_size(editor, rows, django_assert_num_queries):
    factories.build_varied_catalogue(rows)
    Participation.objects.update(note="one of 3 partners")
    Campaign.objects.update(summary="Raised 120 million.")
    with_evidence(*Campaign.objects.all())

    with django_assert_num_queries(15):
        response = editor.get(AUDIT)

    assert response.status_code == 200
    assert response.context["total"] == 3 * rows
