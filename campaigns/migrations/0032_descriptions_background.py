"""Organisations' and platforms' descriptions say only what the five documents give, for a
database that loaded the seed before: background no document states is gone (a "national"
ministry, network, academy or foundation; a "public" university; a "technology investment",
"market research" or "group-buying" firm; an "internet company"; a "messaging app"; a "US"
social network; whose app Kwai is). Each says instead what the documents show the body doing,
or how they name it; and the Alliance's Chinese description is one sentence, as its English
is. The parts the catalogue gives ByteDance (through Toutiao, Douyin and Xigua Video) and
Kuaishou (through Kwai) in nine cases are marked as our inference: no document says that either
runs those platforms.

As in 0029 and 0031, a row changes only where it still holds the previous seed's words, so a
curator's own edit is kept; the rows' ``updated_at`` (a participant's case's, for a
participant) and the catalogue's version follow. Undone, each changes back where it holds the
new words.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone


def describe(apps, schema_editor, forward=True):
    Organisation = apps.get_model("campaigns", "Organisation")
    Platform = apps.get_model("campaigns", "Platform")
    Participation = apps.get_model("campaigns", "Participation")
    Campaign = apps.get_model("campaigns", "Campaign")
    was, becomes = (0, 1) if forward else (1, 0)
    now = timezone.now()
    changed = 0
    for model, changes in ((Organisation, ORGANISATIONS), (Platform, PLATFORMS)):
        for slug, fields in changes:
            changed += model._base_manager.filter(
                slug=slug, **{name: pair[was] for name, pair in fields.items()}
            ).update(**{name: pair[becomes] for name, pair in fields.items()}, updated_at=now)
    cases = set()
    for case, organisation, role, fields in PARTICIPATIONS:
        rows = Participation._base_manager.filter(
            campaign__slug=case,
            organisation__slug=organisation,
            role=role,
            **{name: pair[was] for name, pair in fields.items()},
        )
        ids = list(rows.values_list("pk", flat=True))
        if ids:
            Participation._base_manager.filter(pk__in=ids).update(
                **{name: pair[becomes] for name, pair in fields.items()}
            )
            cases.add(case)
    if cases:
        changed += Campaign._base_manager.filter(slug__in=cases).update(updated_at=now)
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
    dependencies = [("campaigns", "0031_descriptions_the_documents_support")]

    operations = [migrations.RunPython(describe, undo)]


ORGANISATIONS = [
    (
        "chinese-social-media-for-social-good-alliance",
        {
            "description_zh": (
                (
                    "成立于2011年的联盟。据盖茨基金会介绍，该联盟此后发起或参与了一系列针对严重公"
                    "共卫生问题的网络宣传活动；其多名成员是基金会的合作伙伴。"
                ),
                (
                    "成立于2011年的联盟；据盖茨基金会介绍，该联盟此后发起或参与了一系列针对严重公"
                    "共卫生问题的网络宣传活动；其多名成员是基金会的合作伙伴。"
                ),
            ),
        },
    ),
    (
        "ministry-of-health-china",
        {
            "description": (
                (
                    "China's national health ministry, which partnered with the Chinese Social "
                    "Media for Social Good Alliance on tuberculosis awareness in 2012."
                ),
                (
                    "China's health ministry, which partnered with the Chinese Social Media for "
                    "Social Good Alliance on tuberculosis awareness in 2012."
                ),
            ),
            "description_zh": (
                (
                    "中国国家卫生主管部门，2012年与 Chinese Social Media for Social Good Alliance"
                    " 合作开展结核病防治宣传。"
                ),
                (
                    "中国卫生主管部门，2012年与 Chinese Social Media for Social Good Alliance 合"
                    "作开展结核病防治宣传。"
                ),
            ),
        },
    ),
    (
        "china-earthquake-network",
        {
            "description": (
                (
                    "China's national seismic monitoring network, which posted news of the April "
                    "2013 Ya'an earthquake to its 1.5 million followers seconds after it struck."
                ),
                (
                    "Network that posted news of the April 2013 Ya'an earthquake to its 1.5 "
                    "million followers seconds after it struck, ahead of every other medium."
                ),
            ),
            "description_zh": (
                (
                    "中国国家地震监测台网，2013年4月雅安地震发生数秒后即向其150万粉丝发布了地震消"
                    "息。"
                ),
                (
                    "2013年4月雅安地震发生数秒后即向其150万粉丝发布地震消息的机构，早于其他所有媒"
                    "体。"
                ),
            ),
        },
    ),
    (
        "sina",
        {
            "description": (
                "Chinese internet company that runs the Sina Weibo microblog.",
                (
                    "Chinese social media company, as the Gates Foundation's posts describe it, "
                    "that runs the Sina Weibo microblog."
                ),
            ),
            "description_zh": (
                "中国互联网公司，运营新浪微博。",
                "盖茨基金会博文所说的中国社交媒体公司之一，运营新浪微博。",
            ),
        },
    ),
    (
        "tencent",
        {
            "description": (
                (
                    "Chinese internet company behind WeChat, Tencent Weibo and the Wesee "
                    "short-video app."
                ),
                (
                    "Chinese social media company, as the Gates Foundation's posts describe it, "
                    "behind WeChat, Tencent Weibo and the Wesee short-video app."
                ),
            ),
            "description_zh": (
                "中国互联网公司，旗下有微信、腾讯微博和微视短视频应用。",
                (
                    "盖茨基金会博文所说的中国社交媒体公司之一，旗下有微信、腾讯微博和微视短视频应"
                    "用。"
                ),
            ),
        },
    ),
    (
        "unc-wilmington",
        {
            "description": (
                (
                    "Public university in Wilmington, North Carolina, that dropped plans to cut "
                    "sports teams after a student campaign."
                ),
                (
                    "University whose chancellor, after a student campaign against plans to cut "
                    "sports teams, announced that none would be cut."
                ),
            ),
            "description_zh": (
                "位于北卡罗来纳州威尔明顿的公立大学，在学生发起行动后放弃了裁撤运动队的计划。",
                "大学；学生针对裁撤运动队的计划发起行动后，其校长宣布不会裁撤任何运动队。",
            ),
        },
    ),
    (
        "chinese-academy-of-social-sciences",
        {
            "description": (
                (
                    "China's national research academy for the social sciences, where Yu Jianrong "
                    "is a professor (the IWOM post calls it the China Academy of Social "
                    "Sciences)."
                ),
                (
                    "Academy at which Yu Jianrong is a professor (the IWOM post calls it the "
                    "China Academy of Social Sciences)."
                ),
            ),
            "description_zh": (
                (
                    "中国国家级社会科学研究机构，于建嵘在此任教授（China IWOM 的文章称其为 China "
                    "Academy of Social Sciences）。"
                ),
                (
                    "于建嵘任教授的研究院（China IWOM 的文章称其为 China Academy of Social Scienc"
                    "es）。"
                ),
            ),
        },
    ),
    (
        "innovation-works",
        {
            "description": (
                "Technology investment firm founded by Kai-Fu Lee.",
                "Named in the IWOM post only as what Kai-Fu Lee founded.",
            ),
            "description_zh": (
                "由李开复创办的科技投资公司。",
                "China IWOM 的文章只提到它由李开复创办。",
            ),
        },
    ),
    (
        "groupon",
        {
            "description": (
                (
                    "US group-buying company whose entry into China, under the name GaoPeng, was "
                    "confirmed in February 2011."
                ),
                (
                    "Company whose entry into China, under the name GaoPeng, was confirmed in "
                    "February 2011."
                ),
            ),
            "description_zh": (
                "美国团购公司；2011年2月，其将以“高朋”之名进入中国一事得到确认。",
                "公司；2011年2月，其将以“高朋”之名进入中国一事得到确认。",
            ),
        },
    ),
    (
        "gaopeng",
        {
            "description": (
                "Groupon's Chinese group-buying business, trading as GaoPeng.com.",
                "Groupon China, as the IWOM post calls it, confirmed to be named GaoPeng.com.",
            ),
            "description_zh": (
                "Groupon 在中国的团购业务，以高朋网的名义经营。",
                "China IWOM 的文章称之为 Groupon China，并确认其名称为高朋网。",
            ),
        },
    ),
    (
        "china-iwom",
        {
            "description": (
                (
                    "Blog that tracks internet word of mouth in China and published a weekly buzz "
                    "round-up in 2011."
                ),
                (
                    "Blog that tracks what netizens and the media in China are saying and "
                    "published a weekly buzz round-up in 2011."
                ),
            ),
            "description_zh": (
                "追踪中国网络口碑的博客，2011年发布每周热点汇总。",
                "追踪中国网民和媒体言论的博客，2011年发布每周热点汇总。",
            ),
        },
    ),
    (
        "cgpi",
        {
            "description": (
                (
                    "Philanthropy education and research institute (CGPI) that published Tara "
                    "Ouyang's 2020 article on short video and social good."
                ),
                (
                    "Institute (CGPI) named in the byline of Tara Ouyang's 2020 article on short "
                    "video and social good."
                ),
            ),
            "description_zh": (
                (
                    "公益教育与研究机构（CGPI），发表了 Tara Ouyang 2020年关于短视频与社会公益的"
                    "文章。"
                ),
                "Tara Ouyang 2020年关于短视频与社会公益的文章署名中列出的机构（CGPI）。",
            ),
        },
    ),
    (
        "cnhnb",
        {
            "description": (
                (
                    "Agricultural e-commerce site that, according to a February 2020 report, "
                    "launched a poverty-alleviation and agricultural-assistance activity with "
                    "Tencent Wesee."
                ),
                (
                    "Site that, according to a February 2020 report, launched a "
                    "poverty-alleviation and agricultural-assistance activity with Tencent Wesee."
                ),
            ),
            "description_zh": (
                "农业电商网站；据2020年2月的一篇报道，它与腾讯微视联合开展了扶贫助农活动。",
                "网站；据2020年2月的一篇报道，它与腾讯微视联合开展了扶贫助农活动。",
            ),
        },
    ),
    (
        "china-youth-climate-action-network",
        {
            "description": (
                (
                    "Youth climate network named, with Greenovation and Kwai, as an author of the "
                    "publication the CGPI article cites for the Madrid climate-conference "
                    "campaign."
                ),
                (
                    "Named, with Greenovation and Kwai, as an author of the publication the CGPI "
                    "article cites for the Madrid climate-conference campaign."
                ),
            ),
            "description_zh": (
                (
                    "青年气候网络；深圳国际公益学院的文章为马德里气候大会传播活动引用了一份资料，"
                    "将其与绿色创新发展中心和快手一同列为该资料的作者。"
                ),
                (
                    "深圳国际公益学院的文章为马德里气候大会传播活动引用了一份资料，将其与绿色创新"
                    "发展中心和快手一同列为该资料的作者。"
                ),
            ),
        },
    ),
    (
        "mara-administration-management-institute",
        {
            "description": (
                (
                    "Training institute of China's agriculture ministry and a co-launcher of the "
                    "February 2020 “Fighting the Virus, Helping the Farmers” drive."
                ),
                (
                    "Institute the CGPI article names as “Administration and Management "
                    "Institute, Ministry of Agriculture and Rural Affairs”, and a co-launcher of "
                    "the February 2020 “Fighting the Virus, Helping the Farmers” drive."
                ),
            ),
            "description_zh": (
                (
                    "中国农业农村部下属的培训机构，2020年2月“战疫助农”（Fighting the Virus, Helpi"
                    "ng the Farmers，中文名为本目录译名）活动的发起方之一。"
                ),
                (
                    "深圳国际公益学院的文章以“Administration and Management Institute, Ministry o"
                    "f Agriculture and Rural Affairs”之名列出的机构，2020年2月“战疫助农”（Fightin"
                    "g the Virus, Helping the Farmers，中文名为本目录译名）活动的发起方之一。"
                ),
            ),
        },
    ),
    (
        "beijing-poverty-reduction-office",
        {
            "description": (
                (
                    "Beijing city office for poverty-relief cooperation and a co-launcher of the "
                    "February 2020 “Fighting the Virus, Helping the Farmers” drive."
                ),
                (
                    "Office named as a co-launcher of the February 2020 “Fighting the Virus, "
                    "Helping the Farmers” drive."
                ),
            ),
            "description_zh": (
                (
                    "北京市负责扶贫协作的市级办公室，2020年2月“战疫助农”（Fighting the Virus, Hel"
                    "ping the Farmers，中文名为本目录译名）活动的发起方之一。"
                ),
                (
                    "被列为2020年2月“战疫助农”（Fighting the Virus, Helping the Farmers，中文名为"
                    "本目录译名）活动发起方之一的办公室。"
                ),
            ),
        },
    ),
    (
        "china-foundation-for-poverty-alleviation",
        {
            "description": (
                (
                    "National poverty-relief foundation that joined the Sound Volume Plan "
                    "launched by Douyin and Toutiao."
                ),
                (
                    "Foundation that the CGPI article counts among the few philanthropic "
                    "organisations to have joined the Sound Volume Plan launched by Douyin and "
                    "Toutiao."
                ),
            ),
            "description_zh": (
                "全国性扶贫基金会，已加入抖音和今日头条发起的“音量计划”。",
                (
                    "基金会，深圳国际公益学院的文章将其列为已加入抖音和今日头条发起的“音量计划”的"
                    "少数公益组织之一。"
                ),
            ),
        },
    ),
    (
        "china-womens-development-foundation",
        {
            "description": (
                (
                    "National foundation for women's development and a member of the Sound Volume "
                    "Plan."
                ),
                (
                    "Foundation that the CGPI article counts among the few philanthropic "
                    "organisations to have joined the Sound Volume Plan."
                ),
            ),
            "description_zh": (
                "全国性妇女发展基金会，“音量计划”的成员。",
                "基金会，深圳国际公益学院的文章将其列为已加入“音量计划”的少数公益组织之一。",
            ),
        },
    ),
    (
        "china-children-and-teenagers-fund",
        {
            "description": (
                "National children's charity and a member of the Sound Volume Plan.",
                (
                    "Fund that the CGPI article counts among the few philanthropic organisations "
                    "to have joined the Sound Volume Plan."
                ),
            ),
            "description_zh": (
                "全国性儿童慈善机构，“音量计划”的成员。",
                "基金，深圳国际公益学院的文章将其列为已加入“音量计划”的少数公益组织之一。",
            ),
        },
    ),
    (
        "china-charities-aid-foundation-for-children",
        {
            "description": (
                "Children's aid foundation and a member of the Sound Volume Plan.",
                (
                    "Foundation that the CGPI article counts among the few philanthropic "
                    "organisations to have joined the Sound Volume Plan."
                ),
            ),
            "description_zh": (
                "儿童救助基金会，“音量计划”的成员。",
                "基金会，深圳国际公益学院的文章将其列为已加入“音量计划”的少数公益组织之一。",
            ),
        },
    ),
    (
        "one-foundation",
        {
            "description": (
                "Chinese public foundation and a member of the Sound Volume Plan.",
                (
                    "Foundation that the CGPI article counts among the few philanthropic "
                    "organisations to have joined the Sound Volume Plan."
                ),
            ),
            "description_zh": (
                "中国公募基金会，“音量计划”的成员。",
                "基金会，深圳国际公益学院的文章将其列为已加入“音量计划”的少数公益组织之一。",
            ),
        },
    ),
    (
        "prospective-industry-research-institute",
        {
            "description": (
                (
                    "Market research firm whose 2019 report sized China's short-video audience "
                    "and platform market shares."
                ),
                (
                    "Research institute whose 2019 report on China's short-video industry sized "
                    "the short-video audience and the platforms' market shares."
                ),
            ),
            "description_zh": (
                "市场研究公司，其2019年报告测算了中国短视频用户规模和各平台的市场份额。",
                (
                    "研究机构，其2019年中国短视频行业研究报告测算了短视频用户规模和各平台的市场份"
                    "额。"
                ),
            ),
        },
    ),
    (
        "questmobile",
        {
            "description": (
                (
                    "Mobile internet analytics firm whose 2020 Spring Festival report measured "
                    "short-video growth during the outbreak."
                ),
                (
                    "Body whose special report on fighting the coronavirus over the 2020 Spring "
                    "Festival measured short-video growth during the outbreak."
                ),
            ),
            "description_zh": (
                "移动互联网数据分析公司，其2020年春节报告统计了疫情期间短视频的增长情况。",
                "机构，其2020年春节抗疫专题报告统计了疫情期间短视频的增长情况。",
            ),
        },
    ),
    (
        "shenzhen-tuou-philanthropy-development-center",
        {
            "description": (
                (
                    "Shenzhen nonprofit that surveys how Chinese philanthropic organisations use "
                    "the internet."
                ),
                (
                    "Centre to which the CGPI article's references credit the sixth research "
                    "report on how Chinese philanthropic organisations use the internet and how "
                    "well they communicate."
                ),
            ),
            "description_zh": (
                "深圳的公益组织，调查中国公益组织使用互联网的情况。",
                (
                    "机构；深圳国际公益学院文章的参考文献将关于中国公益组织互联网使用和传播能力的"
                    "第六份研究报告归于它。"
                ),
            ),
        },
    ),
    (
        "ministry-of-commerce-china",
        {
            "description": (
                (
                    "China's national commerce ministry; a former inspector of its department for "
                    "e-commerce and information technology reported in 2019 how many counties "
                    "targeted e-commerce poverty relief had reached."
                ),
                (
                    "The commerce ministry named in the CGPI article; a former inspector of its "
                    "department for e-commerce and information technology reported in 2019 how "
                    "many counties targeted e-commerce poverty relief had reached."
                ),
            ),
            "description_zh": (
                (
                    "中国国家商务主管部门；2019年，其电子商务和信息化司的一位前巡视员介绍了电商精"
                    "准扶贫覆盖的县数。"
                ),
                (
                    "深圳国际公益学院的文章提到的商务主管部门；2019年，其电子商务和信息化司的一位"
                    "前巡视员介绍了电商精准扶贫覆盖的县数。"
                ),
            ),
        },
    ),
]
PLATFORMS = [
    (
        "tencent-weibo",
        {
            "description": (
                "Tencent's microblogging service.",
                (
                    "Platform named among China's major search engines and social media platforms "
                    "that shared information after the Ya'an earthquake."
                ),
            ),
            "description_zh": (
                "腾讯推出的微博服务。",
                "平台，被列为雅安地震后共享信息的中国主要搜索引擎和社交媒体平台之一。",
            ),
        },
    ),
    (
        "wechat",
        {
            "description": (
                (
                    "Tencent's messaging app; in October 2013 Tencent announced that its users "
                    "could give to charity from within it."
                ),
                (
                    "Tencent's platform; in October 2013 Tencent announced that its users could "
                    "give to charity from within it."
                ),
            ),
            "description_zh": (
                "腾讯的即时通讯应用；2013年10月，腾讯宣布用户可以在微信内直接向慈善机构捐款。",
                "腾讯的平台；2013年10月，腾讯宣布用户可以在微信内直接向慈善机构捐款。",
            ),
        },
    ),
    (
        "kwai",
        {
            "description": (
                (
                    "Kuaishou's short-video and live-streaming app, whose users are spread across "
                    "cities and the countryside in line with China's internet users as a whole."
                ),
                (
                    "Short-video platform with live rooms, whose users are spread across cities "
                    "and the countryside in line with China's internet users as a whole."
                ),
            ),
            "description_zh": (
                "快手公司的短视频和直播应用，其用户在城市和乡村的分布与中国网民整体情况一致。",
                "设有直播间的短视频平台，其用户在城市和乡村的分布与中国网民整体情况一致。",
            ),
        },
    ),
    (
        "facebook",
        {
            "description": (
                (
                    "US social network, on which a UNC Wilmington student set up a group to help "
                    "save the university's sports teams."
                ),
                (
                    "Social platform on which a UNC Wilmington student set up a group to help "
                    "save the university's sports teams."
                ),
            ),
            "description_zh": (
                (
                    "美国社交网络，北卡罗来纳大学威尔明顿分校的一名学生曾在上面建立群组，助力保住"
                    "学校的运动队。"
                ),
                (
                    "社交平台，北卡罗来纳大学威尔明顿分校的一名学生曾在上面建立群组，助力保住学校"
                    "的运动队。"
                ),
            ),
        },
    ),
    (
        "gaopeng-com",
        {
            "description": (
                (
                    "Group-buying website confirmed in February 2011 as Groupon's name in China; "
                    "a demo site was briefly online."
                ),
                (
                    "Website confirmed in February 2011 as Groupon's name in China; a demo site "
                    "was briefly online."
                ),
            ),
            "description_zh": (
                "团购网站，2011年2月被确认为 Groupon 在中国使用的名称；其演示网站曾短暂上线。",
                "网站，2011年2月被确认为 Groupon 在中国使用的名称；其演示网站曾短暂上线。",
            ),
        },
    ),
]
"""(slug, {field: (previous words, new words)}) for organisations, then for platforms."""

ASSUMED = {"assumed": (False, True)}

PARTICIPATIONS = [
    ("fighting-the-virus-helping-the-farmers", "bytedance", "organiser", ASSUMED),
    ("mountain-products-on-toutiao", "bytedance", "organiser", ASSUMED),
    ("song-xiaoying-apple-live-stream", "bytedance", "platform_operator", ASSUMED),
    ("xigua-video-county-magistrates-live-streams", "bytedance", "platform_operator", ASSUMED),
    ("county-girl-xigua-video", "bytedance", "platform_operator", ASSUMED),
    ("sound-volume-plan", "bytedance", "organiser", ASSUMED),
    ("kwai-agricultural-assistance", "kuaishou", "organiser", ASSUMED),
    ("kwai-rural-support-plans", "kuaishou", "organiser", ASSUMED),
    ("greenovation-hub-kwai-madrid-climate-conference", "kuaishou", "partner", ASSUMED),
]
"""(case, organisation, role, {field: (previous value, new value)}): the parts the documents
give only to the platform (Toutiao, Douyin, Xigua Video, Kwai), not to its company."""
