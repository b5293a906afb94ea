"""The seed's further details of issue 20, for a database that loaded the seed before them.

A second reading against the five documents found details the documents do not give, now
removed or reworded in both languages: a place's province (Ya'an "in Sichuan"), an owner
("Tencent's WeChat", "ByteDance's Toutiao, Xigua Video and Douyin", what ByteDance runs),
what a company is (a dairy or a beer brand, a US private foundation, an e-commerce group, a
shopping search), a word the document does not use ("local" braised chicken, a "rural"
creator), a reading of a comment (the "John" it answers is not said to be the post's author)
and a start year the document does not give (it dates the activity's figures, not its start).
Sentences keep their number, so the evidence that names them still fits.

As in 0027, each change is made only where the row still holds the previous seed's value, so
a curator's own edit is kept and a database that already loaded this seed is left as it is;
what follows a change is brought in step: the rows' and their cases' ``updated_at``, the cases'
search documents (the frozen copy of how they are written) and the catalogue's version.
Undone, each change is made back where the row holds the new value.
"""

from types import SimpleNamespace

from django.db import migrations
from django.db.models import F
from django.utils import timezone

from campaigns.migrations._frozen_search import refresh_search_documents

SEARCHED = {"title", "title_zh", "summary", "summary_zh", "description", "description_zh"}
"""A case's fields its search document holds."""


def correct(apps, schema_editor, forward=True):
    models = SimpleNamespace(
        **{
            name: apps.get_model("campaigns", name)
            for name in ("Campaign", "Participation", "TaggedCampaign")
        }
    )
    now = timezone.now()
    was, becomes = (0, 1) if forward else (1, 0)
    parts_changed, searched, changed = set(), set(), False
    for model_name, lookup, fields in CHANGES:
        model = apps.get_model("campaigns", model_name)
        old = {name: pair[was] for name, pair in fields.items()}
        new = {name: pair[becomes] for name, pair in fields.items()}
        ids = list(model._base_manager.filter(**lookup, **old).values_list("pk", flat=True))
        if not ids:  # changed by a curator, or brought forward already
            continue
        changed = True
        stamp = {"updated_at": now} if model_name != "Participation" else {}
        model._base_manager.filter(pk__in=ids).update(**new, **stamp)
        if model_name == "Campaign":
            if SEARCHED & set(fields):
                searched.update(ids)
        elif model_name == "Participation":
            parts_changed.update(
                model._base_manager.filter(pk__in=ids).values_list("campaign_id", flat=True)
            )
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
    dependencies = [("campaigns", "0028_figure_as_of_is_document_date")]

    operations = [migrations.RunPython(correct, undo)]


