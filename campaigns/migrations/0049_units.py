"""The units figures are counted in become a table reviewers extend (``models/units.py``),
seeded with the 27 units the code listed until now, named in Chinese as the translation named
them (so pages read the same) and with Chinese headings that are nouns, not measure words
(用户数, not 名用户), and with the units the seed's figures were missing: visits and
chickens. A figure's unit becomes a foreign key to the table (same column, same codes): the
database keeps every figure's unit in the table, and a unit in use cannot be deleted."""

import campaigns.models.figures
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


# code, name, name for one, Chinese name, measure word, kind, money or goods, Chinese heading
UNITS = [
    ("CNY", "CNY", "", "元", "", "money", True, "金额（元）"),
    ("USD", "USD", "", "美元", "", "money", True, "金额（美元）"),
    ("percent", "percent", "", "百分比", "", "percentage", False, "百分比"),
    ("kg", "kg", "", "千克", "", "mass", True, "重量（千克）"),
    ("t", "tonnes", "tonne", "吨", "", "mass", True, "重量（吨）"),
    ("seconds", "seconds", "second", "秒", "", "duration", False, "时长（秒）"),
    ("hours", "hours", "hour", "小时", "", "duration", False, "时长（小时）"),
    ("days", "days", "day", "天", "", "duration", False, "天数"),
    ("people", "people", "person", "人", "", "count", False, "人数"),
    ("users", "users", "user", "用户", "名", "count", False, "用户数"),
    ("followers", "followers", "follower", "关注者", "名", "count", False, "关注者数"),
    ("fans", "fans", "fan", "粉丝", "名", "count", False, "粉丝数"),
    ("creators", "creators", "creator", "创作者", "名", "count", False, "创作者数"),
    ("videos", "videos", "video", "视频", "条", "count", False, "视频数"),
    ("posts", "posts", "post", "帖子", "条", "count", False, "帖子数"),
    ("plays", "plays", "play", "播放", "次", "count", False, "播放次数"),
    ("likes", "likes", "like", "点赞", "次", "count", False, "点赞数"),
    ("reposts", "reposts", "repost", "转发", "次", "count", False, "转发数"),
    ("children", "children", "child", "儿童", "名", "count", False, "儿童人数"),
    ("counties", "counties", "county", "县", "个", "count", False, "县数"),
    ("products", "products", "product", "商品", "件", "count", True, "商品数"),
    ("organisations", "organisations", "organisation", "机构", "", "count", False, "机构数"),
    ("websites", "websites", "website", "网站", "个", "count", False, "网站数"),
    ("campaigns", "campaigns", "campaign", "活动", "", "count", False, "活动数"),
    ("teams", "teams", "team", "队伍", "支", "count", False, "队伍数"),
    ("items", "items", "item", "", "个", "count", True, "物品数量"),
    ("visits", "visits", "visit", "访问", "次", "count", False, "访问次数"),
    ("chickens", "chickens", "chicken", "鸡", "只", "count", True, "鸡的数量"),
]


def add_units(apps, schema_editor):
    Unit = apps.get_model("campaigns", "Unit")
    Unit.objects.bulk_create(
        Unit(
            code=code,
            name=name,
            name_singular=singular,
            name_zh=name_zh,
            measure_word=measure_word,
            kind=kind,
            is_outcome=is_outcome,
            order=order,
            heading_zh=heading_zh,
        )
        for order, (
            code,
            name,
            singular,
            name_zh,
            measure_word,
            kind,
            is_outcome,
            heading_zh,
        ) in enumerate(
            UNITS
        )
    )


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0048_search_aliases'),
    ]

    operations = [
        migrations.CreateModel(
            name='Unit',
            fields=[
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='updated')),
                ('code', models.CharField(help_text='The stable name files, the API and addresses use: visits, chickens. It cannot be changed once the unit is saved.', max_length=20, primary_key=True, serialize=False, validators=[django.core.validators.RegexValidator('^[A-Za-z][A-Za-z0-9_-]*$', 'Letters, digits, hyphens and underscores, starting with a letter.')], verbose_name='code')),
                ('name', models.CharField(help_text='Plural, as pages say it: "visits".', max_length=60, verbose_name='English name')),
                ('name_singular', models.CharField(blank=True, help_text='As pages say "1 visit"; empty when it is the same as the name (CNY, kg).', max_length=60, verbose_name='English name for one')),
                ('name_zh', models.CharField(blank=True, help_text='What is counted, without the measure word: 访问, 鸡, 元, 千克.', max_length=30, verbose_name='Chinese name')),
                ('measure_word', models.CharField(blank=True, help_text='The classifier between the number and the name: 名 (people), 个, 只 (animals), 条, 次 (times); empty for 元, % and 千克.', max_length=5, verbose_name='Chinese measure word')),
                ('kind', models.CharField(choices=[('money', 'Money'), ('count', 'Count'), ('percentage', 'Percentage'), ('mass', 'Mass'), ('duration', 'Duration')], default='count', help_text='What its figures measure: money, a count, a percentage, a mass, a duration.', max_length=12, verbose_name='kind')),
                ('is_outcome', models.BooleanField(default=False, help_text='Its figures may say what kind of outcome they are (donations or sales), and charts compare only figures of one kind of outcome.', verbose_name='money or goods')),
                ('order', models.PositiveSmallIntegerField(default=100, help_text='Where it comes in lists of units and among figures sorted by size.', verbose_name='order')),
                ('heading_zh', models.CharField(blank=True, help_text='The Chinese heading over a column of its figures, where its name is not one: 用户数, 金额（元）. Empty: its name.', max_length=30, verbose_name='Chinese heading')),
            ],
            options={
                'verbose_name': 'unit',
                'verbose_name_plural': 'units',
            },
        ),
        migrations.RunPython(add_units, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='figure',
            name='unit',
            field=campaigns.models.figures.UnitForeignKey(db_column='unit', db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='figures', to='campaigns.unit', verbose_name='unit'),
        ),
    ]
