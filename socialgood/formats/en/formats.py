"""English dates as the catalogue writes them in its own text: "2 March 2020", "March 2020",
"2 March 2020, 16:44" — one style on every page, where Django's default mixes "Feb. 29, 2020"
with the "2 March 2020" of our summaries (and wrote "4:44 p.m." before a full stop)."""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