# Every field the seed changes here: (model, the row's natural key, {field: (old, new)}).
CHANGES = [
    (
        "Campaign",
        {"slug": "yaan-earthquake-weibo-fundraising"},
        {
            "description": (
                (
                    "When the earthquake struck Ya'an in Sichuan in April 2013, Sina opened "
                    "the fundraising service on Sina Weibo to every online payment system, "
                    "including those of its competitors. Donations passed 110 million RMB, "
                    "upwards of 18 million US dollars, within three days. The Gates "
                    "Foundation gives it as one of several ways Chinese social media "
                    "companies helped with money, information and relief after the disaster."
                ),
                (
                    "When the earthquake struck Ya'an in April 2013, Sina opened the "
                    "fundraising service on Sina Weibo to every online payment system, "
                    "including those of its competitors. Donations passed 110 million RMB, "
                    "upwards of 18 million US dollars, within three days. The Gates "
                    "Foundation gives it as one of several ways Chinese social media "
                    "companies helped with money, information and relief after the disaster."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "yaan-earthquake-weibo-fundraising"},
        {
            "description_zh": (
                (
                    "2013年4月四川雅安发生地震后，新浪将新浪微博的募捐服务向所有在线"
                    "支付系统开放，包括竞争对手的系统。三天内捐款突破1.1亿元人民币，折"
                    "合逾1800万美元。盖茨基金会将此列为中国社交媒体企业在灾后从资金、"
                    "信息和救援等方面提供帮助的几种方式之一。"
                ),
                (
                    "2013年4月雅安发生地震后，新浪将新浪微博的募捐服务向所有在线支付"
                    "系统开放，包括竞争对手的系统。三天内捐款突破1.1亿元人民币，折合逾"
                    "1800万美元。盖茨基金会将此列为中国社交媒体企业在灾后从资金、信息"
                    "和救援等方面提供帮助的几种方式之一。"
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "yaan-earthquake-wechat-volunteers"},
        {
            "description": (
                (
                    "In its account of the response to the Ya'an earthquake, the Gates "
                    "Foundation notes that volunteer groups used Tencent's WeChat to "
                    "coordinate their efforts across the affected areas. The groups are not "
                    "named and no figures are given."
                ),
                (
                    "In its account of the response to the Ya'an earthquake, the Gates "
                    "Foundation notes that volunteer groups used WeChat to coordinate their "
                    "efforts across the affected areas. The groups are not named and no "
                    "figures are given."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "yaan-earthquake-wechat-volunteers"},
        {
            "description_zh": (
                "盖茨基金会在介绍雅安地震的应对情况时指出，各志愿者团体使用腾讯的微信在受灾各地协调行动。文中没有列出这些团体的名称，也没有提供任何数字。",
                "盖茨基金会在介绍雅安地震的应对情况时指出，各志愿者团体使用微信在受灾各地协调行动。文中没有列出这些团体的名称，也没有提供任何数字。",
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "mengniu-lovers-wishes"},
        {
            "summary": (
                (
                    "Dairy brand MengNiu marked Valentine's Day 2011 with Lovers' Wishes, an "
                    "online event on Sina Weibo where users sent messages of love for "
                    "partners and friends to see."
                ),
                (
                    "MengNiu marked Valentine's Day 2011 with Lovers' Wishes, an online event "
                    "on Sina Weibo where users sent messages of love for partners and friends "
                    "to see."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "mengniu-lovers-wishes"},
        {
            "summary_zh": (
                "乳品品牌蒙牛在2011年情人节推出“恋人心愿”（本目录译名），这是一项基于新浪微博的线上活动，用户可发送示爱留言，供伴侣和朋友查看。",
                "蒙牛在2011年情人节推出“恋人心愿”（本目录译名），这是一项基于新浪微博的线上活动，用户可发送示爱留言，供伴侣和朋友查看。",
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "fighting-the-virus-helping-the-farmers"},
        {
            "description": (
                (
                    "The activity was launched on 18 February 2020 by the agriculture "
                    "ministry's Administration and Management Institute, the Beijing "
                    "municipal office for poverty-reduction cooperation, a third body named "
                    "for social participation in poverty alleviation, and ByteDance's "
                    "Toutiao, Xigua Video and Douyin. It drew on the platforms' strengths and "
                    "their precise distribution of information to connect supply and demand "
                    "for farm produce during the outbreak."
                ),
                (
                    "The activity was launched on 18 February 2020 by the agriculture "
                    "ministry's Administration and Management Institute, the Beijing "
                    "municipal office for poverty-reduction cooperation, a third body named "
                    "for social participation in poverty alleviation, and Toutiao, Xigua "
                    "Video and Douyin. It drew on the platforms' strengths and their precise "
                    "distribution of information to connect supply and demand for farm "
                    "produce during the outbreak."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "fighting-the-virus-helping-the-farmers"},
        {
            "description_zh": (
                (
                    "“战疫助农”（本目录译名）活动于2020年2月18日启动，发起方包括"
                    "农业农村部管理干部学院、北京市负责扶贫协作的市级办公室、第三家以“社"
                    "会参与扶贫”为名的机构，以及字节跳动旗下的今日头条、西瓜视频和抖音。"
                    "活动借助平台优势和精准的信息分发，在疫情期间对接农产品的供需信息。"
                ),
                (
                    "“战疫助农”（本目录译名）活动于2020年2月18日启动，发起方包括"
                    "农业农村部管理干部学院、北京市负责扶贫协作的市级办公室、第三家以“社"
                    "会参与扶贫”为名的机构，以及今日头条、西瓜视频和抖音。活动借助平台优"
                    "势和精准的信息分发，在疫情期间对接农产品的供需信息。"
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "wang-shuai-flower-videos-wesee"},
        {
            "description": (
                (
                    "When COVID-19 hurt flower exports from Shanghe County (Jinan, Shandong), "
                    "deputy county magistrate Wang Shuai, born in the 1980s, appeared masked "
                    "in a video of under 30 seconds recommending gerberas from Huairen Town; "
                    "the article describes a shopping bag at the foot of the screen at its "
                    "end, through which viewers can buy directly. His 49 works on Wesee also "
                    "promote carrots, succulents, tomatoes and traditional cloth, and to "
                    "advertise the local royal braised chicken he ate 10 chickens. The "
                    "article gives his following on Wesee as 591,000 fans when it was "
                    "written; it does not say how many of them the videos brought."
                ),
                (
                    "When COVID-19 hurt flower exports from Shanghe County (Jinan, Shandong), "
                    "deputy county magistrate Wang Shuai, born in the 1980s, appeared masked "
                    "in a video of under 30 seconds recommending gerberas from Huairen Town; "
                    "the article describes a shopping bag at the foot of the screen at its "
                    "end, through which viewers can buy directly. His 49 works on Wesee also "
                    "promote carrots, succulents, tomatoes and traditional cloth, and to "
                    "advertise the royal braised chicken he ate 10 chickens. The article "
                    "gives his following on Wesee as 591,000 fans when it was written; it "
                    "does not say how many of them the videos brought."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "wang-shuai-flower-videos-wesee"},
        {
            "description_zh": (
                (
                    "新冠疫情冲击了山东济南商河县的鲜花出口，“80后”副县长王帅（本目录"
                    "译名）戴着口罩出镜，在一条不到30秒的短视频中推荐怀仁镇的非洲菊；据"
                    "文章描述，视频结尾时屏幕下方会出现一个购物袋图标，观众点击即可直接购"
                    "买。他在微视上的49部作品还推介了胡萝卜、多肉植物、西红柿和传统土布"
                    "；为了给当地的御品扒鸡（royal braised chicken，"
                    "中文名为本目录译名）做广告，他还吃了10只鸡。文章称其撰写时他在微视"
                    "上有59.1万粉丝，但没有说明其中有多少是这些视频带来的。"
                ),
                (
                    "新冠疫情冲击了山东济南商河县的鲜花出口，“80后”副县长王帅（本目录"
                    "译名）戴着口罩出镜，在一条不到30秒的短视频中推荐怀仁镇的非洲菊；据"
                    "文章描述，视频结尾时屏幕下方会出现一个购物袋图标，观众点击即可直接购"
                    "买。他在微视上的49部作品还推介了胡萝卜、多肉植物、西红柿和传统土布"
                    "；为了给御品扒鸡（royal braised chicken，中文名"
                    "为本目录译名）做广告，他还吃了10只鸡。文章称其撰写时他在微视上有5"
                    "9.1万粉丝，但没有说明其中有多少是这些视频带来的。"
                ),
            ),
        },
    ),
    (
        "Participation",
        {
            "campaign__slug": "yaan-earthquake-missing-person-search",
            "organisation__slug": "alibaba",
            "role": "partner",
        },
        {
            "note": (
                "Yitao shopping search",
                "Yitao",
            ),
        },
    ),
    (
        "Participation",
        {
            "campaign__slug": "yaan-earthquake-missing-person-search",
            "organisation__slug": "alibaba",
            "role": "partner",
        },
        {
            "note_zh": (
                "一淘购物搜索",
                "一淘",
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "leeds-city-council-trulysocial"},
        {
            "description": (
                (
                    "All that is known of this comes from one reader's comment under a blog "
                    "post about social media for social good. Agreeing with the author, the "
                    "commenter writes of the #trulysocial culture shift at Leeds City Council "
                    "as one they share in: social media should be part of how the work is "
                    "done, not an optional add-on, with an understanding of what networks can "
                    "do and openness about services and the help on offer. The comment does "
                    "not say who wrote it or what part they play at the council, and gives no "
                    "date, platform, programme details or figures."
                ),
                (
                    "All that is known of this comes from one reader's comment under a blog "
                    "post about social media for social good. Agreeing with what one John had "
                    "said, the commenter writes of the #trulysocial culture shift at Leeds "
                    "City Council as one they share in: social media should be part of how "
                    "the work is done, not an optional add-on, with an understanding of what "
                    "networks can do and openness about services and the help on offer. The "
                    "comment does not say who wrote it or what part they play at the council, "
                    "and gives no date, platform, programme details or figures."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "leeds-city-council-trulysocial"},
        {
            "description_zh": (
                (
                    "关于这项工作，我们所知的全部内容都来自一篇关于“社交媒体促进社会公益"
                    "”的博文下的一条读者评论。评论者赞同博文作者的看法，并以亲历者的口吻"
                    "提到利兹市议会的 #trulysocial 文化转变：社交媒体应当融"
                    "入日常工作方式，而不是可有可无的附加项，要理解社交网络能做什么，并公"
                    "开介绍服务和所能提供的帮助。评论没有说明作者是谁、在议会中担任什么角"
                    "色，也没有提供日期、平台、项目细节或任何数字。"
                ),
                (
                    "关于这项工作，我们所知的全部内容都来自一篇关于“社交媒体促进社会公益"
                    "”的博文下的一条读者评论。评论者赞同一位名叫 John 的人所说的话"
                    "，并以亲历者的口吻提到利兹市议会的 #trulysocial 文化转"
                    "变：社交媒体应当融入日常工作方式，而不是可有可无的附加项，要理解社交"
                    "网络能做什么，并公开介绍服务和所能提供的帮助。评论没有说明作者是谁、"
                    "在议会中担任什么角色，也没有提供日期、平台、项目细节或任何数字。"
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "tencent-wesee-agricultural-assistance"},
        {
            "description": (
                (
                    "Tencent Wesee started the “Tencent's agricultural assistance” activity "
                    "in 2020 for farmers whose harvests piled up when the pandemic disrupted "
                    "logistics. Local officials, village cadres and farmers posted short "
                    "videos; eligible users got a matching product link and extra traffic "
                    "from the platform and paid no distribution commission. By 18 April 2020 "
                    "the activity had published 2234 videos, with up to 52 million plays and "
                    "up to 385,000 likes."
                ),
                (
                    "Tencent Wesee started the “Tencent's agricultural assistance” activity "
                    "for farmers whose harvests piled up when the pandemic disrupted "
                    "logistics. Local officials, village cadres and farmers posted short "
                    "videos; eligible users got a matching product link and extra traffic "
                    "from the platform and paid no distribution commission. By 18 April 2020 "
                    "the activity had published 2234 videos, with up to 52 million plays and "
                    "up to 385,000 likes."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "tencent-wesee-agricultural-assistance"},
        {
            "description_zh": (
                (
                    "2020年，疫情打乱了物流，农民的收成大量积压，腾讯微视为此发起“腾"
                    "讯助农”（Tencent's agricultural assist"
                    "ance，中文名为本目录译名）活动。地方官员、村干部和农民发布短视频"
                    "；符合条件的用户可获得匹配的商品链接和平台额外流量，并免收分销佣金。"
                    "截至2020年4月18日，活动共发布视频2234条，播放量多达520"
                    "0万次，点赞多达38.5万次。"
                ),
                (
                    "疫情打乱了物流，农民的收成大量积压，腾讯微视为此发起“腾讯助农”（T"
                    "encent's agricultural assistance，中"
                    "文名为本目录译名）活动。地方官员、村干部和农民发布短视频；符合条件的"
                    "用户可获得匹配的商品链接和平台额外流量，并免收分销佣金。截至2020"
                    "年4月18日，活动共发布视频2234条，播放量多达5200万次，点赞"
                    "多达38.5万次。"
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "county-girl-xigua-video"},
        {
            "summary": (
                (
                    "A rural creator known as the “county girl”, with 2.49 million Xigua "
                    "Video fans, lent her following to the 2020 short-video agricultural "
                    "assistance drive."
                ),
                (
                    "The “county girl”, a home-grown short-video influencer from a village, "
                    "with 2.49 million fans on Xigua Video, lent her following to the 2020 "
                    "short-video agricultural assistance drive."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "county-girl-xigua-video"},
        {
            "summary_zh": (
                "被称为“县城姑娘”（本目录译名）的乡村创作者在西瓜视频拥有249万粉丝，她借自己的影响力助力2020年的短视频助农活动。",
                "“县城姑娘”（本目录译名）是来自一个村庄的本土短视频网红，在西瓜视频拥有249万粉丝，她借自己的影响力助力2020年的短视频助农活动。",
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "county-girl-xigua-video"},
        {
            "description": (
                (
                    "The “county girl” is a home-grown rural influencer with 2.49 million "
                    "fans and 1997 videos on Xigua Video. She is certified as one of "
                    "Toutiao's Agricultural Contributors and a partner of its “Agriculture, "
                    "Rural areas and Farmers” union. Her most notable achievement, the "
                    "article says, was selling more than ten thousand yellow ginger; it also "
                    "calls her the hope of her village's escape from poverty. She was invited "
                    "into the pandemic-era agricultural assistance activity to help draw an "
                    "audience."
                ),
                (
                    "The “county girl” is a home-grown short-video influencer from a village, "
                    "with 2.49 million fans and 1997 videos on Xigua Video. She is certified "
                    "as one of Toutiao's Agricultural Contributors and a partner of its "
                    "“Agriculture, Rural areas and Farmers” union. Her most notable "
                    "achievement, the article says, was selling more than ten thousand yellow "
                    "ginger; it also calls her the hope of her village's escape from poverty. "
                    "She was invited into the pandemic-era agricultural assistance activity "
                    "to help draw an audience."
                ),
            ),
        },
    ),
    (
        "Campaign",
        {"slug": "county-girl-xigua-video"},
        {
            "description_zh": (
                (
                    "“县城姑娘”（本目录译名）是土生土长的乡村网红，在西瓜视频拥有249"
                    "万粉丝，发布了1997条视频。她获得今日头条“农业贡献者”认证，也是"
                    "其“三农”联盟的合作伙伴。据文章介绍，她最突出的成绩是黄姜销量超过一"
                    "万（文中未说明单位）；文章还称她是村里脱贫的希望。疫情期间，她受邀参"
                    "与助农活动，帮助吸引观众。"
                ),
                (
                    "“县城姑娘”（本目录译名）是来自一个村庄、土生土长的短视频网红，在西"
                    "瓜视频拥有249万粉丝，发布了1997条视频。她获得今日头条“农业贡"
                    "献者”认证，也是其“三农”联盟的合作伙伴。据文章介绍，她最突出的成绩"
                    "是黄姜销量超过一万（文中未说明单位）；文章还称她是村里脱贫的希望。疫"
                    "情期间，她受邀参与助农活动，帮助吸引观众。"
                ),
            ),
        },
    ),
    (
        "Participation",
        {
            "campaign__slug": "county-girl-xigua-video",
            "organisation__slug": "county-girl",
            "role": "champion",
        },
        {
            "note": (
                "rural creator on Xigua Video",
                "creator on Xigua Video, from a village",
            ),
        },
    ),
    (
        "Participation",
        {
            "campaign__slug": "county-girl-xigua-video",
            "organisation__slug": "county-girl",
            "role": "champion",
        },
        {
            "note_zh": (
                "西瓜视频上的乡村创作者",
                "西瓜视频上的创作者，来自一个村庄",
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "bill-melinda-gates-foundation"},
        {
            "description": (
                (
                    "US private foundation whose blog reported in 2013 on the campaigns of "
                    "the Chinese Social Media for Social Good Alliance, several of whose "
                    "members are among the foundation's partners."
                ),
                (
                    "Foundation whose blog reported in 2013 on the campaigns of the Chinese "
                    "Social Media for Social Good Alliance, several of whose members are "
                    "among the foundation's partners."
                ),
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "bill-melinda-gates-foundation"},
        {
            "description_zh": (
                (
                    "美国私人基金会，其博客在2013年介绍了 Chinese Socia"
                    "l Media for Social Good Alliance 开"
                    "展的活动；该联盟的多名成员是基金会的合作伙伴。"
                ),
                (
                    "基金会，其博客在2013年介绍了 Chinese Social Me"
                    "dia for Social Good Alliance 开展的活动"
                    "；该联盟的多名成员是基金会的合作伙伴。"
                ),
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "budweiser"},
        {
            "description": (
                "Beer brand that ran a Weibo-based Valentine's Day game in China in 2011.",
                "Company that ran a Weibo-based Valentine's Day game in 2011.",
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "budweiser"},
        {
            "description_zh": (
                "啤酒品牌，2011年在中国推出基于微博的情人节游戏。",
                "企业，2011年推出基于微博的情人节游戏。",
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "mengniu"},
        {
            "description": (
                "Chinese dairy brand that ran a Weibo-based Valentine's Day event in 2011.",
                "Company that ran a Weibo-based Valentine's Day event in 2011.",
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "mengniu"},
        {
            "description_zh": (
                "中国乳品品牌，2011年举办基于微博的情人节活动。",
                "企业，2011年举办基于微博的情人节活动。",
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "bytedance"},
        {
            "description": (
                (
                    "Chinese technology company that runs Toutiao, Douyin, Xigua Video and "
                    "Volcano Video."
                ),
                (
                    "Named in the CGPI article only in the title of a reference it cites, on "
                    "ByteDance's annual philanthropic statistics for 2018; the article does "
                    "not say what ByteDance runs, so listing it as the operator of Toutiao, "
                    "Douyin, Xigua Video and Volcano Video is the catalogue's own addition."
                ),
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "bytedance"},
        {
            "description_zh": (
                "中国科技公司，运营今日头条、抖音、西瓜视频和火山小视频。",
                (
                    "深圳国际公益学院的文章只在所引一篇参考文献的标题（关于字节跳动201"
                    "8年的年度公益数据）中提到它；文章没有说明字节跳动运营什么，将其列为"
                    "今日头条、抖音、西瓜视频和火山小视频的运营方是本目录自己补充的。"
                ),
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "alibaba"},
        {
            "description": (
                (
                    "Chinese e-commerce group; its Yitao shopping search took part in the "
                    "Ya'an missing-person search."
                ),
                (
                    "Alibaba's Yitao is named among the search engines and social media "
                    "platforms that shared information after the Ya'an earthquake; the post "
                    "says nothing more about Alibaba."
                ),
            ),
        },
    ),
    (
        "Organisation",
        {"slug": "alibaba"},
        {
            "description_zh": (
                "中国电子商务集团，旗下的一淘购物搜索参与了雅安地震寻人联合搜索。",
                "阿里巴巴旗下的一淘被列为雅安地震后共享信息的搜索引擎和社交媒体平台之一；博文对阿里巴巴没有更多介绍。",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "douyin"},
        {
            "description": (
                "ByteDance's short-video app, one of the two market leaders in China.",
                "Short-video app, one of the two market leaders in China.",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "douyin"},
        {
            "description_zh": (
                "字节跳动旗下的短视频应用，中国短视频市场的两大领先者之一。",
                "短视频应用，中国短视频市场的两大领先者之一。",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "toutiao"},
        {
            "description": (
                "ByteDance's personalised news and content feed.",
                (
                    "Platform that launched the Sound Volume Plan with Douyin and, in the "
                    "past years, a project helping farmers sell their produce."
                ),
            ),
        },
    ),
    (
        "Platform",
        {"slug": "toutiao"},
        {
            "description_zh": (
                "字节跳动旗下的个性化新闻和内容推荐平台。",
                "与抖音共同发起“音量计划”的平台，过去几年还推出了帮助农民销售农产品的项目。",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "xigua-video"},
        {
            "description": (
                (
                    "ByteDance's video platform with live rooms, used by officials and "
                    "creators to sell farm produce in 2020."
                ),
                (
                    "Video platform with live rooms, used by officials and creators to sell "
                    "farm produce in 2020."
                ),
            ),
        },
    ),
    (
        "Platform",
        {"slug": "xigua-video"},
        {
            "description_zh": (
                "字节跳动旗下设有直播间的视频平台，2020年官员和创作者曾在此销售农产品。",
                "设有直播间的视频平台，2020年官员和创作者曾在此销售农产品。",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "volcano-video"},
        {
            "description": (
                (
                    "ByteDance short-video app, relaunched on 8 January 2020 as a Volcano "
                    "version of Douyin with a new icon."
                ),
                (
                    "Short-video app, relaunched on 8 January 2020 as a Volcano version of "
                    "Douyin with a new icon."
                ),
            ),
        },
    ),
    (
        "Platform",
        {"slug": "volcano-video"},
        {
            "description_zh": (
                "字节跳动旗下的短视频应用，2020年1月8日更换新图标，作为抖音火山版重新上线。",
                "短视频应用，2020年1月8日更换新图标，作为抖音火山版重新上线。",
            ),
        },
    ),
    (
        "Platform",
        {"slug": "yitao"},
        {
            "description": (
                "Alibaba's shopping search engine.",
                (
                    "Alibaba's service, named in 2013 among China's major search engines and "
                    "social media platforms."
                ),
            ),
        },
    ),
    (
        "Platform",
        {"slug": "yitao"},
        {
            "description_zh": (
                "阿里巴巴旗下的购物搜索引擎。",
                "阿里巴巴旗下的服务，2013年被列为中国主要的搜索引擎和社交媒体平台之一。",
            ),
        },
    ),
]
