"""One page of every type on the public site, with examples from the seed catalogue (the
``seed_catalogue`` fixture). Shared by test_browser.py and test_i18n.py.
"""

CASE = "yaan-earthquake-weibo-fundraising"
CASE_TITLE = "Sina Weibo fundraising after the Ya'an earthquake"
CASE_TITLE_ZH = "雅安地震新浪微博募捐"
CASE_SOURCE_TITLE = "The Power of Social Media – New Case Studies and Best Practices From China"

PAGES = {
    "home": "/",
    "case list": "/campaigns/",
    "case list with filters": (
        "/campaigns/?platform=sina-weibo&cause=disaster_relief&year_from=2013"
    ),
    "case list, page 2": "/campaigns/?page=2",
    "search results": "/campaigns/?q=%E5%BE%AE%E5%8D%9A",
    "no search results": "/campaigns/?q=zzzz-nothing-matches",
    "search naming facets": "/campaigns/?q=disaster+relief+China",
    "search with a misspelt word": "/campaigns/?q=earthqake",
    "search with closest matches": "/campaigns/?q=apples+earthquake",
    "case": f"/campaigns/{CASE}/",
    "commercial case with a caveat": "/campaigns/weibo-taking-photos-to-save-girls-and-guys/",
    "case with a part the source does not state": (
        "/campaigns/yaan-earthquake-china-earthquake-network-alert/"
    ),
    "case list with commercial campaigns": "/campaigns/?scope=all",
    "organisation list": "/organisations/",
    "organisation": "/organisations/sina/",
    "platform list": "/platforms/",
    "platform": "/platforms/sina-weibo/",
    "source list": "/sources/",
    "source": "/sources/cgpi-2020-communication-for-social-good-pandemic/",
    "tag list": "/tags/",
    "tag": "/tags/earthquake/",
    "figures": "/figures/",
    "figures with filters": "/figures/?unit=CNY&platform=sina-weibo",
    "figures by size": "/figures/?sort=largest&about=sector",
    "figures with caveats": "/figures/?unit=users&about=cases",
    "a measure sources state differently": "/figures/?unit=users&about=sector",
    "figure": "/figures/yaan-weibo-donations-cny/",
    "figure of a measure": "/figures/china-short-video-users/",
    "reading list": f"/reading-list/?c={CASE}&c=song-xiaoying-apple-live-stream",
    "compare": f"/compare/?c={CASE}&c=kwai-agricultural-assistance",
    "compare four cases": (
        f"/compare/?c={CASE}&c=song-xiaoying-apple-live-stream&c=kwai-agricultural-assistance"
        "&c=greenovation-hub-kwai-madrid-climate-conference"
    ),
    "compare with one case": f"/compare/?c={CASE}",
    "timeline": "/timeline/",
    "about": "/about/",
    "data": "/data/",
}
"""The English address of one page of each type, by the name a failure report uses.

The Chinese page is the same address under /zh-hans/.
"""
