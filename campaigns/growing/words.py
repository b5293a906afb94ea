"""The vocabulary grown cases are made of: topics, approaches, places, tags, platforms,
organisations and figures, in English and Chinese."""

from ..models import (
    PERCENT,
    Approach,
    Cause,
    OrganisationKind,
    PlatformKind,
    Qualifier,
)
from ..units import units

TOPICS = [
    ("glacier", "冰川", Cause.CLIMATE_ENVIRONMENT),
    ("river clean-up", "河流清理", Cause.CLIMATE_ENVIRONMENT),
    ("recycling", "垃圾回收", Cause.CLIMATE_ENVIRONMENT),
    ("tree planting", "植树", Cause.CLIMATE_ENVIRONMENT),
    ("earthquake", "地震", Cause.DISASTER_RELIEF),
    ("flood", "洪水", Cause.DISASTER_RELIEF),
    ("typhoon", "台风", Cause.DISASTER_RELIEF),
    ("drought", "干旱", Cause.DISASTER_RELIEF),
    ("apple harvest", "苹果丰收", Cause.RURAL_LIVELIHOODS),
    ("navel orange", "脐橙", Cause.RURAL_LIVELIHOODS),
    ("tea garden", "茶园", Cause.RURAL_LIVELIHOODS),
    ("mountain honey", "山区蜂蜜", Cause.RURAL_LIVELIHOODS),
    ("vaccination", "疫苗接种", Cause.PUBLIC_HEALTH),
    ("tuberculosis", "结核病", Cause.PUBLIC_HEALTH),
    ("smoke-free homes", "无烟家庭", Cause.PUBLIC_HEALTH),
    ("epidemic prevention", "防疫", Cause.PUBLIC_HEALTH),
    ("missing children", "走失儿童", Cause.CHILD_PROTECTION),
    ("free lunch", "免费午餐", Cause.CHILD_PROTECTION),
    ("rural library", "乡村图书馆", Cause.EDUCATION),
    ("literacy", "扫盲", Cause.EDUCATION),
    ("village school", "乡村学校", Cause.EDUCATION),
    ("blood donation", "献血", Cause.CIVIC_ENGAGEMENT),
    ("community volunteering", "社区志愿服务", Cause.CIVIC_ENGAGEMENT),
    ("elder care", "养老", Cause.SOCIAL_CONNECTION),
    ("lonely elders", "空巢老人", Cause.SOCIAL_CONNECTION),
    ("charity day", "公益日", Cause.PHILANTHROPY_SECTOR),
    ("public service hotline", "公共服务热线", Cause.PUBLIC_SERVICES),
]
"""(English, Chinese, cause) of what a grown case is about."""

APPROACHES = [
    ("live-stream sales", "直播带货", Approach.LIVE_COMMERCE),
    ("fundraising drive", "募捐", Approach.FUNDRAISING),
    ("awareness campaign", "宣传活动", Approach.AWARENESS),
    ("short-video series", "短视频系列", Approach.AWARENESS),
    ("photo relay", "随手拍接力", Approach.CROWDSOURCED_INFORMATION),
    ("volunteer network", "志愿者网络", Approach.VOLUNTEER_COORDINATION),
    ("alert service", "预警服务", Approach.INFORMATION_SHARING),
    ("petition", "联名倡议", Approach.ADVOCACY),
]
"""(English, Chinese, approach) of how a grown case used social media."""

PLACES = [
    ("Sichuan", "四川", "510000"),
    ("Yunnan", "云南", "530000"),
    ("Gansu", "甘肃", "620000"),
    ("Shandong", "山东", "370000"),
    ("Guangxi", "广西", "450000"),
    ("Hubei", "湖北", "420000"),
    ("Guizhou", "贵州", "520000"),
    ("Shaanxi", "陕西", "610000"),
    ("Hunan", "湖南", "430000"),
    ("Qinghai", "青海", "630000"),
    ("Xinjiang", "新疆", "650000"),
    ("Hebei", "河北", "130000"),
    ("Ya'an", "雅安", "511800"),
    ("Beijing", "北京", "110000"),
    ("Shanghai", "上海", "310000"),
]
"""(English, Chinese, GB/T 2260 division code) of where a grown case took place."""

