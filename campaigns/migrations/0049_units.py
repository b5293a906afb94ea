"""The units figures are counted in become a table reviewers extend (``models/units.py``),
seeded with the 27 units the code listed until now, named in Chinese as the translation named
them (so pages read the same), and with the units the seed's figures were missing: visits and
chickens. A figure's unit becomes a foreign key to the table (same column, same codes): the
database keeps every figure's unit in the table, and a unit in use cannot be deleted."""

import campaigns.models.figures
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


# code, name, name for one, Chinese name, measure word, kind, money or goods
UNITS = [
    ("CNY", "CNY", "", "元", "", "money", True),
    ("USD", "USD", "", "美元", "", "money", True),
    ("percent", "percent", "", "百分比", "", "percentage", False),
    ("kg", "kg", "", "千克", "", "mass", True),
    ("t", "tonnes", "tonne", "吨", "", "mass", True),
    ("seconds", "seconds", "second", "秒", "", "duration", False),
    ("hours", "hours", "hour", "小时", "", "duration", False),
    ("days", "days", "day", "天", "", "duration", False),
    ("people", "people", "person", "人", "", "count", False),
    ("users", "users", "user", "用户", "名", "count", False),
    ("followers", "followers", "follower", "关注者", "名", "count", False),
    ("fans", "fans", "fan", "粉丝", "名", "count", False),
    ("creators", "creators", "creator", "创作者", "名", "count", False),
    ("videos", "videos", "video", "视频", "条", "count", False),
    ("posts", "posts", "post", "帖子", "条", "count", False),
    ("plays", "plays", "play", "播放", "次", "count", False),
    ("likes", "likes", "like", "点赞", "次", "count", False),
    ("reposts", "reposts", "repost", "转发", "次", "count", False),
    ("children", "children", "child", "儿童", "名", "count", False),
    ("counties", "counties", "county", "县", "个", "count", False),
    ("products", "products", "product", "商品", "件", "count", True),
    ("organisations", "organisations", "organisation", "机构", "", "count", False),
    ("websites", "websites", "website", "网站", "个", "count", False),
    ("campaigns", "campaigns", "campaign", "活动", "", "count", False),
    ("teams", "teams", "team", "队伍", "支", "count", False),
    ("items", "items", "item", "", "个", "count", True),
    ("visits", "visits", "visit", "访问", "次", "count", False),
    ("chickens", "chickens", "chicken", "鸡", "只", "count", True),
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
        )
        for order, (code, name, singular, name_zh, measure_word, kind, is_outcome) in enumerate(
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
