"""The seed's corrections of issue 20, for a database that loaded the seed before them.

Claims the five documents do not support are rewritten (both languages), figures carry the
caveats readers need (derived, unit assumed, source inconsistent, as-of date estimated; "up to"
read as "reached"), the two US-dollar conversions carry their amounts' "nearly", the
dating-photo trend becomes an "other online trend" (scope added in 0026), and the Chinese
texts say what the English says, marking the names that are our translation.

Each change is made only where the row still holds the old seed's value — a text, or a group
of fields that go together (a figure's kind of caveat with its texts, its as-of date with its
precision, a participant's note with its "not stated by the source") — so a curator's own edit
is kept and a database that already loaded the corrected seed is left as it is. What follows
a change is brought in step here, as the live code would: the rows' and their cases'
``updated_at``, the cases' search documents (the frozen copy of how they are written), the
catalogue's version (cached pages, ETags and the summary follow it), and, for a published
case's figure whose qualifier changes, the correction readers see. Undone, each change is made
back where the row holds the corrected value, and those corrections are removed.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.db import migrations
from django.db.models import F
from django.utils import timezone

from campaigns.migrations._frozen_search import refresh_search_documents

SEARCHED = {"title", "title_zh", "summary", "summary_zh", "description", "description_zh"}
"""A case's fields its search document holds that these changes touch."""

QUALIFIERS = {"exactly": "exactly", "nearly": "nearly"}
"""The qualifiers' English labels, as a correction shows them (those these changes use)."""

CORRECTION_NOTES = {
    "song-xiaoying-turnover-usd": (
        "The source gives “nearly 550,000 CNY (77,781 USD)”: the dollar amount is nearly as "
        "exact as the yuan it converts."
    ),
    "xigua-county-magistrates-sales-usd": (
        "The source gives “nearly 3 million CNY (424,262 USD)”: the dollar amount is nearly as "
        "exact as the yuan it converts."
    ),
}
"""Why readers see a figure's qualifier change, for the published figures whose does."""


def stored(field, value):
    """A value as the database holds it (the as-of dates are ISO dates here)."""
    if field == "as_of" and value is not None:
        return datetime.date.fromisoformat(value)
    return value


def shown(qualifier, value, unit):
    """A statement as a correction shows a changed qualifier: "nearly 77,781 USD"."""
    number = Decimal(value).normalize()
    return f"{QUALIFIERS[qualifier]} {number:,f} {unit}"


def correct(apps, schema_editor, forward=True):
    models = SimpleNamespace(
        **{
            name: apps.get_model("campaigns", name)
            for name in ("Campaign", "Participation", "TaggedCampaign")
        }
    )
    Correction = apps.get_model("campaigns", "Correction")
    now = timezone.now()
    was, becomes = (0, 1) if forward else (1, 0)
    parts_changed, searched, changed = set(), set(), False
    for model_name, lookup, fields in CHANGES:
        model = apps.get_model("campaigns", model_name)
        old = {name: stored(name, pair[was]) for name, pair in fields.items()}
        new = {name: stored(name, pair[becomes]) for name, pair in fields.items()}
        rows = model._base_manager.filter(**lookup, **old)
        ids = list(rows.values_list("pk", flat=True))
        if not ids:  # changed by a curator, or corrected already
            continue
        changed = True
        stamp = {"updated_at": now} if model_name != "Participation" else {}
        model._base_manager.filter(pk__in=ids).update(**new, **stamp)
        if model_name == "Campaign":
            if SEARCHED & set(fields):
                searched.update(ids)
        elif model_name in ("Participation", "Figure"):
            parts_changed.update(
                model._base_manager.filter(pk__in=ids).values_list("campaign_id", flat=True)
            )
        if model_name == "Figure" and "qualifier" in fields:
            for figure in model._base_manager.filter(pk__in=ids, campaign__status="published"):
                before = shown(fields["qualifier"][0], figure.value, figure.unit)
                after = shown(fields["qualifier"][1], figure.value, figure.unit)
                note = CORRECTION_NOTES[figure.key]
                if forward:
                    Correction._base_manager.create(
                        campaign_id=figure.campaign_id,
                        figure=figure,
                        label=figure.label,
                        label_zh=figure.label_zh,
                        before=before,
                        after=after,
                        note=note,
                        made_at=now,
                    )
                else:
                    Correction._base_manager.filter(
                        figure=figure, before=before, after=after, note=note
                    ).delete()
    parts_changed.discard(None)
    if parts_changed:
        models.Campaign._base_manager.filter(pk__in=parts_changed).update(updated_at=now)
    if searched:
        refresh_search_documents(models, searched)
    if changed:
        CatalogueVersion = apps.get_model("campaigns", "CatalogueVersion")
        bumped = CatalogueVersion._base_manager.filter(pk=1).update(
            number=F("number") + 1, changed_at=now
        )
        if not bumped:
            CatalogueVersion._base_manager.get_or_create(pk=1, defaults={"changed_at": now})