TAGS = [
    ("agriculture", "农业"),
    ("children", "儿童"),
    ("climate", "气候"),
    ("crowdfunding", "众筹"),
    ("e-commerce", "电子商务"),
    ("earthquake", "地震"),
    ("education", "教育"),
    ("elderly", "老人"),
    ("environment", "环境"),
    ("health", "健康"),
    ("live streaming", "直播"),
    ("microblog", "微博"),
    ("poverty alleviation", "扶贫"),
    ("public health", "公共卫生"),
    ("rural", "乡村"),
    ("short video", "短视频"),
    ("volunteers", "志愿者"),
    ("water", "水"),
    ("women", "女性"),
    ("youth", "青年"),
]

PLATFORMS = [
    ("Sina Weibo", "新浪微博", "sina-weibo", PlatformKind.MICROBLOG),
    ("WeChat", "微信", "wechat", PlatformKind.MESSAGING),
    ("Kwai", "快手", "kwai", PlatformKind.SHORT_VIDEO),
    ("Douyin", "抖音", "douyin", PlatformKind.SHORT_VIDEO),
    ("Xigua Video", "西瓜视频", "xigua-video", PlatformKind.SHORT_VIDEO),
    ("Toutiao", "今日头条", "toutiao", PlatformKind.NEWS_FEED),
    ("Bilibili", "哔哩哔哩", "bilibili", PlatformKind.SHORT_VIDEO),
    ("Xiaohongshu", "小红书", "xiaohongshu", PlatformKind.SOCIAL_NETWORK),
    ("Taobao Live", "淘宝直播", "taobao-live", PlatformKind.LIVE_STREAMING),
    ("Facebook", "", "facebook", PlatformKind.SOCIAL_NETWORK),
]
"""The platforms grown cases run on: found by slug (the seed has most), created if missing."""

ORGANISATION_WORDS = [
    ("Green", "绿色"),
    ("Hope", "希望"),
    ("Sunshine", "阳光"),
    ("Harvest", "丰收"),
    ("Mountain", "山区"),
    ("River", "江河"),
    ("Bright", "光明"),
    ("Unity", "同心"),
]
ORGANISATION_KINDS = [
    ("Foundation", "基金会", OrganisationKind.NONPROFIT),
    ("County Government", "县政府", OrganisationKind.GOVERNMENT),
    ("Cooperative", "合作社", OrganisationKind.COMMUNITY),
    ("Media Group", "传媒集团", OrganisationKind.MEDIA),
    ("Technology Company", "科技公司", OrganisationKind.COMPANY),
    ("University", "大学", OrganisationKind.ACADEMIC),
]

FIGURE_KINDS = [
    ("Donations raised", "募集善款", "CNY", (10_000, 200_000_000)),
    ("Donations raised", "募集善款", "USD", (1_000, 20_000_000)),
    ("Video plays", "视频播放量", "plays", (10_000, 3_000_000_000)),
    ("Videos published", "发布视频", "videos", (10, 50_000)),
    ("People reached", "覆盖人数", "people", (100, 50_000_000)),
    ("Followers gained", "新增粉丝", "followers", (100, 5_000_000)),
    ("Produce sold", "售出农产品", "kg", (100, 5_000_000)),
    ("Produce sold", "售出农产品", "t", (1, 50_000)),
    ("Reposts", "转发量", "reposts", (100, 10_000_000)),
    ("Awareness", "知晓率", "percent", (1, 99)),
    ("Time to first response", "首次响应时间", "hours", (1, 72)),
]
"""(label, Chinese label, unit, value range) of grown figures."""

QUALIFIERS = [Qualifier.EXACTLY] * 4 + [Qualifier.OVER, Qualifier.ABOUT, Qualifier.NEARLY]


def stated(qualifier, number, unit):
    """How a source might write a grown figure: "over 8,094,000 reposts", "83%"."""
    amount = f"{number}%" if unit == PERCENT else f"{number:,} {units().get(unit).name}"
    return amount if qualifier == Qualifier.EXACTLY else f"{qualifier} {amount}"
