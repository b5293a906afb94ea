"""Two organisations' descriptions say only what the documents give, for a database that
loaded the seed before: Kuaishou is named by the CGPI article beside Kwai (no document says
it runs Kwai), and no document says what Leeds City Council is beyond its name.

As in 0027 and 0029, a description changes only where it still holds the previous seed's
words, so a curator's own edit is kept; the rows' ``updated_at`` and the catalogue's version
follow. Undone, each changes back where it holds the new words.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

CHANGES = [
    (
        "kuaishou",
        {
            "description": (
                "Chinese company behind the Kwai short-video and live-streaming app.",
                "Named in the CGPI article, beside Kwai, among the short-video platforms that "
                "launched agricultural-assistance communication during the pandemic.",
            ),
            "description_zh": (
                "中国公司，旗下有快手短视频和直播应用。",
                "CGPI的文章在列举疫情期间开展短视频助农传播的平台时，将其与Kwai并列提及。",
            ),
        },
    ),
    (
        "leeds-city-council",
        {
            "description": (
                "Local authority for Leeds in England. One reader's comment on a blog post "
                "speaks of a #trulysocial culture shift at the council as one the commenter "
                "shares in.",
                "One reader's comment on a blog post speaks of a #trulysocial culture shift at "
                "the council as one the commenter shares in.",
            ),
            "description_zh": (
                "英格兰利兹的地方政府。一篇博文下的一条读者评论以亲历者的口吻提到该议会的 "
                "#trulysocial 文化转变。",
                "一篇博文下的一条读者评论以亲历者的口吻提到该议会的 #trulysocial 文化转变。",
            ),
        },
    ),
]
"""(organisation slug, {field: (previous words, new words)})."""


def describe(apps, schema_editor, forward=True):
    Organisation = apps.get_model("campaigns", "Organisation")
    was, becomes = (0, 1) if forward else (1, 0)
    now = timezone.now()
    changed = 0
    for slug, fields in CHANGES:
        changed += Organisation._base_manager.filter(
            slug=slug, **{name: pair[was] for name, pair in fields.items()}
        ).update(**{name: pair[becomes] for name, pair in fields.items()}, updated_at=now)
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        bumped = CatalogueVersion._base_manager.filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )
        if not bumped:
            CatalogueVersion._base_manager.get_or_create(pk=1, defaults={"changed_at": now})


def undo(apps, schema_editor):
    describe(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0030_subject_evidence")]

    operations = [migrations.RunPython(describe, undo)]