def undo(apps, schema_editor):
    correct(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0026_scope_other_trend")]

    operations = [migrations.RunPython(correct, undo)]


# Every field the corrected seed changes: (model, the row's natural key, {field: (old, new)}),
# one entry per field or group of fields that change together.
CHANGES = [
    (
        'Source',
        {'slug': "social-media-for-social-good-blog"},
        {
            'note': (
                (
                    "A UK consultant's definition of the term, followed by reader comments "
                    "that mention Leeds City Council and the UNC Wilmington students. The "
                    "copy names no publisher, no date and not the author's full name, so the "
                    "catalogue records none of them."
                ),
                (
                    "A blog post in which the author defines the term, which they say names a"
                    " key part of their work, followed by reader comments that mention Leeds "
                    "City Council and the UNC Wilmington students. The post gives its author "
                    "no country or profession, and the copy names no publisher, no date and "
                    "not the author's full name, so the catalogue records none of them."
                ),
            ),
        },
    ),
    (
        'Source',
        {'slug': "social-media-for-social-good-blog"},
        {
            'note_zh': (
                (
                    "一位英国顾问对这一概念的定义，后附读者评论，其中提到利兹市议会和北卡"
                    "罗来纳大学威尔明顿分校的学生。文本没有写明发布者、日期和作者全名，因"
                    "此本目录均不记录。"
                ),
                (
                    "一篇博文，作者在文中为这一概念下定义，并称它概括了自己工作的重要部分"
                    "；后附读者评论，其中提到利兹市议会和北卡罗来纳大学威尔明顿分校的学生"
                    "。博文没有说明作者的国籍或职业；文本也没有写明发布者、日期和作者全名"
                    "，因此本目录均不记录。"
                ),
            ),
        },
    ),
    (
        'Source',
        {'slug': "social-media-for-social-good-in-china-book"},
        {
            'note': (
                (
                    "Launched in Beijing in May 2013. Mandarin copies first; the Gates "
                    "Foundation announced an English edition for later that year."
                ),
                (
                    "Launched in Beijing in May 2013. Mandarin copies first; the Gates "
                    "Foundation's post looked forward to an English edition later that year."
                ),
            ),
        },
    ),
    (
        'Source',
        {'slug': "social-media-for-social-good-in-china-book"},
        {
            'note_zh': (
                (
                    "2013年5月在北京发布。先推出中文版；盖茨基金会宣布英文版将于当年"
                    "晚些时候推出。"
                ),
                (
                    "2013年5月在北京发布。先推出中文版；盖茨基金会的博文表示期待当年"
                    "晚些时候推出英文版。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "bill-melinda-gates-foundation"},
        {
            'description': (
                (
                    "US private foundation that partners with China's alliance of social "
                    "media companies for social good and reported on its campaigns in 2013."
                ),
                (
                    "US private foundation whose blog reported in 2013 on the campaigns of "
                    "the Chinese Social Media for Social Good Alliance, several of whose "
                    "members are among the foundation's partners."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "bill-melinda-gates-foundation"},
        {
            'description_zh': (
                (
                    "美国私人基金会，与中国社交媒体企业公益联盟合作，并于2013年报道了"
                    "该联盟开展的活动。"
                ),
                (
                    "美国私人基金会，其博客在2013年介绍了 Chinese "
                    "Social Media for Social Good "
                    "Alliance 开展的活动；该联盟的多名成员是基金会的合作伙伴。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "chinese-social-media-for-social-good-alliance"},
        {
            'description': (
                (
                    "Group of Chinese social media companies, formed in 2011, that runs "
                    "online campaigns on public health and other causes."
                ),
                (
                    "Alliance formed in 2011 which, the Gates Foundation reports, has since "
                    "started or taken part in a run of online campaigns on serious "
                    "public-health problems; several of its members are partners of the "
                    "foundation."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "chinese-social-media-for-social-good-alliance"},
        {
            'description_zh': (
                (
                    "由中国社交媒体企业组成的团体，成立于2011年，围绕公共卫生等公益议"
                    "题开展网络宣传活动。"
                ),
                (
                    "成立于2011年的联盟。据盖茨基金会介绍，该联盟此后发起或参与了一系"
                    "列针对严重公共卫生问题的网络宣传活动；其多名成员是基金会的合作伙伴。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "ministry-of-health-china"},
        {
            'description': (
                (
                    "China's national health ministry, which partnered with the social media "
                    "alliance on tuberculosis awareness in 2012."
                ),
                (
                    "China's national health ministry, which partnered with the Chinese "
                    "Social Media for Social Good Alliance on tuberculosis awareness in 2012."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "ministry-of-health-china"},
        {
            'description_zh': (
                "中国国家卫生主管部门，2012年与社交媒体企业联盟合作开展结核病防治宣传。",
                (
                    "中国国家卫生主管部门，2012年与 Chinese Social "
                    "Media for Social Good Alliance "
                    "合作开展结核病防治宣传。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-earthquake-network"},
        {
            'description': (
                (
                    "China's national seismic monitoring network, which publishes earthquake "
                    "reports to a large online following."
                ),
                (
                    "China's national seismic monitoring network, which posted news of the "
                    "April 2013 Ya'an earthquake to its 1.5 million followers seconds after "
                    "it struck."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-earthquake-network"},
        {
            'description_zh': (
                "中国国家地震监测台网，面向庞大的网上粉丝群发布地震信息。",
                (
                    "中国国家地震监测台网，2013年4月雅安地震发生数秒后即向其150万"
                    "粉丝发布了地震消息。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "baidu"},
        {
            'description': (
                "Operator of China's largest search engine.",
                "Operator of the Baidu search engine, one of China's major search engines.",
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "baidu"},
        {
            'description_zh': (
                "中国最大搜索引擎的运营商。",
                "百度搜索引擎的运营商；百度是中国主要的搜索引擎之一。",
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "leeds-city-council"},
        {
            'description': (
                (
                    "Local authority for Leeds in England, whose staff described a "
                    "#trulysocial change in how the council works."
                ),
                (
                    "Local authority for Leeds in England. One reader's comment on a blog "
                    "post speaks of a #trulysocial culture shift at the council as one the "
                    "commenter shares in."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "leeds-city-council"},
        {
            'description_zh': (
                (
                    "英格兰利兹的地方政府，其工作人员介绍了议会以 "
                    "#trulysocial 为名的工作方式转变。"
                ),
                (
                    "英格兰利兹的地方政府。一篇博文下的一条读者评论以亲历者的口吻提到该议"
                    "会的 #trulysocial 文化转变。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "groupon"},
        {
            'description': (
                "US group-buying company that entered China in 2011 under the GaoPeng name.",
                (
                    "US group-buying company whose entry into China, under the name GaoPeng, "
                    "was confirmed in February 2011."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "groupon"},
        {
            'description_zh': (
                "美国团购公司，2011年以“高朋”之名进入中国。",
                "美国团购公司；2011年2月，其将以“高朋”之名进入中国一事得到确认。",
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "cnhnb"},
        {
            'description': (
                (
                    "Agricultural e-commerce site that ran a poverty-relief selling activity "
                    "with Tencent Wesee in 2020."
                ),
                (
                    "Agricultural e-commerce site that, according to a February 2020 report, "
                    "launched a poverty-alleviation and agricultural-assistance activity with"
                    " Tencent Wesee."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "cnhnb"},
        {
            'description_zh': (
                "农业电商网站，2020年与腾讯微视合作开展扶贫销售活动。",
                (
                    "农业电商网站；据2020年2月的一篇报道，它与腾讯微视联合开展了扶贫"
                    "助农活动。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "wanrong-youpin"},
        {
            'description': (
                (
                    "Wanrong County produce brand whose spokesperson's Xigua Video live room "
                    "hosted the March 2020 apple sale."
                ),
                (
                    "Named in the CGPI article only through its spokesman, in whose Xigua "
                    "Video live room Song Xiaoying sold Wanrong County's apples in March "
                    "2020; the article does not say what Wanrong Youpin is."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "wanrong-youpin"},
        {
            'description_zh': (
                (
                    "万荣县农产品品牌，2020年3月的苹果销售直播在其代言人的西瓜视频直"
                    "播间进行。"
                ),
                (
                    "深圳国际公益学院的文章只通过其代言人提到它：2020年3月，宋晓英在"
                    "这位代言人的西瓜视频直播间销售万荣县的苹果；文章没有说明 "
                    "Wanrong Youpin 是什么。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "county-girl"},
        {
            'description': (
                (
                    "Rural creator on Xigua Video, "
                    "known as the “county girl”, who "
                    "sells local produce and works with"
                    " Toutiao's agriculture programmes."
                ),
                (
                    "Creator on Xigua Video known as "
                    "the “county girl”, certified as "
                    "one of Toutiao's Agricultural "
                    "Contributors and a partner of its "
                    "“Agriculture, Rural areas and "
                    "Farmers” union; she has sold "
                    "yellow ginger and joined the 2020 "
                    "agricultural assistance activity."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "county-girl"},
        {
            'description_zh': (
                (
                    "西瓜视频上的乡村创作者，人称“县城姑娘”，销售当地农产品，并与今日头"
                    "条的农业项目合作。"
                ),
                (
                    "西瓜视频上的创作者，人称“县城姑娘”，获得今日头条“农业贡献者”认证"
                    "，也是其“三农”联盟的合作伙伴；她曾销售黄姜，并参与了2020年的助"
                    "农活动。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "greenovation-hub"},
        {
            'description': (
                (
                    "Chinese environmental nonprofit that took a Kwai influencer to the 2019 "
                    "UN climate conference in Madrid."
                ),
                (
                    "Environmental philanthropic organisation that, working with Kwai, "
                    "invited a Kwai influencer to the UN climate conference in Madrid in "
                    "December 2019."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "greenovation-hub"},
        {
            'description_zh': (
                (
                    "中国环保公益组织，曾带一位快手网红参加2019年在马德里举行的联合国"
                    "气候大会。"
                ),
                (
                    "环保公益组织，2019年12月与快手合作，邀请一位快手网红参加在马德"
                    "里举行的联合国气候大会。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "wang-xiangjun"},
        {
            'description': (
                (
                    "Adventurer who films glaciers for his Kwai audience, known online as "
                    "Glacier (Tibetan Adventurer King)."
                ),
                (
                    "Professional adventurer who films glaciers and has more than 1 million "
                    "fans; the CGPI article calls him Glacier and gives his net name as "
                    "Tibetan Adventurer King."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "wang-xiangjun"},
        {
            'description_zh': (
                "探险家，为快手观众拍摄冰川，网名“冰川哥（西藏冒险王）”。",
                (
                    "职业探险家，拍摄冰川视频，拥有100多万粉丝；深圳国际公益学院的文章"
                    "称他为“冰川哥”（Glacier），并称其网名为“西藏冒险王”。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-youth-climate-action-network"},
        {
            'description': (
                (
                    "Youth climate network that co-published, with Greenovation Hub and Kwai,"
                    " a review of their climate communication work."
                ),
                (
                    "Youth climate network named, with Greenovation and Kwai, as an author of"
                    " the publication the CGPI article cites for the Madrid "
                    "climate-conference campaign."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-youth-climate-action-network"},
        {
            'description_zh': (
                "青年气候网络，与绿色创新发展中心和快手共同发布了对其气候传播工作的回顾。",
                (
                    "青年气候网络；深圳国际公益学院的文章为马德里气候大会传播活动引用了一"
                    "份资料，将其与绿色创新发展中心和快手一同列为该资料的作者。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "mara-administration-management-institute"},
        {
            'description_zh': (
                "中国农业农村部下属的培训机构，2020年2月“战疫助农”活动的发起方之一。",
                (
                    "中国农业农村部下属的培训机构，2020年2月“战疫助农”（Fight"
                    "ing the Virus, Helping the "
                    "Farmers，中文名为本目录译名）活动的发起方之一。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "beijing-poverty-reduction-office"},
        {
            'description_zh': (
                "北京市负责扶贫协作的市级办公室，2020年2月“战疫助农”活动的发起方之一。",
                (
                    "北京市负责扶贫协作的市级办公室，2020年2月“战疫助农”（Figh"
                    "ting the Virus, Helping the "
                    "Farmers，中文名为本目录译名）活动的发起方之一。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "social-participation-poverty-alleviation-china"},
        {
            'description_zh': (
                (
                    "被列为2020年2月“战疫助农”活动发起方之一的机构；深圳国际公益学"
                    "院的文章对其没有更多介绍。"
                ),
                (
                    "被列为2020年2月“战疫助农”（Fighting the "
                    "Virus, Helping the Farmers，中文名为本目录"
                    "译名）活动发起方之一的机构；深圳国际公益学院的文章对其没有更多介绍。"
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-foundation-for-poverty-alleviation"},
        {
            'description': (
                (
                    "National poverty-relief foundation and a member of ByteDance's Sound "
                    "Volume Plan."
                ),
                (
                    "National poverty-relief foundation that joined the Sound Volume Plan "
                    "launched by Douyin and Toutiao."
                ),
            ),
        },
    ),
    (
        'Organisation',
        {'slug': "china-foundation-for-poverty-alleviation"},
        {
            'description_zh': (
                "全国性扶贫基金会，字节跳动“音量计划”的成员。",
                "全国性扶贫基金会，已加入抖音和今日头条发起的“音量计划”。",
            ),
        },
    ),
    (
        'Platform',
        {'slug': "wechat"},
        {
            'description': (
                "Tencent's messaging app, which added in-app charitable giving in 2013.",
                (
                    "Tencent's messaging app; in October 2013 Tencent announced that its "
                    "users could give to charity from within it."
                ),
            ),
        },
    ),
    (
        'Platform',
        {'slug': "wechat"},
        {
            'description_zh': (
                "腾讯的即时通讯应用，2013年增加了应用内慈善捐款功能。",
                (
                    "腾讯的即时通讯应用；2013年10月，腾讯宣布用户可以在微信内直接向"
                    "慈善机构捐款。"
                ),
            ),
        },
    ),
    (
        'Platform',
        {'slug': "baidu"},
        {
            'description': (
                "China's largest web search engine.",
                "Web search engine, named among China's major search engines.",
            ),
        },
    ),
    (
        'Platform',
        {'slug': "baidu"},
        {
            'description_zh': (
                "中国最大的网络搜索引擎。",
                "网络搜索引擎，被列为中国主要的搜索引擎之一。",
            ),
        },
    ),
    (
        'Platform',
        {'slug': "facebook"},
        {
            'description': (
                (
                    "US social network, on which UNC Wilmington students set up a group to "
                    "save their sports teams."
                ),
                (
                    "US social network, on which a UNC Wilmington student set up a group to "
                    "help save the university's sports teams."
                ),
            ),
        },
    ),
    (
        'Platform',
        {'slug': "facebook"},
        {
            'description_zh': (
                (
                    "美国社交网络，北卡罗来纳大学威尔明顿分校的学生曾在上面建立群组，力保"
                    "学校的运动队。"
                ),
                (
                    "美国社交网络，北卡罗来纳大学威尔明顿分校的一名学生曾在上面建立群组，"
                    "助力保住学校的运动队。"
                ),
            ),
        },
    ),
    (
        'Platform',
        {'slug': "gaopeng-com"},
        {
            'description': (
                "Group-buying website through which Groupon entered China in 2011.",
                (
                    "Group-buying website confirmed in February 2011 as Groupon's name in "
                    "China; a demo site was briefly online."
                ),
            ),
        },
    ),
    (
        'Platform',
        {'slug': "gaopeng-com"},
        {
            'description_zh': (
                "团购网站，Groupon 于2011年借此进入中国。",
                (
                    "团购网站，2011年2月被确认为 Groupon "
                    "在中国使用的名称；其演示网站曾短暂上线。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "tb-awareness-ministry-of-health"},
        {
            'summary': (
                (
                    "In 2012 the alliance of Chinese social media companies worked with the "
                    "Ministry of Health on online campaigning to make people aware of "
                    "tuberculosis and how to stop it spreading."
                ),
                (
                    "In 2012 the Chinese Social Media for Social Good Alliance partnered with"
                    " China's Ministry of Health on an online effort to make people aware of "
                    "tuberculosis and to get them to act against its spread."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "tb-awareness-ministry-of-health"},
        {
            'summary_zh': (
                (
                    "2012年，中国社交媒体企业联盟与卫生部合作开展网络宣传，帮助公众认"
                    "识结核病，了解如何阻止其传播。"
                ),
                (
                    "2012年，Chinese Social Media for "
                    "Social Good Alliance 与中国卫生部合作开展网络宣"
                    "传，让公众了解结核病，并促使人们采取行动阻止其传播。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "tb-awareness-ministry-of-health"},
        {
            'description': (
                (
                    "The Gates Foundation's May 2013 post lists this partnership among the "
                    "Alliance's public-health work: its member social media companies and the"
                    " national health ministry used online campaigns to spread knowledge of "
                    "TB and to get people to take preventive steps. The post places it in the"
                    " previous year, so only the year 2012 is known; it names no platform and"
                    " reports no results."
                ),
                (
                    "The Gates Foundation's May 2013 post lists this partnership among the "
                    "efforts of the Chinese Social Media for Social Good Alliance on major "
                    "public-health challenges: with China's Ministry of Health, it aimed to "
                    "make people aware of TB and to get them to take steps to stop it "
                    "spreading. The post places it in the previous year, so only the year "
                    "2012 is known; it names no platform and reports no results."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "tb-awareness-ministry-of-health"},
        {
            'description_zh': (
                (
                    "盖茨基金会2013年5月的博文将这一合作列为该联盟的公共卫生工作之一"
                    "：联盟成员社交媒体企业与国家卫生部门通过网络宣传普及结核病知识，推动"
                    "公众采取预防措施。博文称其发生在前一年，因此只能确定年份为2012年"
                    "；博文没有提到具体平台，也没有报告成效。"
                ),
                (
                    "盖茨基金会2013年5月的博文将这一合作列为 Chinese "
                    "Social Media for Social Good "
                    "Alliance 应对重大公共卫生挑战的工作之一：该联盟与中国卫生部"
                    "合作，旨在让公众了解结核病，并促使人们采取措施阻止其传播。博文称其发"
                    "生在前一年，因此只能确定年份为2012年；博文没有提到具体平台，也没"
                    "有报告成效。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "world-no-tobacco-day-passive-smoking"},
        {
            'summary': (
                (
                    "An Alliance campaign for World No Tobacco Day which, the Gates "
                    "Foundation reports, lifted national awareness of the harm done by "
                    "second-hand smoke from 5% to 19%."
                ),
                (
                    "A World No Tobacco Day campaign that the Gates Foundation lists among "
                    "the Alliance's efforts and credits with lifting national awareness of "
                    "the harm done by second-hand smoke from 5% to 19%."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "world-no-tobacco-day-passive-smoking"},
        {
            'summary_zh': (
                (
                    "该联盟围绕世界无烟日开展的宣传活动。据盖茨基金会介绍，全国公众对二手"
                    "烟危害的知晓率由5%升至19%。"
                ),
                (
                    "盖茨基金会将这项世界无烟日宣传活动列为该联盟的工作之一，并称活动使全"
                    "国公众对二手烟危害的知晓率由5%升至19%。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "world-no-tobacco-day-passive-smoking"},
        {
            'description': (
                (
                    "The alliance of Chinese social media companies ran an online campaign "
                    "around World No Tobacco Day on the risks of breathing other people's "
                    "smoke. According to the Gates Foundation, the share of people in China "
                    "aware of those risks rose from 5% to 19%. The year is not given: the "
                    "Alliance formed in 2011 and the post that mentions the campaign appeared"
                    " in May 2013."
                ),
                (
                    "The Gates Foundation's May 2013 post names a World No Tobacco Day "
                    "campaign on the risks of breathing other people's smoke among the online"
                    " campaigns that the Chinese Social Media for Social Good Alliance has "
                    "started or taken part in since it formed, without saying which part the "
                    "Alliance played. According to the post, the campaign raised the share of"
                    " people in China aware of those risks from 5% to 19%. The year is not "
                    "given: the Alliance first came together two years before the post, which"
                    " appeared in May 2013."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "world-no-tobacco-day-passive-smoking"},
        {
            'description_zh': (
                (
                    "中国社交媒体企业联盟围绕世界无烟日开展网络宣传，介绍吸入他人烟雾的危"
                    "害。据盖茨基金会介绍，中国了解这些危害的人群比例从5%上升到19%。"
                    "活动年份不详：该联盟成立于2011年，提到这项活动的博文发表于201"
                    "3年5月。"
                ),
                (
                    "盖茨基金会2013年5月的博文提到一项介绍吸入他人烟雾之危害的世界无"
                    "烟日宣传活动，将其列为 Chinese Social Media "
                    "for Social Good Alliance 成立以来发起或参与"
                    "的网络宣传活动之一，但没有说明该联盟在其中扮演什么角色。据博文介绍，"
                    "这项活动使中国了解这些危害的人群比例从5%上升到19%。活动年份不详"
                    "：该联盟首次组建于这篇博文发表的两年前，博文发表于2013年5月。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-missing-person-search"},
        {
            'summary': (
                (
                    "Sina Weibo, Tencent Weibo, Baidu and Alibaba's Yitao pooled their "
                    "information so that a single search for a relative missing after the "
                    "Ya'an earthquake returned results from all of them."
                ),
                (
                    "Sina Weibo, Tencent Weibo, Baidu and Alibaba's Yitao decided to share "
                    "information, so that people looking for relatives missing after the "
                    "Ya'an earthquake could see the results of every participating search "
                    "engine with a single search."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-missing-person-search"},
        {
            'summary_zh': (
                (
                    "新浪微博、腾讯微博、百度和阿里巴巴旗下的一淘共享信息，寻找雅安地震中"
                    "失踪亲人的人只需搜索一次，即可得到来自各家的结果。"
                ),
                (
                    "新浪微博、腾讯微博、百度和阿里巴巴旗下的一淘决定共享信息，以便寻找雅"
                    "安地震中失踪亲人的人只需搜索一次，就能看到所有参与的搜索引擎的结果。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-missing-person-search"},
        {
            'description': (
                (
                    "After the April 2013 earthquake in Ya'an, China's leading search engines"
                    " and social media services agreed to share what they held about missing "
                    "people. Anyone trying to find a family member could run one search and "
                    "see matches from every participating service instead of checking each in"
                    " turn."
                ),
                (
                    "After the April 2013 earthquake in Ya'an, China's major search engines "
                    "and social media platforms, among them Baidu, Alibaba's Yitao, Sina "
                    "Weibo and Tencent Weibo, decided to share information. The aim was that "
                    "someone trying to find a missing family member could run one search and "
                    "see the results of every participating search engine; the post does not "
                    "say how the shared search worked or how many people used it."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-missing-person-search"},
        {
            'description_zh': (
                (
                    "2013年4月雅安地震后，中国主要的搜索引擎和社交媒体服务商同意共享"
                    "各自掌握的失踪人员信息。寻找家人的人只需搜索一次，就能看到所有参与服"
                    "务中的匹配结果，而不必逐一查询。"
                ),
                (
                    "2013年4月雅安地震后，中国主要的搜索引擎和社交媒体平台，包括百度"
                    "、阿里巴巴旗下的一淘、新浪微博和腾讯微博，决定共享信息。目的是让寻找"
                    "失踪家人的人只需搜索一次，就能看到所有参与的搜索引擎的结果；博文没有"
                    "说明联合搜索如何运作，也没有说明有多少人使用。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-wechat-volunteers"},
        {
            'summary': (
                (
                    "Volunteer groups used WeChat to organise their relief work across the "
                    "areas hit by the April 2013 Ya'an earthquake."
                ),
                (
                    "Volunteer groups used WeChat to coordinate their efforts across the "
                    "areas hit by the April 2013 Ya'an earthquake."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-wechat-volunteers"},
        {
            'summary_zh': (
                "2013年4月雅安地震后，各志愿者团体借助微信在受灾地区组织救援工作。",
                "2013年4月雅安地震后，各志愿者团体借助微信在受灾地区协调行动。",
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-wechat-volunteers"},
        {
            'description': (
                (
                    "In its account of the response to the Ya'an earthquake, the Gates "
                    "Foundation notes that volunteer groups relied on Tencent's WeChat to "
                    "coordinate with each other across the affected areas. The groups are not"
                    " named and no figures are given."
                ),
                (
                    "In its account of the response to the Ya'an earthquake, the Gates "
                    "Foundation notes that volunteer groups used Tencent's WeChat to "
                    "coordinate their efforts across the affected areas. The groups are not "
                    "named and no figures are given."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "yaan-earthquake-wechat-volunteers"},
        {
            'description_zh': (
                (
                    "盖茨基金会在介绍雅安地震的应对情况时指出，各志愿者团体依靠腾讯的微信"
                    "在受灾各地相互协调。文中没有列出这些团体的名称，也没有提供任何数字。"
                ),
                (
                    "盖茨基金会在介绍雅安地震的应对情况时指出，各志愿者团体使用腾讯的微信"
                    "在受灾各地协调行动。文中没有列出这些团体的名称，也没有提供任何数字。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wechat-in-app-charitable-donations"},
        {
            'summary': (
                (
                    "In October 2013 Tencent let WeChat users give to charity straight from "
                    "the app on their phones, backed by a new online payment system."
                ),
                (
                    "In October 2013 Tencent announced that WeChat users could give to "
                    "charity directly from the platform on their phones, a step that involved"
                    " heavy investment in a new online payment system."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wechat-in-app-charitable-donations"},
        {
            'summary_zh': (
                (
                    "2013年10月，腾讯让微信用户可以直接在手机应用内向慈善机构捐款，"
                    "并以一套新的在线支付系统作为支撑。"
                ),
                (
                    "2013年10月，腾讯宣布微信用户可以在手机上直接通过该平台向慈善机"
                    "构捐款；这一举措涉及对一套新的在线支付系统的大量投资。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wechat-in-app-charitable-donations"},
        {
            'description': (
                (
                    "Tencent announced in October 2013 that people could donate to charities "
                    "from within WeChat, on their phones, without going elsewhere. It "
                    "invested heavily in a new way to pay online to make giving to the causes"
                    " users care about faster and simpler. WeChat then had over 500 million "
                    "users around the world, 100 million of them outside China."
                ),
                (
                    "Tencent announced in October 2013 that people could donate to charities "
                    "from within WeChat, on their phones. The step involved heavy investment "
                    "in a new online payment system, meant to make giving to the causes users"
                    " care about quicker and simpler. WeChat then had over 500 million users "
                    "around the world, 100 million of them outside China."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wechat-in-app-charitable-donations"},
        {
            'description_zh': (
                (
                    "腾讯于2013年10月宣布，用户可以在手机上的微信内直接向慈善机构捐"
                    "款，无需跳转到别处。腾讯为此大力投资新的在线支付方式，让用户向自己关"
                    "心的公益事业捐款更快捷、更简单。当时微信在全球拥有超过5亿用户，其中"
                    "1亿在中国境外。"
                ),
                (
                    "腾讯于2013年10月宣布，用户可以在手机上的微信内直接向慈善机构捐"
                    "款。这一举措涉及对一套新的在线支付系统的大量投资，目的是让用户向自己"
                    "关心的公益事业捐款更快捷、更简单。当时微信在全球拥有超过5亿用户，其"
                    "中1亿在中国境外。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sina-weibo-free-lunch-and-season-of-giving"},
        {
            'summary_zh': (
                (
                    "新浪自2013年11月起分两个阶段开展的活动：先由新浪微博上的明星号"
                    "召粉丝捐助一家为学生提供免费午餐的慈善机构，随后计划以“捐赠季”推动"
                    "向多项公益事业捐款。"
                ),
                (
                    "新浪自2013年11月起分两个阶段开展的活动：先由新浪微博上的明星号"
                    "召粉丝捐助一家为学生提供免费午餐的慈善机构，随后计划以“捐赠季”（本"
                    "目录译名）推动向多项公益事业捐款。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sina-weibo-free-lunch-and-season-of-giving"},
        {
            'description_zh': (
                (
                    "新浪于2013年11月宣布在新浪微博上开展一项慈善捐赠活动。第一阶段"
                    "，微博名人号召关注他们的用户向一家为小学生提供午餐的慈善机构捐款。第"
                    "二阶段名为“捐赠季”，宣布时的目标是把捐款分散到多种公益事业，并让用"
                    "户持续了解和支持公益。文中没有提到该慈善机构的名称，也没有报告成效。"
                    "由于新浪将两个阶段作为一项活动推出，本目录也将其合为一条收录。"
                ),
                (
                    "新浪于2013年11月宣布在新浪微博上开展一项慈善捐赠活动。第一阶段"
                    "，微博名人号召关注他们的用户向一家为小学生提供午餐的慈善机构捐款。第"
                    "二阶段名为“捐赠季”（season of giving，中文名为本目"
                    "录译名），宣布时的目标是把捐款分散到多种公益事业，并让用户持续了解和"
                    "支持公益。文中没有提到该慈善机构的名称，也没有报告成效。由于新浪将两"
                    "个阶段作为一项活动推出，本目录也将其合为一条收录。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "leeds-city-council-trulysocial"},
        {
            'summary': (
                (
                    "A reader's comment on a UK blog post speaks of a #trulysocial culture "
                    "shift at Leeds City Council: social media built into everyday work "
                    "rather than added on."
                ),
                (
                    "A reader's comment on a blog post speaks of a #trulysocial culture shift"
                    " at Leeds City Council: social media built into everyday work rather "
                    "than added on."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "leeds-city-council-trulysocial"},
        {
            'summary_zh': (
                (
                    "英国一篇博文下的一条读者评论提到利兹市议会的 "
                    "#trulysocial "
                    "文化转变：把社交媒体融入日常工作，而不是作为附加项。"
                ),
                (
                    "一篇博文下的一条读者评论提到利兹市议会的 #trulysocial "
                    "文化转变：把社交媒体融入日常工作，而不是作为附加项。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "leeds-city-council-trulysocial"},
        {
            'description': (
                (
                    "All that is known of this comes "
                    "from one reader's comment under a "
                    "UK blog post about social media "
                    "for social good. Agreeing with the"
                    " author, the commenter writes of "
                    "“our #trulysocial culture shift at"
                    " Leeds City Council”: social media"
                    " should be part of how the work is"
                    " done, not an optional add-on, "
                    "with an understanding of what "
                    "networks can do and openness about"
                    " services and the help on offer. "
                    "The comment does not say who wrote"
                    " it or what part they play at the "
                    "council, and gives no date, "
                    "platform, programme details or "
                    "figures."
                ),
                (
                    "All that is known of this comes from one reader's comment under a blog "
                    "post about social media for social good. Agreeing with the author, the "
                    "commenter writes of the #trulysocial culture shift at Leeds City Council"
                    " as one they share in: social media should be part of how the work is "
                    "done, not an optional add-on, with an understanding of what networks can"
                    " do and openness about services and the help on offer. The comment does "
                    "not say who wrote it or what part they play at the council, and gives no"
                    " date, platform, programme details or figures."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "leeds-city-council-trulysocial"},
        {
            'description_zh': (
                (
                    "关于这项工作，我们所知的全部内容都来自英国一篇关于“社交媒体促进社会"
                    "公益”的博文下的一条读者评论。评论者赞同博文作者的看法，提到“我们在"
                    "利兹市议会的 #trulysocial 文化转变”：社交媒体应当融入"
                    "日常工作方式，而不是可有可无的附加项，要理解社交网络能做什么，并公开"
                    "介绍服务和所能提供的帮助。评论没有说明作者是谁、在议会中担任什么角色"
                    "，也没有提供日期、平台、项目细节或任何数字。"
                ),
                (
                    "关于这项工作，我们所知的全部内容都来自一篇关于“社交媒体促进社会公益"
                    "”的博文下的一条读者评论。评论者赞同博文作者的看法，并以亲历者的口吻"
                    "提到利兹市议会的 #trulysocial 文化转变：社交媒体应当融"
                    "入日常工作方式，而不是可有可无的附加项，要理解社交网络能做什么，并公"
                    "开介绍服务和所能提供的帮助。评论没有说明作者是谁、在议会中担任什么角"
                    "色，也没有提供日期、平台、项目细节或任何数字。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "take-photos-to-save-kidnapped-children"},
        {
            'description': (
                (
                    "Early in 2011 Yu Jianrong, a "
                    "professor at the Chinese Academy "
                    "of Social Sciences, opened a Sina "
                    "Weibo account to fight child "
                    "trafficking. He asked Weibo users "
                    "who came across children begging "
                    "in streets or subways to "
                    "photograph them and send the "
                    "pictures to the account, noting "
                    "where and when they were taken. "
                    "The photo collection grew quickly:"
                    " three weeks after the launch the "
                    "account had more than 2,400,000 "
                    "followers, and 10 children in "
                    "different parts of China had been "
                    "rescued. China IWOM calls the "
                    "campaign Weibo anti-human "
                    "trafficking (微博打拐)."
                ),
                (
                    "Early in 2011 Yu Jianrong, a "
                    "professor at the Chinese Academy "
                    "of Social Sciences, opened a Sina "
                    "Weibo account to fight child "
                    "trafficking. He asked Weibo users "
                    "who came across children begging "
                    "in streets or subways to "
                    "photograph them and send the "
                    "pictures to the account, noting "
                    "where and when they were taken. "
                    "The photo collection grew quickly:"
                    " three weeks after the launch the "
                    "account had more than 2,400,000 "
                    "followers, and 10 children in "
                    "different parts of China had been "
                    "rescued. The Chinese title given "
                    "here, 微博打拐, is the label of the "
                    "digest's closing topic, Weibo "
                    "Anti-human Trafficking, not the "
                    "account's name: the digest gives "
                    "that name only in English."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "take-photos-to-save-kidnapped-children"},
        {
            'description_zh': (
                (
                    "2011年初，中国社会科学院教授于建嵘开设了一个新浪微博账号，打击拐"
                    "卖儿童。他请微博用户在街头或地铁里遇到乞讨儿童时拍下照片发给该账号，"
                    "并注明拍摄地点和时间。照片征集迅速扩大：账号开通三周后，粉丝已超过2"
                    "40万，全国各地已有10名儿童获救。China IWOM "
                    "称这项活动为“微博打拐”。"
                ),
                (
                    "2011年初，中国社会科学院教授于建嵘开设了一个新浪微博账号，打击拐"
                    "卖儿童。他请微博用户在街头或地铁里遇到乞讨儿童时拍下照片发给该账号，"
                    "并注明拍摄地点和时间。照片征集迅速扩大：账号开通三周后，粉丝已超过2"
                    "40万，全国各地已有10名儿童获救。这里的中文标题“微博打拐”是 "
                    "China IWOM 摘要末尾话题（Weibo Anti-human"
                    " Trafficking）的标签，并非该微博账号的名称：摘要只给出了"
                    "账号的英文名。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "weibo-taking-photos-to-save-girls-and-guys"},
        {
            'summary': (
                (
                    "Over Chinese New Year 2011 a playful Weibo trend borrowed the "
                    "photo-campaign format for matchmaking: users posted pictures of single "
                    "friends, or of themselves, to find them a date."
                ),
                (
                    "Over Chinese New Year 2011 another"
                    " photo-taking trend spread on Sina"
                    " Weibo, this time for single "
                    "people: users uploaded photos of "
                    "friends, or of themselves, to "
                    "accounts such as “Taking Photos to"
                    " Save Girls” to find them a date."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "weibo-taking-photos-to-save-girls-and-guys"},
        {
            'summary_zh': (
                (
                    "2011年春节期间，微博上兴起一股轻松的潮流，借用拍照公益活动的形式"
                    "牵线搭桥：用户发布单身朋友或自己的照片，帮他们寻找约会对象。"
                ),
                (
                    "2011年春节期间，新浪微博上又兴起一股拍照潮流，这次是为单身男女："
                    "用户向“拍照解救姑娘”（Taking Photos to Save "
                    "Girls，本目录译名）等账号上传朋友或自己的照片，为他们寻找约会对"
                    "象。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "weibo-taking-photos-to-save-girls-and-guys"},
        {
            'description': (
                (
                    "Soon after the anti-trafficking "
                    "photo campaign took off, Sina "
                    "Weibo accounts such as “Taking "
                    "Photos to Save Girls” and its male"
                    " twin “Taking Photos to Save Guys”"
                    " appeared during the 2011 Spring "
                    "Festival. Thousands of people sent"
                    " in photos of friends or of "
                    "themselves in the hope of a date, "
                    "turning the format into a form of "
                    "online matchmaking. China IWOM "
                    "presents it as a lighter offshoot "
                    "of the trend and gives no exact "
                    "figures."
                ),
                (
                    "During Chinese New Year 2011, "
                    "China IWOM reports, another "
                    "photo-taking trend spread across "
                    "Sina Weibo, this time for single "
                    "men and women. Through accounts "
                    "such as “Taking Photos to Save "
                    "Girls” and “Taking Photos to Save "
                    "Guys”, thousands of users posted "
                    "candid photos of their friends, or"
                    " of themselves, in the hope of "
                    "finding a date. The digest sets it"
                    " apart, as a less noble pursuit, "
                    "from the anti-trafficking campaign"
                    " it reports just before and gives "
                    "no exact figures; it is catalogued"
                    " as another online trend, neither "
                    "commercial nor for a public cause."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "weibo-taking-photos-to-save-girls-and-guys"},
        {
            'description_zh': (
                (
                    "打拐拍照活动走红后不久，2011年春节期间，新浪微博上出现了“拍照解"
                    "救姑娘”（Taking Photos to Save "
                    "Girls）及其男生版“拍照解救小伙”（Taking Photos "
                    "to Save Guys）等账号。数以千计的人发来朋友或自己的照片，"
                    "希望觅得约会对象，使这种形式变成了一种网络相亲。China IWOM"
                    " 将其视为这股潮流的一个轻松衍生品，没有给出确切数字。"
                ),
                (
                    "据 China IWOM 报道，2011年春节期间，新浪微博上又兴起"
                    "一股拍照潮流，这次的对象是单身男女。通过“拍照解救姑娘”（Takin"
                    "g Photos to Save "
                    "Girls，本目录译名）和“拍照解救小伙”（Taking "
                    "Photos to Save Guys，本目录译名）等账号，数以千计"
                    "的用户上传朋友甚至自己的抓拍照片，希望觅得约会对象。摘要把它与前文的"
                    "打拐活动区分开来，视为不那么高尚的网络消遣，也没有给出确切数字；本目"
                    "录将其归为其他网络潮流，既非商业活动，也不服务于公益。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "weibo-taking-photos-to-save-girls-and-guys"},
        {
            'scope': (
                "commercial",
                "other_trend",
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "budweiser-lovers-matching-mini-game"},
        {
            'summary_zh': (
                (
                    "2011年情人节，百威推出一款围绕新浪微博设计的线上“情侣配对小游戏"
                    "”，玩家需将自己的游戏动态分享到微博。"
                ),
                (
                    "2011年情人节，百威推出一款围绕新浪微博设计的线上“情侣配对小游戏"
                    "”（本目录译名），玩家需将自己的游戏动态分享到微博。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "budweiser-lovers-matching-mini-game"},
        {
            'description_zh': (
                (
                    "2011年的情人节是微博用户第一次可以互发示爱微博的情人节，各品牌迅"
                    "速加入。百威在网上推出“情侣配对小游戏”；参与者需要把自己的游戏动态"
                    "发布到新浪微博，让伴侣和朋友看到。China IWOM "
                    "没有报告任何数字。蒙牛同期开展的“恋人心愿”活动另立条目收录。"
                ),
                (
                    "2011年的情人节是微博用户第一次可以互发示爱微博的情人节，各品牌迅"
                    "速加入。百威在网上推出“情侣配对小游戏”（Lovers "
                    "Matching Mini Game，中文名为本目录译名）；参与者需"
                    "要把自己的游戏动态发布到新浪微博，让伴侣和朋友看到。China "
                    "IWOM 没有报告任何数字。蒙牛同期开展的“恋人心愿”（本目录译名）"
                    "活动另立条目收录。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mengniu-lovers-wishes"},
        {
            'summary_zh': (
                (
                    "乳品品牌蒙牛在2011年情人节推出“恋人心愿”，这是一项基于新浪微博"
                    "的线上活动，用户可发送示爱留言，供伴侣和朋友查看。"
                ),
                (
                    "乳品品牌蒙牛在2011年情人节推出“恋人心愿”（本目录译名），这是一"
                    "项基于新浪微博的线上活动，用户可发送示爱留言，供伴侣和朋友查看。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mengniu-lovers-wishes"},
        {
            'description_zh': (
                (
                    "蒙牛“恋人心愿”是借微博时代第一个情人节之势推出的品牌活动之一。用户"
                    "可以在活动页面发送示爱留言，参与活动即需将活动分享到新浪微博。文中没"
                    "有报告任何数字。百威同期推出的“情侣配对小游戏”另立条目收录。"
                ),
                (
                    "蒙牛“恋人心愿”（Lovers' Wishes，中文名为本目录译名）"
                    "是借微博时代第一个情人节之势推出的品牌活动之一。用户可以在活动页面发"
                    "送示爱留言，参与活动即需将活动分享到新浪微博。文中没有报告任何数字。"
                    "百威同期推出的“情侣配对小游戏”（本目录译名）另立条目收录。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "groupon-china-launch-gaopeng"},
        {
            'summary': (
                (
                    "In February 2011 Groupon's Chinese venture was confirmed as GaoPeng.com,"
                    " entering a group-buying market that already had over 1200 Groupon "
                    "clones."
                ),
                (
                    "In February 2011 China IWOM confirmed that Groupon's Chinese venture "
                    "would be called GaoPeng.com, in a country that already had over 1200 "
                    "Groupon clones."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "groupon-china-launch-gaopeng"},
        {
            'summary_zh': (
                (
                    "2011年2月，Groupon "
                    "的中国业务确定以高朋网为名，进入一个已有1200多家 Groupon"
                    " 模仿者的团购市场。"
                ),
                (
                    "2011年2月，China IWOM 确认 Groupon "
                    "的中国业务将命名为高朋网；当时中国已有1200多家 Groupon "
                    "模仿网站。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "tencent-wesee-agricultural-assistance"},
        {
            'description_zh': (
                (
                    "2020年，疫情打乱了物流，农民的收成大量积压，腾讯微视为此发起“腾"
                    "讯助农”活动。地方官员、村干部和农民发布短视频；符合条件的用户可获得"
                    "匹配的商品链接和平台额外流量，并免收分销佣金。截至2020年4月18"
                    "日，活动共发布视频2234条，播放量多达5200万次，点赞多达38."
                    "5万次。"
                ),
                (
                    "2020年，疫情打乱了物流，农民的收成大量积压，腾讯微视为此发起“腾"
                    "讯助农”（Tencent's agricultural assist"
                    "ance，中文名为本目录译名）活动。地方官员、村干部和农民发布短视频"
                    "；符合条件的用户可获得匹配的商品链接和平台额外流量，并免收分销佣金。"
                    "截至2020年4月18日，活动共发布视频2234条，播放量多达520"
                    "0万次，点赞多达38.5万次。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wesee-navel-orange-video"},
        {
            'description': (
                (
                    "CNHNB.com and Tencent Wesee ran a joint activity to help poor growers "
                    "sell their produce. One short video promoting navel oranges drew up to "
                    "1.7 million plays within two days and led to sales of up to 35,575 kg, "
                    "roughly 35.5 tonnes. The CGPI article takes these figures from a Tencent"
                    " report of 28 February 2020."
                ),
                (
                    "According to the title of the report the CGPI article cites, CNHNB.com "
                    "and Tencent Wesee jointly launched a poverty-alleviation and "
                    "agricultural-assistance activity. One short video promoting navel "
                    "oranges drew up to 1.7 million plays within two days and led to sales of"
                    " up to 35,575 kg, roughly 35.5 tonnes. The article takes these figures "
                    "from that Tencent report of 28 February 2020 and does not date the video"
                    " itself: the February 2020 given here as its date is the report's."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wesee-navel-orange-video"},
        {
            'description_zh': (
                (
                    "惠农网与腾讯微视联合开展活动，帮助贫困种植户销售农产品。其中一条推介"
                    "脐橙的短视频两天内播放量多达170万次，带动销量多达35575公斤，"
                    "约合35.5吨。深圳国际公益学院的文章中的这些数字引自腾讯2020年"
                    "2月28日的一篇报道。"
                ),
                (
                    "据深圳国际公益学院文章所引报道的标题，惠农网与腾讯微视联合开展了扶贫"
                    "助农活动。其中一条推介脐橙的短视频两天内播放量多达170万次，带动销"
                    "量多达35575公斤，约合35.5吨。文章中的这些数字引自腾讯202"
                    "0年2月28日的这篇报道，文章本身没有给出视频的日期：这里所记的20"
                    "20年2月是该报道的日期。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wang-shuai-flower-videos-wesee"},
        {
            'summary_zh': (
                (
                    "山东商河县副县长王帅在微视发布短视频，推介出口受疫情冲击的当地鲜花；"
                    "据文章介绍，他的账号有59.1万粉丝。"
                ),
                (
                    "山东商河县副县长王帅（本目录译名）在微视发布短视频，推介出口受疫情冲"
                    "击的当地鲜花；据文章介绍，他的账号有59.1万粉丝。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "wang-shuai-flower-videos-wesee"},
        {
            'description_zh': (
                (
                    "新冠疫情冲击了山东济南商河县的鲜花出口，“80后”副县长王帅戴着口罩"
                    "出镜，在一条不到30秒的短视频中推荐怀仁镇的非洲菊；据文章描述，视频"
                    "结尾时屏幕下方会出现一个购物袋图标，观众点击即可直接购买。他在微视上"
                    "的49部作品还推介了胡萝卜、多肉植物、西红柿和传统土布；为了给当地的"
                    "御品扒鸡做广告，他还吃了10只鸡。文章称其撰写时他在微视上有59.1"
                    "万粉丝，但没有说明其中有多少是这些视频带来的。"
                ),
                (
                    "新冠疫情冲击了山东济南商河县的鲜花出口，“80后”副县长王帅（本目录"
                    "译名）戴着口罩出镜，在一条不到30秒的短视频中推荐怀仁镇的非洲菊；据"
                    "文章描述，视频结尾时屏幕下方会出现一个购物袋图标，观众点击即可直接购"
                    "买。他在微视上的49部作品还推介了胡萝卜、多肉植物、西红柿和传统土布"
                    "；为了给当地的御品扒鸡（royal braised chicken，"
                    "中文名为本目录译名）做广告，他还吃了10只鸡。文章称其撰写时他在微视"
                    "上有59.1万粉丝，但没有说明其中有多少是这些视频带来的。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-agricultural-assistance"},
        {
            'summary': (
                (
                    "From 10 February 2020 Kwai steered traffic to videos helping farmers, "
                    "moved hard-hit farm businesses online and taught farming skills; in one "
                    "month over 100,000 creators took part."
                ),
                (
                    "From 10 February 2020 Kwai steered traffic to videos helping farmers, "
                    "moved affected farm businesses online and taught farming skills; by "
                    "Kwai's count for a single month, over 100,000 creators took part."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-agricultural-assistance"},
        {
            'summary_zh': (
                (
                    "自2020年2月10日起，快手为助农视频导流，帮助受冲击严重的农业企"
                    "业转向线上销售，并传授农业技术；一个月内参与的创作者超过10万名。"
                ),
                (
                    "自2020年2月10日起，快手为助农视频导流，帮助受影响的农业企业转"
                    "向线上销售，并传授农业技术；据快手所称的单月统计，参与的创作者超过1"
                    "0万名。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-agricultural-assistance"},
        {
            'description_zh': (
                (
                    "快手于2020年2月10日启动助农活动，为帮助农民的短视频提供更多流"
                    "量。快手联系受疫情影响的农业企业和批发市场，利用其电商供应商推荐数据"
                    "，帮助它们开展线上销售。快手还批量上传了农业技术课程，并发布“春耕计"
                    "划”，让农民在家中就能为春耕做好准备。据快手自己的统计，一个月内参与"
                    "的创作者超过10万名，发布视频超过150万条，播放量超过200亿次。"
                ),
                (
                    "快手于2020年2月10日启动助农活动，为帮助农民的短视频提供更多流"
                    "量。快手联系受疫情影响的农业企业和批发市场，利用其电商供应商推荐数据"
                    "，帮助它们开展线上销售。快手还批量上传了农业技术课程，并发布“春耕计"
                    "划”，让农民在家中就能为春耕做好准备。据快手自己的单月统计，参与的创"
                    "作者超过10万名，发布视频超过150万条，播放量超过200亿次。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-rural-support-plans"},
        {
            'summary': (
                (
                    "Kwai built a series of plans to support the countryside; by May 2019 it "
                    "had reached over 50 poor counties, and over 3.4 million users living in "
                    "officially poor counties had earned money through it."
                ),
                (
                    "Kwai has drawn up a series of plans to support the countryside; by May "
                    "2019 the platform had helped over 50 poor counties, and over 3.4 million"
                    " users from national poverty counties had earned income through it."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-rural-support-plans"},
        {
            'summary_zh': (
                (
                    "快手推出一系列乡村扶持计划；截至2019年5月，已覆盖50多个贫困县"
                    "，超过340万生活在官方认定贫困县的用户借此获得收入。"
                ),
                (
                    "快手制定了一系列乡村扶持计划；截至2019年5月，该平台已帮助50多"
                    "个贫困县，超过340万来自国家级贫困县的用户通过快手获得收入。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-rural-support-plans"},
        {
            'description': (
                (
                    "At the China International Big Data Industry Expo in May 2019, Kwai's "
                    "director of government affairs, Yi Xuan, presented the platform's set of"
                    " plans for supporting the countryside. The figures given: over 50 poor "
                    "counties helped by May 2019, and over 3.4 million users from officially "
                    "designated poverty counties earning income on Kwai."
                ),
                (
                    "At the China International Big Data Industry Expo in May 2019, Kwai's "
                    "director of government affairs, Yi Xuan, presented the platform's set of"
                    " plans for supporting the countryside. The figures given: over 50 poor "
                    "counties helped by May 2019, and over 3.4 million users from national "
                    "poverty counties earning income on Kwai."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "kwai-rural-support-plans"},
        {
            'description_zh': (
                (
                    "2019年5月，在中国国际大数据产业博览会上，快手政府事务总监 Yi"
                    " Xuan 介绍了平台的一系列乡村扶持计划。公布的数字是：截至201"
                    "9年5月，已帮助50多个贫困县，超过340万来自官方认定贫困县的用户"
                    "在快手上获得收入。"
                ),
                (
                    "2019年5月，在中国国际大数据产业博览会上，快手政府事务总监 Yi"
                    " Xuan 介绍了平台的一系列乡村扶持计划。公布的数字是：截至201"
                    "9年5月，已帮助50多个贫困县，超过340万来自国家级贫困县的用户在"
                    "快手上获得收入。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "fighting-the-virus-helping-the-farmers"},
        {
            'description': (
                (
                    "The activity was launched on 18 February 2020 by the agriculture "
                    "ministry's Administration and Management Institute, the Beijing "
                    "municipal office for poverty-reduction cooperation, a third body named "
                    "for social participation in poverty alleviation, and ByteDance's "
                    "Toutiao, Xigua Video and Douyin. It used the platforms' reach and their "
                    "precise distribution of content to link what farmers had to sell with "
                    "what buyers wanted during the outbreak."
                ),
                (
                    "The activity was launched on 18 February 2020 by the agriculture "
                    "ministry's Administration and Management Institute, the Beijing "
                    "municipal office for poverty-reduction cooperation, a third body named "
                    "for social participation in poverty alleviation, and ByteDance's "
                    "Toutiao, Xigua Video and Douyin. It drew on the platforms' strengths and"
                    " their precise distribution of information to connect supply and demand "
                    "for farm produce during the outbreak."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "fighting-the-virus-helping-the-farmers"},
        {
            'description_zh': (
                (
                    "这项活动于2020年2月18日启动，发起方包括农业农村部管理干部学院"
                    "、北京市负责扶贫协作的市级办公室、第三家以“社会参与扶贫”为名的机构"
                    "，以及字节跳动旗下的今日头条、西瓜视频和抖音。活动借助平台的影响力和"
                    "精准的内容分发，在疫情期间将农民待售的农产品与买家需求对接起来。"
                ),
                (
                    "“战疫助农”（本目录译名）活动于2020年2月18日启动，发起方包括"
                    "农业农村部管理干部学院、北京市负责扶贫协作的市级办公室、第三家以“社"
                    "会参与扶贫”为名的机构，以及字节跳动旗下的今日头条、西瓜视频和抖音。"
                    "活动借助平台优势和精准的信息分发，在疫情期间对接农产品的供需信息。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mountain-products-on-toutiao"},
        {
            'summary': (
                (
                    "A long-running Toutiao project through which farmers in many regions "
                    "sold over 1.56 million farm products via ByteDance's Toutiao, Douyin and"
                    " Xigua Video."
                ),
                (
                    "A Toutiao project of recent years through which farmers in various "
                    "regions sold more than 1.56 million agricultural products on Toutiao, "
                    "Xigua Video, Douyin and other social media platforms."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mountain-products-on-toutiao"},
        {
            'summary_zh': (
                (
                    "今日头条长期开展的项目，各地农民借此通过字节跳动旗下的今日头条、抖音"
                    "和西瓜视频售出超过156万件农产品。"
                ),
                (
                    "今日头条近年推出的项目，各地农民借此在今日头条、西瓜视频、抖音及其他"
                    "社交媒体平台上售出的农产品超过156万。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mountain-products-on-toutiao"},
        {
            'description': (
                (
                    "Before the pandemic, Toutiao had "
                    "for several years run a project "
                    "called “mountain products on "
                    "Toutiao” to help rural producers "
                    "market local goods. Citing a "
                    "February 2020 report, the CGPI "
                    "article credits it with the sale "
                    "of more than 1.56 million farm "
                    "products from different regions "
                    "through Toutiao, ByteDance's other"
                    " platforms and further social "
                    "media."
                ),
                (
                    "In the past years, the CGPI "
                    "article reports, Toutiao launched "
                    "a project called “mountain "
                    "products on Toutiao”, through "
                    "which it helped farmers in various"
                    " regions sell more than 1.56 "
                    "million agricultural products on "
                    "Toutiao, Xigua Video, Douyin and "
                    "other social media platforms. The "
                    "article cites a February 2020 "
                    "report for this and does not say "
                    "what the 1.56 million counts."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "mountain-products-on-toutiao"},
        {
            'description_zh': (
                (
                    "疫情之前，今日头条已连续数年开展名为“山货上头条”的项目，帮助农村生"
                    "产者推销当地产品。深圳国际公益学院的文章援引2020年2月的一份报告"
                    "称，该项目通过今日头条、字节跳动旗下其他平台以及其他社交媒体，售出了"
                    "来自各地的超过156万件农产品。"
                ),
                (
                    "据深圳国际公益学院的文章介绍，过去几年里，今日头条推出了名为“山货上"
                    "头条”的项目，帮助各地农民在今日头条、西瓜视频、抖音及其他社交媒体平"
                    "台上售出农产品超过156万。文章援引的是2020年2月的一份报道，没"
                    "有说明这156万是按什么计算的。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "song-xiaoying-apple-live-stream"},
        {
            'summary_zh': (
                (
                    "2020年3月2日，副县长宋晓英与创作者“Xiao Ying and"
                    " Xiao Ping”在西瓜视频直播销售万荣县苹果，三小时内售出5."
                    "3万公斤，销售额近55万元人民币。"
                ),
                (
                    "2020年3月2日，副县长宋晓英（本目录译名）与创作者“Xiao "
                    "Ying and Xiao Ping”在西瓜视频直播销售万荣县苹果，"
                    "三小时内售出5.3万公斤，销售额近55万元人民币。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "song-xiaoying-apple-live-stream"},
        {
            'description_zh': (
                (
                    "2020年3月2日中午，山西万荣县副县长宋晓英与西瓜视频创作者“Xi"
                    "ao Ying and Xiao Ping”一起，在 Wanrong"
                    " Youpin 代言人的直播间销售当地苹果。三小时内共售出苹果5.3"
                    "万公斤，销售额近55万元人民币，文章折合为77781美元。这是疫情期"
                    "间地方官员化身主播、直播销售当地农产品的多个案例之一。"
                ),
                (
                    "2020年3月2日中午，山西万荣县副县长宋晓英（本目录译名）与西瓜视"
                    "频创作者“Xiao Ying and Xiao Ping”一起，在 "
                    "Wanrong Youpin 代言人的直播间销售当地苹果。三小时内共"
                    "售出苹果5.3万公斤，销售额近55万元人民币，文章折合为77781美"
                    "元。这是疫情期间地方官员化身主播、直播销售当地农产品的多个案例之一。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "county-girl-xigua-video"},
        {
            'summary_zh': (
                (
                    "被称为“县城姑娘”的乡村创作者在西瓜视频拥有249万粉丝，她借自己的"
                    "影响力助力2020年的短视频助农活动。"
                ),
                (
                    "被称为“县城姑娘”（本目录译名）的乡村创作者在西瓜视频拥有249万粉"
                    "丝，她借自己的影响力助力2020年的短视频助农活动。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "county-girl-xigua-video"},
        {
            'description': (
                (
                    "The “county girl” is a home-grown "
                    "rural influencer with 2.49 million"
                    " fans and 1997 videos on Xigua "
                    "Video. She is certified as one of "
                    "Toutiao's Agricultural "
                    "Contributors and a partner of its "
                    "“Agriculture, Rural areas and "
                    "Farmers” union. Her best-known "
                    "success was selling over ten "
                    "thousand yellow ginger, which made"
                    " her the hope of her village's "
                    "escape from poverty. She was "
                    "invited into the pandemic-era "
                    "agricultural assistance activity "
                    "to help draw an audience."
                ),
                (
                    "The “county girl” is a home-grown "
                    "rural influencer with 2.49 million"
                    " fans and 1997 videos on Xigua "
                    "Video. She is certified as one of "
                    "Toutiao's Agricultural "
                    "Contributors and a partner of its "
                    "“Agriculture, Rural areas and "
                    "Farmers” union. Her most notable "
                    "achievement, the article says, was"
                    " selling more than ten thousand "
                    "yellow ginger; it also calls her "
                    "the hope of her village's escape "
                    "from poverty. She was invited into"
                    " the pandemic-era agricultural "
                    "assistance activity to help draw "
                    "an audience."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "county-girl-xigua-video"},
        {
            'description_zh': (
                (
                    "“县城姑娘”是土生土长的乡村网红，在西瓜视频拥有249万粉丝，发布了"
                    "1997条视频。她获得今日头条“农业贡献者”认证，也是其“三农”联盟"
                    "的合作伙伴。她最为人知的成绩是黄姜销量超过一万，这让她成为村里脱贫的"
                    "希望。疫情期间，她受邀参与助农活动，帮助吸引观众。"
                ),
                (
                    "“县城姑娘”（本目录译名）是土生土长的乡村网红，在西瓜视频拥有249"
                    "万粉丝，发布了1997条视频。她获得今日头条“农业贡献者”认证，也是"
                    "其“三农”联盟的合作伙伴。据文章介绍，她最突出的成绩是黄姜销量超过一"
                    "万（文中未说明单位）；文章还称她是村里脱贫的希望。疫情期间，她受邀参"
                    "与助农活动，帮助吸引观众。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "greenovation-hub-kwai-madrid-climate-conference"},
        {
            'summary': (
                (
                    "In December 2019 Greenovation Hub and Kwai brought the Kwai adventurer "
                    "Wang Xiangjun, known as Glacier, to the UN climate conference in Madrid "
                    "to reach small-town audiences; his conference videos passed 10 million "
                    "plays."
                ),
                (
                    "In December 2019 Greenovation Hub, working with Kwai, invited the "
                    "adventurer Wang Xiangjun, whom the article calls Glacier, to the UN "
                    "climate conference in Madrid to reach the smaller-city audience most of "
                    "his fans belong to; his conference videos passed 10 million plays."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "greenovation-hub-kwai-madrid-climate-conference"},
        {
            'summary_zh': (
                (
                    "2019年12月，绿色创新发展中心与快手带着快手探险家、网名“冰川哥"
                    "”的王相军前往马德里参加联合国气候大会，以触达小城镇受众；他在大会期"
                    "间拍摄的视频播放量超过1000万次。"
                ),
                (
                    "2019年12月，绿色创新发展中心与快手合作，邀请探险家王相军（文章"
                    "称其为“冰川哥”）参加在马德里举行的联合国气候大会，以触达其粉丝中占"
                    "多数的中小城市受众；他在大会期间拍摄的视频播放量超过1000万次。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "greenovation-hub-kwai-madrid-climate-conference"},
        {
            'description': (
                (
                    "Greenovation Hub, an environmental nonprofit, worked with Kwai to invite"
                    " Wang Xiangjun, a professional adventurer with only a high-school "
                    "education who is known online as Glacier (Tibetan Adventurer King), to "
                    "the UN Climate Change Conference in Madrid in December 2019. Most of his"
                    " more than 1 million fans live in smaller cities and towns, the audience"
                    " the organisers wanted because such places are more exposed to the harm "
                    "of climate change. His videos from the conference were played over 10 "
                    "million times and four later edits over a million times; fans discussed "
                    "climate issues with him in live streams, and reports of his UN speech as"
                    " a young rural Chinese were widely shared."
                ),
                (
                    "Greenovation Hub, an environmental nonprofit, worked with Kwai to invite"
                    " Wang Xiangjun, a professional adventurer with only a high-school "
                    "education whom the article calls Glacier and whose net name it gives as "
                    "Tibetan Adventurer King, to the UN Climate Change Conference in Madrid "
                    "in December 2019. Most of his more than 1 million fans live in smaller "
                    "cities and towns, the people Greenovation Hub hoped to reach because "
                    "such places are more exposed to the harm of climate change. His videos "
                    "from the conference were played over 10 million times and four later "
                    "edits over a million times; fans discussed climate issues with him in "
                    "live streams, and reports of his UN speech as a young rural Chinese were"
                    " widely shared."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "greenovation-hub-kwai-madrid-climate-conference"},
        {
            'description_zh': (
                (
                    "环保公益组织绿色创新发展中心与快手合作，邀请网名“冰川哥（西藏冒险王"
                    "）”、只有高中学历的职业探险家王相军，参加2019年12月在马德里举"
                    "行的联合国气候变化大会。他的100多万粉丝大多生活在较小的城市和城镇"
                    "，这正是组织方希望触达的受众，因为这些地方更容易受到气候变化的危害。"
                    "他在大会期间拍摄的视频播放量超过1000万次，会后剪辑的4条视频播放"
                    "量也超过100万次；粉丝在直播中与他讨论气候问题，有关他作为中国农村"
                    "青年在联合国发言的报道也被广泛转发。"
                ),
                (
                    "环保公益组织绿色创新发展中心与快手合作，邀请只有高中学历的职业探险家"
                    "王相军参加2019年12月在马德里举行的联合国气候变化大会；文章称他"
                    "为“冰川哥”（Glacier），并称其网名为“西藏冒险王”。他的10"
                    "0多万粉丝大多生活在较小的城市和城镇，这正是绿色创新发展中心希望影响"
                    "的人群，因为这些地方更容易受到气候变化的危害。他在大会期间拍摄的视频"
                    "播放量超过1000万次，会后剪辑的4条视频播放量也超过100万次；粉"
                    "丝在直播中与他讨论气候问题，有关他作为中国农村青年在联合国发言的报道"
                    "也被广泛转发。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sound-volume-plan"},
        {
            'summary': (
                (
                    "A programme launched by Douyin and Toutiao to lend philanthropic "
                    "organisations technology and reach; foundations such as the China "
                    "Foundation for Poverty Alleviation and One Foundation joined it."
                ),
                (
                    "A programme launched by Douyin and Toutiao to strengthen philanthropy "
                    "through technology; foundations such as the China Foundation for Poverty"
                    " Alleviation and One Foundation have joined it."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sound-volume-plan"},
        {
            'summary_zh': (
                (
                    "由抖音和今日头条发起、为公益组织提供技术和流量支持的项目；中国扶贫基"
                    "金会、壹基金等基金会已加入其中。"
                ),
                (
                    "由抖音和今日头条发起、以技术助力公益的项目；中国扶贫基金会、壹基金等"
                    "基金会已加入其中。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sound-volume-plan"},
        {
            'description': (
                (
                    "The CGPI article offers the Sound Volume Plan as an example of internet "
                    "platforms acting as partners of charities rather than just as tools. "
                    "Launched by ByteDance's Douyin and Toutiao, it sets out to strengthen "
                    "philanthropy through technology. The foundations taking part include the"
                    " China Foundation for Poverty Alleviation, the China Women's Development"
                    " Foundation, the China Children and Teenagers' Fund, the China Charities"
                    " Aid Foundation for Children and One Foundation."
                ),
                (
                    "The CGPI article names the foundations that joined the Sound Volume Plan"
                    " as examples of philanthropic organisations that have begun to find new "
                    "ways of working with short-video platforms. Launched by Douyin and "
                    "Toutiao, it is described as strengthening philanthropy through "
                    "technology. The foundations taking part include the China Foundation for"
                    " Poverty Alleviation, the China Women's Development Foundation, the "
                    "China Children and Teenagers' Fund, the China Charities Aid Foundation "
                    "for Children and One Foundation."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "sound-volume-plan"},
        {
            'description_zh': (
                (
                    "深圳国际公益学院的文章以“音量计划”为例，说明互联网平台正在成为公益"
                    "组织的合作伙伴，而不仅仅是工具。该计划由字节跳动旗下的抖音和今日头条"
                    "发起，旨在以技术助力公益。参与的基金会包括中国扶贫基金会、中国妇女发"
                    "展基金会、中国儿童少年基金会、中华少年儿童慈善救助基金会和壹基金。"
                ),
                (
                    "深圳国际公益学院的文章把加入“音量计划”的基金会列为已开始探索与短视"
                    "频平台合作新路的公益组织的例子。该计划由抖音和今日头条发起，文章称其"
                    "以技术助力公益。参与的基金会包括中国扶贫基金会、中国妇女发展基金会、"
                    "中国儿童少年基金会、中华少年儿童慈善救助基金会和壹基金。"
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "ecommerce-targeted-poverty-alleviation-villages"},
        {
            'description': (
                (
                    "The CGPI article mentions this effort in a single sentence, citing a May"
                    " 2019 Ecns.cn report. At the China International Big Data Industry Expo "
                    "that month, Nie Hailin, formerly an inspector in the Ministry of "
                    "Commerce's department for e-commerce and information technology, gave "
                    "its reach as 1,016 counties and added that selling through live "
                    "broadcasts had become a new channel for online retail. Neither the "
                    "article nor its reference names a platform, a start date or any result "
                    "besides the number of counties; that the ministry runs the effort is our"
                    " reading of who reported it."
                ),
                (
                    "The CGPI article mentions this effort in a single sentence, citing a May"
                    " 2019 Ecns.cn report. At the China International Big Data Industry Expo "
                    "that month, Nie Hailin, formerly an inspector in the Ministry of "
                    "Commerce's department for e-commerce and information technology, gave "
                    "its reach as 1,016 counties and added that selling through live "
                    "broadcasts had become a new channel for online retail. The article names"
                    " no platform, start date or result besides the number of counties; that "
                    "the ministry runs the effort is our reading of who reported it."
                ),
            ),
        },
    ),
    (
        'Campaign',
        {'slug': "ecommerce-targeted-poverty-alleviation-villages"},
        {
            'description_zh': (
                (
                    "深圳国际公益学院的文章只用一句话提到这项工作，引用的是中新网2019"
                    "年5月的报道。当月在中国国际大数据产业博览会上，商务部电子商务和信息"
                    "化司前巡视员 Nie Hailin 介绍，这项工作已覆盖1,016个"
                    "县，并称直播营销已成为网络零售的新出口。文章及其参考文献都没有提到具"
                    "体平台、开始时间或县数以外的成效；认为由商务部主导这项工作，是我们根"
                    "据发言人身份作出的判断。"
                ),
                (
                    "深圳国际公益学院的文章只用一句话提到这项工作，引用的是中新网2019"
                    "年5月的报道。当月在中国国际大数据产业博览会上，商务部电子商务和信息"
                    "化司前巡视员 Nie Hailin 介绍，这项工作已覆盖1,016个"
                    "县，并称直播营销已成为网络零售的新出口。文章没有提到具体平台、开始时"
                    "间或县数以外的成效；认为由商务部主导这项工作，是我们根据发言人身份作"
                    "出的判断。"
                ),
            ),
        },
    ),
    (
        'Participation',
        {'campaign__slug': "tb-awareness-ministry-of-health", 'organisation__slug': "chinese-social-media-for-social-good-alliance", 'role': "organiser"},
        {
            'assumed': (
                False,
                True,
            ),
            'note': (
                "",
                (
                    "the post counts the partnership among the Alliance's efforts without "
                    "saying which side led it"
                ),
            ),
            'note_zh': (
                "",
                "博文把这一合作列为该联盟的工作之一，但没有说明由哪一方主导",
            ),
        },
    ),
    (
        'Participation',
        {'campaign__slug': "world-no-tobacco-day-passive-smoking", 'organisation__slug': "chinese-social-media-for-social-good-alliance", 'role': "organiser"},
        {
            'assumed': (
                False,
                True,
            ),
            'note': (
                "",
                (
                    "the post lists the campaign among the Alliance's efforts without saying "
                    "whether it started the campaign or took part in it"
                ),
            ),
            'note_zh': (
                "",
                "博文把这项活动列为该联盟的工作之一，但没有说明联盟是发起方还是参与方",
            ),
        },
    ),
    (
        'Participation',
        {'campaign__slug': "greenovation-hub-kwai-madrid-climate-conference", 'organisation__slug': "wang-xiangjun", 'role': "champion"},
        {
            'assumed': (
                False,
                False,
            ),
            'note': (
                "adventurer known online as Glacier",
                "adventurer the article calls Glacier; net name Tibetan Adventurer King",
            ),
            'note_zh': (
                "探险家，网名“冰川哥”",
                "探险家，文章称其为“冰川哥”（Glacier），网名“西藏冒险王”",
            ),
        },
    ),
    (
        'Participation',
        {'campaign__slug': "greenovation-hub-kwai-madrid-climate-conference", 'organisation__slug': "china-youth-climate-action-network", 'role': "partner"},
        {
            'assumed': (
                True,
                True,
            ),
            'note': (
                "named only as a co-author of the review the article cites as reference [14]",
                (
                    "named only as a co-author of the publication the article cites as "
                    "reference [14]"
                ),
            ),
            'note_zh': (
                "文章仅在参考文献[14]中将其列为活动回顾的共同作者",
                "文章仅在参考文献[14]中将其列为所引资料的共同作者",
            ),
        },
    ),
    (
        'Figure',
        {'key': "tobacco-day-passive-smoking-awareness-after"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The 19% was measured after the "
                    "campaign, on a date the post does "
                    "not give; the date shown is the "
                    "post’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "19%是活动之后测得的，博文没有给出测量日期；这里显示的是博文的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wechat-users-worldwide-2013"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The post gives WeChat’s users "
                    "without saying when they were "
                    "counted; the date shown is the "
                    "post’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "博文给出微信用户数时没有说明统计时间；这里显示的是博文的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wechat-users-outside-china-2013"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The post gives WeChat’s users "
                    "without saying when they were "
                    "counted; the date shown is the "
                    "post’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "博文给出微信用户数时没有说明统计时间；这里显示的是博文的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "weibo-anti-trafficking-followers"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                (
                    "This is the digest’s own claim, "
                    "three weeks after the account "
                    "opened; the catalogue has no "
                    "independent count."
                ),
                (
                    "This is the digest’s own claim, "
                    "three weeks after the account "
                    "opened; the catalogue has no "
                    "independent count. The digest does"
                    " not date the count: the date "
                    "shown is the digest’s own."
                ),
            ),
            'caveat_zh': (
                "这是该摘要自己的说法，当时账号开通仅三周；本目录没有独立的统计可供核对。",
                (
                    "这是该摘要自己的说法，当时账号开通仅三周；本目录没有独立的统计可供核"
                    "对。摘要没有注明统计日期：这里显示的是摘要的发布日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "weibo-anti-trafficking-children-saved"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The digest counts the rescues "
                    "since the account opened, three "
                    "weeks before it was written, "
                    "without a date; the date shown is "
                    "the digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "摘要统计的是账号开通三周以来的获救人数，没有注明日期；这里显示的是摘"
                    "要的发布日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "weibo-anti-trafficking-time-since-launch"},
        {
            'caveat_kind': (
                "",
                "derived",
            ),
            'caveat': (
                "",
                (
                    "The digest says “3 weeks”; 21 days"
                    " is those weeks counted in days, "
                    "not a number it gives. The weeks "
                    "run to when the digest was "
                    "written: the date shown is the "
                    "digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "摘要只说“3周”；21天是按天折算的结果，并非摘要给出的数字。这三周"
                    "截至摘要撰写之时：这里显示的是摘要的发布日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "weibo-save-girls-and-guys-photo-uploaders"},
        {
            'caveat_kind': (
                "derived",
                "derived",
            ),
            'caveat': (
                (
                    "The digest says only “thousands of"
                    " users”; 1,000 is the least those "
                    "words can mean, not a number it "
                    "reports."
                ),
                (
                    "The digest says only “thousands of"
                    " users”; 1,000 is the least those "
                    "words can mean, not a number it "
                    "reports. It gives no date beyond "
                    "the Chinese New Year it speaks of:"
                    " the month shown is that of the "
                    "case."
                ),
            ),
            'caveat_zh': (
                (
                    "来源只说“数以千计的用户”；1,000是这一说法所能表示的最小值，并"
                    "非来源报告的数字。"
                ),
                (
                    "来源只说“数以千计的用户”；1,000是这一说法所能表示的最小值，并"
                    "非来源报告的数字。摘要除所说的春节外没有给出日期：这里显示的是本案例"
                    "所在的月份。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "weibo-save-girls-and-guys-photo-uploaders"},
        {
            'as_of': (
                "2011-02-22",
                "2011-02-01",
            ),
            'as_of_precision': (
                "day",
                "month",
            ),
        },
    ),
    (
        'Figure',
        {'key': "voicemail-weibo-faye-wong-recordings"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The digest does not say by when "
                    "she had posted the three "
                    "recordings; the date shown is the "
                    "digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "摘要没有说明她发布这三条录音的时间；这里显示的是摘要的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "voicemail-weibo-faye-wong-reposts-each"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The digest does not say when the "
                    "re-posts were counted; the date "
                    "shown is the digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "摘要没有说明转发数的统计时间；这里显示的是摘要的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "voicemail-weibo-faye-wong-pictured-post-reposts"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The digest does not say when the "
                    "re-posts were counted; the date "
                    "shown is the digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "摘要没有说明转发数的统计时间；这里显示的是摘要的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "groupon-clones-in-china-2011"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The digest does not say when the "
                    "clones were counted; the date "
                    "shown is the digest’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "摘要没有说明这些模仿网站的统计时间；这里显示的是摘要的发布日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wang-shuai-flower-video-length"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not date the "
                    "video; the year shown is the "
                    "article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有给出视频的日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-agricultural-assistance-plays"},
        {
            'caveat_kind': (
                "",
                "",
            ),
            'caveat': (
                "",
                (
                    "The article’s “up to” on a running"
                    " total reads as a rendering of "
                    "“reached”: the total at that date,"
                    " not a ceiling."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章在累计数字前用的“up "
                    "to”应理解为“达到”，即截至当日的总数，而非上限。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-agricultural-assistance-likes"},
        {
            'caveat_kind': (
                "",
                "",
            ),
            'caveat': (
                "",
                (
                    "The article’s “up to” on a running"
                    " total reads as a rendering of "
                    "“reached”: the total at that date,"
                    " not a ceiling."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章在累计数字前用的“up "
                    "to”应理解为“达到”，即截至当日的总数，而非上限。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-navel-orange-plays"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article’s “up to” on a running"
                    " total reads as a rendering of "
                    "“reached”: the plays the video had"
                    " reached, not a ceiling. The video"
                    " is undated in the article; the "
                    "date shown is that of the Tencent "
                    "report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章在累计数字前用的“up to”应理解为“达到”，即视频已达到的播"
                    "放量，而非上限。文章没有给出视频的日期；这里显示的是其所引腾讯报道的"
                    "日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-navel-orange-days"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The video is undated in the article; the date shown is that of the "
                    "Tencent report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有给出视频的日期；这里显示的是其所引腾讯报道的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-navel-orange-sales-kg"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article’s “up to” on a running"
                    " total reads as a rendering of "
                    "“reached”: the oranges the video "
                    "had sold, not a ceiling. The video"
                    " is undated in the article; the "
                    "date shown is that of the Tencent "
                    "report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章在累计数字前用的“up to”应理解为“达到”，即视频已带动的销"
                    "量，而非上限。文章没有给出视频的日期；这里显示的是其所引腾讯报道的日"
                    "期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "wesee-navel-orange-sales-tonnes"},
        {
            'caveat_kind': (
                "",
                "source_inconsistent",
            ),
            'caveat': (
                (
                    "The article gives both 35,575 kg "
                    "and “about 35.5 tons”; 35,575 kg "
                    "rounds to 35.6 tonnes, so the two "
                    "differ slightly. Both are kept as "
                    "the article writes them."
                ),
                (
                    "The article gives both 35,575 kg "
                    "and “about 35.5 tons”; 35,575 kg "
                    "rounds to 35.6 tonnes, so the two "
                    "differ slightly. Both are kept as "
                    "the article writes them. The video"
                    " is undated in the article; the "
                    "date shown is that of the Tencent "
                    "report it cites."
                ),
            ),
            'caveat_zh': (
                (
                    "文章同时给出35,575公斤和“约35.5吨”；35,575公斤四舍"
                    "五入应为35.6吨，两者略有出入。这里按文章原样保留两个数字。"
                ),
                (
                    "文章同时给出35,575公斤和“约35.5吨”；35,575公斤四舍"
                    "五入应为35.6吨，两者略有出入。这里按文章原样保留两个数字。文章没"
                    "有给出视频的日期；这里显示的是其所引腾讯报道的日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-social-organisations"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article cites these statistics"
                    " without a date; the year shown is"
                    " the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章引用这些统计数字时没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-philanthropic-organisations"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article cites these statistics"
                    " without a date; the year shown is"
                    " the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章引用这些统计数字时没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-internet-penetration-rate"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say as of when the rate holds; the date shown is "
                    "that of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明这一比率的统计时间；这里显示的是其所引参考文献的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-mobile-internet-users"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say as of when this count holds; the date shown is "
                    "that of the reference it cites. Elsewhere it gives 857 million "
                    "short-video users as of June 2019, more than this count of all mobile "
                    "internet users."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章没有说明这一数字的统计时间；这里显示的是其所引参考文献的日期。文"
                    "章在别处称截至2019年6月中国短视频用户达8.57亿，多于此处的手"
                    "机网民总数。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-short-video-users"},
        {
            'caveat_kind': (
                "",
                "source_inconsistent",
            ),
            'caveat': (
                "",
                (
                    "The article gives 857 million short-video users as of June 2019, yet "
                    "elsewhere only 847 million mobile internet users in all: the two do not "
                    "fit together. Both are kept as the article states them."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章称截至2019年6月中国短视频用户达8.57亿，却在别处称手机网"
                    "民总数为8.47亿：两个数字互相矛盾。这里按文章原样保留两个数字。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "china-short-video-users-young-lower-tier-share"},
        {
            'caveat_kind': (
                "",
                "derived",
            ),
            'caveat': (
                "",
                (
                    "The article says only “more than "
                    "half”; 50% is the least those "
                    "words can mean, not a percentage "
                    "it gives."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章只说“超过一半”；50%是这一说法所能表示的最小值，并非文章给出"
                    "的百分比。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "short-video-market-share-douyin-kwai"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say as of when these shares hold; the year shown is"
                    " that of the 2019 report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明这些份额的统计时间；这里显示的是其所引2019年报告的年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "short-video-market-share-xigua-volcano"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say as of when these shares hold; the year shown is"
                    " that of the 2019 report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明这些份额的统计时间；这里显示的是其所引2019年报告的年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-spring-festival-2020-new-users"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when the gain was counted; the date shown is "
                    "that of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明这一增长的统计时间；这里显示的是其所引参考文献的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "douyin-spring-festival-2020-new-users"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when the gain was counted; the date shown is "
                    "that of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明这一增长的统计时间；这里显示的是其所引参考文献的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-daily-active-users-2019"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "Given at a 2019 summit the article does not date; the date shown is that"
                    " of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "这一数字发布于2019年的一次峰会，文章没有给出峰会日期；这里显示的"
                    "是其所引参考文献的日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-daily-active-users-2020"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article gives this as the "
                    "count “at present”, from a report "
                    "it cites; the date shown is the "
                    "report’s."
                ),
            ),
            'caveat_zh': (
                "",
                "文章称这是目前的数字，引自一篇报道；这里显示的是该报道的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-daily-video-uploads"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "Given at a 2019 summit the article does not date; the date shown is that"
                    " of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "这一数字发布于2019年的一次峰会，文章没有给出峰会日期；这里显示的"
                    "是其所引参考文献的日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-creators"},
        {
            'caveat_kind': (
                "source_inconsistent",
                "source_inconsistent",
            ),
            'caveat': (
                (
                    "The article counts this “in a "
                    "single month”, yet the effort "
                    "began on 10 February and the "
                    "report it cites is dated 21 "
                    "February: the period cannot have "
                    "been a full month."
                ),
                (
                    "The article gives this as Kwai’s "
                    "count for “a single month”, but "
                    "the activity began on 10 February "
                    "and the report it cites is dated "
                    "21 February: a full month does not"
                    " fit those dates."
                ),
            ),
            'caveat_zh': (
                (
                    "文章称这是“单月”数据，但活动于2月10日启动，所引报道的日期是2月"
                    "21日：统计期不可能满一个月。"
                ),
                (
                    "文章称这是快手“单月”的统计，但活动于2月10日启动，所引报道的日期"
                    "是2月21日：统计期与一整月对不上。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-creators"},
        {
            'as_of': (
                "2020-02-21",
                "2020-02-01",
            ),
            'as_of_precision': (
                "day",
                "month",
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-videos"},
        {
            'caveat_kind': (
                "source_inconsistent",
                "source_inconsistent",
            ),
            'caveat': (
                (
                    "The article counts this “in a "
                    "single month”, yet the effort "
                    "began on 10 February and the "
                    "report it cites is dated 21 "
                    "February: the period cannot have "
                    "been a full month."
                ),
                (
                    "The article gives this as Kwai’s "
                    "count for “a single month”, but "
                    "the activity began on 10 February "
                    "and the report it cites is dated "
                    "21 February: a full month does not"
                    " fit those dates."
                ),
            ),
            'caveat_zh': (
                (
                    "文章称这是“单月”数据，但活动于2月10日启动，所引报道的日期是2月"
                    "21日：统计期不可能满一个月。"
                ),
                (
                    "文章称这是快手“单月”的统计，但活动于2月10日启动，所引报道的日期"
                    "是2月21日：统计期与一整月对不上。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-videos"},
        {
            'as_of': (
                "2020-02-21",
                "2020-02-01",
            ),
            'as_of_precision': (
                "day",
                "month",
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-plays"},
        {
            'caveat_kind': (
                "source_inconsistent",
                "source_inconsistent",
            ),
            'caveat': (
                (
                    "The article counts this “in a "
                    "single month”, yet the effort "
                    "began on 10 February and the "
                    "report it cites is dated 21 "
                    "February: the period cannot have "
                    "been a full month."
                ),
                (
                    "The article gives this as Kwai’s "
                    "count for “a single month”, but "
                    "the activity began on 10 February "
                    "and the report it cites is dated "
                    "21 February: a full month does not"
                    " fit those dates."
                ),
            ),
            'caveat_zh': (
                (
                    "文章称这是“单月”数据，但活动于2月10日启动，所引报道的日期是2月"
                    "21日：统计期不可能满一个月。"
                ),
                (
                    "文章称这是快手“单月”的统计，但活动于2月10日启动，所引报道的日期"
                    "是2月21日：统计期与一整月对不上。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "kwai-agricultural-assistance-plays"},
        {
            'as_of': (
                "2020-02-21",
                "2020-02-01",
            ),
            'as_of_precision': (
                "day",
                "month",
            ),
        },
    ),
    (
        'Figure',
        {'key': "toutiao-mountain-products-sold"},
        {
            'caveat_kind': (
                "",
                "unit_assumed",
            ),
            'caveat': (
                "",
                (
                    "The article counts “agricultural "
                    "products” without saying what one "
                    "is (a piece, a parcel or an "
                    "order); “products” is our reading "
                    "of its words. It does not date the"
                    " count either: the date shown is "
                    "that of the reference it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章只说“农产品”，没有说明按什么计算（件数、包裹还是订单）；“件商"
                    "品”（products）是我们对这一说法的理解。文章也没有给出统计日"
                    "期：这里显示的是其所引参考文献的日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "ecommerce-poverty-alleviation-counties"},
        {
            'as_of': (
                "2019-05-31",
                "2019-05-01",
            ),
            'as_of_precision': (
                "day",
                "month",
            ),
        },
    ),
    (
        'Figure',
        {'key': "song-xiaoying-turnover-usd"},
        {
            'qualifier': (
                "exactly",
                "nearly",
            ),
        },
    ),
    (
        'Figure',
        {'key': "xigua-county-magistrates-sales-usd"},
        {
            'qualifier': (
                "exactly",
                "nearly",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wang-shuai-wesee-fans"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article gives his fans as they"
                    " stood when it was written, "
                    "without a date; the year shown is "
                    "the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章给出的是撰写时的粉丝数，没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wang-shuai-wesee-works"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article counts his works as "
                    "they stood when it was written, "
                    "without a date; the year shown is "
                    "the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章统计的是撰写时的作品数，没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "wang-shuai-chickens-eaten"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when he "
                    "did this; the year shown is the "
                    "article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明他何时这样做；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "county-girl-xigua-fans"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article gives her fans as they"
                    " stood when it was written, "
                    "without a date; the year shown is "
                    "the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章给出的是撰写时的粉丝数，没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "county-girl-xigua-videos"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article counts her videos as "
                    "they stood when it was written, "
                    "without a date; the year shown is "
                    "the article’s own."
                ),
            ),
            'caveat_zh': (
                "",
                "文章统计的是撰写时的视频数，没有注明日期；这里显示的是文章的发表年份。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "county-girl-yellow-ginger-sold"},
        {
            'caveat_kind': (
                "unit_assumed",
                "unit_assumed",
            ),
            'caveat': (
                (
                    "The article does not say what the "
                    "ten thousand counts (pieces, "
                    "kilograms or orders); “items” is "
                    "our assumption."
                ),
                (
                    "The article does not say what the "
                    "ten thousand counts (pieces, "
                    "kilograms or orders); “items” is "
                    "our assumption. It does not date "
                    "the sale either: the year shown is"
                    " the article’s own."
                ),
            ),
            'caveat_zh': (
                (
                    "文章没有说明这一万多是按什么计算的（个数、公斤还是订单）；“件”是我"
                    "们的假定。"
                ),
                (
                    "文章没有说明这一万多是按什么计算的（个数、公斤还是订单）；“个”（i"
                    "tems）是我们的假定。文章也没有给出销售日期：这里显示的是文章的发"
                    "表年份。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "philanthropic-orgs-live-broadcast-main-channel-2018"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article gives this share for 2018 without a date; the date shown is "
                    "that of the July 2018 report it cites."
                ),
            ),
            'caveat_zh': (
                "",
                (
                    "文章给出的是2018年的比例，没有注明具体日期；这里显示的是其所引2"
                    "018年7月报告的日期。"
                ),
            ),
        },
    ),
    (
        'Figure',
        {'key': "glacier-fans"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when this was counted; the date shown is that "
                    "of the January 2020 publication it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明统计时间；这里显示的是其所引2020年1月资料的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "glacier-conference-video-plays"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when this was counted; the date shown is that "
                    "of the January 2020 publication it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明统计时间；这里显示的是其所引2020年1月资料的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "glacier-follow-up-videos"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when this was counted; the date shown is that "
                    "of the January 2020 publication it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明统计时间；这里显示的是其所引2020年1月资料的日期。",
            ),
        },
    ),
    (
        'Figure',
        {'key': "glacier-follow-up-video-plays"},
        {
            'caveat_kind': (
                "",
                "as_of_estimated",
            ),
            'caveat': (
                "",
                (
                    "The article does not say when this was counted; the date shown is that "
                    "of the January 2020 publication it cites."
                ),
            ),
            'caveat_zh': (
                "",
                "文章没有说明统计时间；这里显示的是其所引2020年1月资料的日期。",
            ),
        },
    ),
]

