"""Safe images (campaigns/images.py): uploads checked by their header, written again from
their pixels, renditions on the case page, the loader's checks, and how /media/ is served."""

import io
import struct
import zlib
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import ExifTags, Image, PngImagePlugin
from reversion.models import Revision

from campaigns import images, renditions
from campaigns.loading import LoadError, load_catalogue
from campaigns.models import CampaignImage, Organisation
from tests.pages import (
    campaign_form_data,
    change_url,
    contains_html,
    image_row,
    inline_formset,
)
from tests.test_loading import small_catalogue_records, write

pytestmark = pytest.mark.django_db

TOO_MANY_PIXELS = "The image is {} × {} pixels; the limit is 40 megapixels."
FORMATS = "Upload a PNG, JPEG, WebP or GIF image."


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def blank_one_bit_png(width, height):
    """A valid, all-black one-bit PNG, built row by row: 12,000² pixels in about 17 kB."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then the row's bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def picture_bytes(fmt="PNG", size=(64, 32), color=(200, 30, 30), **options):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def png_with_script():
    """A PNG with HTML and JavaScript in a text chunk and after its end marker."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert('chunk')</script>")
    return picture_bytes("PNG", pnginfo=info) + b"<html><script>alert('tail')</script></html>"


GIF_POLYGLOT = (
    b"GIF89a/*\x01\x00\x00\x00\x00"  # width "/*" = 10,799, height 1, no colour table
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    b"*/=alert(1)//"
)
"""42 bytes that are a GIF to an image reader and a script to a browser that runs them as one."""


def animated_gif(frames=3):
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)][:frames]
    pictures = [Image.new("RGB", (20, 20), colour) for colour in colours]
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="GIF", save_all=True, append_images=pictures[1:])
    return buffer.getvalue()


def refusal(content, name="upload.png"):
    """The message ``clean_image`` refuses ``content`` with."""
    with pytest.raises(ValidationError) as error:
        images.clean_image(SimpleUploadedFile(name, content))
    return " ".join(error.value.messages)


# --------------------------------------------------------------------------- refusals


def test_a_144_megapixel_one_bit_png_is_refused_with_its_size_and_the_limit():
    content = blank_one_bit_png(12_000, 12_000)
    assert len(content) < 20_000  # small on disk, between Pillow's own warning and error

    assert refusal(content) == TOO_MANY_PIXELS.format("12,000", "12,000")


def test_a_400_megapixel_png_is_refused_by_its_size_not_as_a_damaged_file():
    content = blank_one_bit_png(20_000, 20_000)

    assert refusal(content) == TOO_MANY_PIXELS.format("20,000", "20,000")


def test_an_image_just_under_the_limit_is_taken(settings):
    settings.MAX_IMAGE_PIXELS = 64 * 32

    assert images.clean_image(SimpleUploadedFile("a.png", picture_bytes())).width == 64
    settings.MAX_IMAGE_PIXELS = 64 * 32 - 1
    assert refusal(picture_bytes()) == (
        "The image is 64 × 32 pixels; the limit is 0.002047 megapixels."
    )


def test_a_bmp_is_refused_by_the_name_of_its_format():
    assert refusal(picture_bytes("BMP"), "a.bmp") == f"A BMP image is not accepted. {FORMATS}"


def test_text_is_refused_as_not_an_image():
    assert refusal(b"<script>alert(1)</script>") == (
        f"The file is not an image, or it is damaged. {FORMATS}"
    )


def test_a_truncated_png_is_refused_as_damaged():
    content = picture_bytes(size=(300, 300))
    content = content[: len(content) // 2]

    assert "damaged" in refusal(content)


def test_an_animated_gif_is_refused_with_its_frame_count():
    assert refusal(animated_gif(), "a.gif") == (
        "The image is animated (3 frames); animated images are not accepted. Upload a still image."
    )


def test_a_single_frame_gif_is_taken_and_stays_a_gif():
    clean = images.clean_image(SimpleUploadedFile("a.gif", picture_bytes("GIF")))

    assert clean.format == "GIF"
    assert Image.open(io.BytesIO(clean.content)).size == (64, 32)


# --------------------------------------------------------------------------- writing again


def test_a_png_loses_its_text_chunk_and_the_bytes_after_its_end():
    clean = images.clean_image(SimpleUploadedFile("a.png", png_with_script()))

    assert clean.format == "PNG"
    assert b"script" not in clean.content
    assert b"tEXt" not in clean.content
    assert clean.content.endswith(chunk(b"IEND", b""))
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.size == (64, 32)
        assert image.getpixel((0, 0)) == (200, 30, 30)


def test_the_gif_script_polyglot_is_refused_or_written_again_without_its_script():
    try:
        clean = images.clean_image(SimpleUploadedFile("a.gif", GIF_POLYGLOT))
    except ValidationError:
        return
    assert len(GIF_POLYGLOT) == 42
    assert b"alert" not in clean.content
    assert b"*/" not in clean.content  # its header may still open a comment; nothing closes it


def test_a_jpeg_loses_its_exif_and_is_turned_the_way_it_said():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    exif[0x013B] = "Photographer's home address"  # artist
    content = picture_bytes("JPEG", size=(40, 20), exif=exif.tobytes())

    clean = images.clean_image(SimpleUploadedFile("a.jpg", content))

    assert clean.format == "JPEG"
    assert b"Exif" not in clean.content
    assert b"home address" not in clean.content
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.size == (20, 40)
        assert not image.getexif()


def test_a_webp_stays_a_webp():
    clean = images.clean_image(SimpleUploadedFile("a.webp", picture_bytes("WEBP")))

    assert clean.format == "WEBP"
    assert clean.extension == ".webp"


# --------------------------------------------------------------------------- every way in


def test_the_admin_refuses_a_400_megapixel_logo_with_its_size(admin_client):
    upload = SimpleUploadedFile("bomb.png", blank_one_bit_png(20_000, 20_000))
    data = {"name": "Kwai", "slug": "kwai", "kind": "company", "logo": upload}

    response = admin_client.post(reverse("admin:campaigns_organisation_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"] == [
        TOO_MANY_PIXELS.format("20,000", "20,000")
    ]
    assert not Organisation.objects.exists()


def test_the_admin_refuses_a_144_megapixel_campaign_image_with_its_size(admin_client, campaign):
    upload = SimpleUploadedFile("wide.png", blank_one_bit_png(12_000, 12_000))
    data = campaign_form_data(campaign, images=[image_row(upload)])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    image_form = inline_formset(response, "images").forms[0]
    assert image_form.errors["image"] == [TOO_MANY_PIXELS.format("12,000", "12,000")]
    assert not CampaignImage.objects.exists()


def test_the_admin_stores_an_upload_written_again(admin_client, campaign):
    upload = SimpleUploadedFile("apples.png", png_with_script())
    data = campaign_form_data(campaign, images=[image_row(upload)])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302
    stored = campaign.images.get().image
    content = stored.read()
    assert b"script" not in content
    assert stored.name.endswith(".png")


def test_a_jpeg_named_png_is_stored_under_a_jpeg_name(campaign):
    image = CampaignImage(
        campaign=campaign, alt_text="Apples", image=ContentFile(picture_bytes("JPEG"), "a.png")
    )
    image.full_clean()
    image.save()

    assert image.image.name.endswith(".jpg")


def test_full_clean_in_the_shell_refuses_a_large_image_with_its_size(campaign):
    image = CampaignImage(
        campaign=campaign,
        alt_text="Wide",
        image=ContentFile(blank_one_bit_png(12_000, 12_000), "wide.png"),
    )

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert error.value.message_dict["image"] == [TOO_MANY_PIXELS.format("12,000", "12,000")]


def test_a_save_without_full_clean_is_refused_too_and_stores_nothing(campaign, media_root):
    image = CampaignImage(
        campaign=campaign, alt_text="Wide", image=ContentFile(animated_gif(), "moving.gif")
    )

    with pytest.raises(ValidationError), transaction.atomic():
        image.save()

    assert not CampaignImage.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_a_save_without_full_clean_stores_clean_bytes(campaign):
    image = CampaignImage(
        campaign=campaign, alt_text="Apples", image=ContentFile(png_with_script(), "a.png")
    )
    image.save()

    assert size_and_format(image.image.name) == ((64, 32), "PNG")
    assert b"script" not in default_storage.open(image.image.name).read()


# --------------------------------------------------------------------------- the loader


def stored(name, content):
    """Put a file in the media folder, as a catalogue's images are before a load."""
    return default_storage.save(name, ContentFile(content))


def image_record(name):
    return {
        "model": "campaigns.campaignimage",
        "fields": {
            "campaign": ["weibo-lost-children"],
            "image": name,
            "alt_text": "Parents holding photos",
        },
    }


def test_the_loader_refuses_an_image_file_over_the_pixel_limit(tmp_path):
    name = stored("campaigns/2011/wide.png", blank_one_bit_png(12_000, 12_000))
    path = write(tmp_path, "catalogue.json", [*small_catalogue_records(), image_record(name)])

    with pytest.raises(LoadError) as error:
        load_catalogue(paths=[path])

    assert str(error.value).endswith(
        "(campaigns.campaignimage “weibo-lost-children / campaigns/2011/wide.png”): "
        f"image: {TOO_MANY_PIXELS.format('12,000', '12,000')}"
    )
    assert not CampaignImage.objects.exists()


def test_the_loader_refuses_an_animated_gif_and_a_text_file(tmp_path):
    for name, content in [("moving.gif", animated_gif()), ("notes.png", b"just words")]:
        path = write(
            tmp_path,
            "catalogue.json",
            [*small_catalogue_records(), image_record(stored(f"campaigns/2011/{name}", content))],
        )
        with pytest.raises(LoadError) as error:
            load_catalogue(paths=[path])
        assert "image: The" in str(error.value)


def test_the_loader_writes_a_loaded_image_again_once_the_load_is_kept(
    tmp_path, django_capture_on_commit_callbacks
):
    name = stored("campaigns/2011/parents.png", png_with_script())
    path = write(tmp_path, "catalogue.json", [*small_catalogue_records(), image_record(name)])

    with django_capture_on_commit_callbacks(execute=True):
        load_catalogue(paths=[path])

    image = CampaignImage.objects.get()
    assert image.image.name == name
    assert b"script" not in default_storage.open(name).read()
    assert (image.width, image.height) == (64, 32)


def test_the_loader_refuses_a_logo_over_the_pixel_limit(tmp_path):
    name = stored("logos/platforms/weibo.png", blank_one_bit_png(20_000, 20_000))
    records = small_catalogue_records()
    records[2]["fields"]["logo"] = name

    with pytest.raises(LoadError) as error:
        load_catalogue(paths=[write(tmp_path, "catalogue.json", records)])

    assert str(error.value).endswith(f"logo: {TOO_MANY_PIXELS.format('20,000', '20,000')}")


# --------------------------------------------------------------------------- renditions


def saved_image(campaign, content, name="apples.png", **fields):
    image = CampaignImage(
        campaign=campaign, alt_text="Farmers filming apples", image=ContentFile(content, name)
    )
    for field, value in fields.items():
        setattr(image, field, value)
    image.full_clean()
    image.save()
    return image


def size_and_format(name):
    with Image.open(default_storage.open(name)) as image:
        return image.size, image.format


def test_an_image_gets_a_thumbnail_and_a_page_width_rendition_in_webp_and_png(campaign):
    image = saved_image(campaign, picture_bytes(size=(1600, 800)))
    stem = image.image.name.removesuffix(".png")

    assert size_and_format(f"{stem}.w400.webp") == ((400, 200), "WEBP")
    assert size_and_format(f"{stem}.w400.png") == ((400, 200), "PNG")
    assert size_and_format(f"{stem}.w1200.webp") == ((1200, 600), "WEBP")
    assert size_and_format(f"{stem}.w1200.png") == ((1200, 600), "PNG")
    image.refresh_from_db()
    assert (image.width, image.height, image.renditions_of) == (1600, 800, image.image.name)


def test_a_jpeg_falls_back_to_jpeg_renditions_never_enlarged(campaign):
    image = saved_image(campaign, picture_bytes("JPEG", size=(300, 150)), "apples.jpg")
    stem = image.image.name.removesuffix(".jpg")

    assert size_and_format(f"{stem}.w400.jpg") == ((300, 150), "JPEG")
    assert size_and_format(f"{stem}.w1200.webp") == ((300, 150), "WEBP")
    assert not default_storage.exists(f"{stem}.w400.png")


def test_a_changed_image_gets_new_renditions_and_the_old_ones_go(campaign):
    image = saved_image(campaign, picture_bytes(size=(1600, 800)))
    old_stem = image.image.name.removesuffix(".png")
    image.image = ContentFile(picture_bytes(size=(800, 800)), "pears.png")
    image.save()

    new_stem = image.image.name.removesuffix(".png")
    assert size_and_format(f"{new_stem}.w400.webp") == ((400, 400), "WEBP")
    assert not default_storage.exists(f"{old_stem}.w400.webp")
    assert (image.width, image.height) == (800, 800)


def test_a_deleted_image_takes_its_renditions_with_it(campaign):
    image = saved_image(campaign, picture_bytes(size=(1600, 800)))
    stem = image.image.name.removesuffix(".png")
    renditions = [f"{stem}.w{width}.{ext}" for width in (400, 1200) for ext in ("webp", "png")]
    assert all(default_storage.exists(name) for name in renditions)

    image.delete()

    assert not any(
        default_storage.exists(f"{stem}.w{width}.{ext}")
        for width in (400, 1200)
        for ext in ("webp", "png")
    )


def test_the_case_page_shows_the_renditions_in_a_picture(client, campaign):
    image = saved_image(campaign, picture_bytes(size=(1600, 800)))
    stem = "/media/" + image.image.name.removesuffix(".png")

    html = client.get(campaign.get_absolute_url()).content.decode()

    sizes = "(min-width: 40rem) 24rem, 100vw"
    assert contains_html(
        html,
        f'<picture><source type="image/webp" sizes="{sizes}"'
        f' srcset="{stem}.w400.webp 400w, {stem}.w1200.webp 1200w">'
        f'<img src="{stem}.w1200.png" srcset="{stem}.w400.png 400w, {stem}.w1200.png 1200w"'
        f' sizes="{sizes}" width="1200" height="600" alt="Farmers filming apples" loading="lazy">'
        "</picture>",
    )
    assert f'src="/media/{image.image.name}"' not in html


def test_the_case_page_runs_as_many_queries_with_three_images_as_with_one(
    client, campaign, django_assert_num_queries
):
    saved_image(campaign, picture_bytes(size=(500, 250)), "one.png")
    client.get(campaign.get_absolute_url())  # the catalogue's summary, counted once a change
    cache.clear()  # the page itself, not its cached copy
    with CaptureQueriesContext(connection) as one:
        client.get(campaign.get_absolute_url())
    with_one = len(one.captured_queries)  # the log is emptied when the next request starts
    saved_image(campaign, picture_bytes(size=(500, 250)), "two.png", order=1)
    saved_image(campaign, picture_bytes(size=(500, 250)), "three.png", order=2)
    client.get(campaign.get_absolute_url())
    cache.clear()

    with django_assert_num_queries(with_one):
        response = client.get(campaign.get_absolute_url())
    assert response.content.decode().count("<picture>") == 3


# --------------------------------------------------------------------------- /media/


def test_media_served_by_the_app_carries_nosniff_and_a_sandboxing_csp(client, settings):
    settings.DEBUG = True
    name = stored("campaigns/2024/a.png", picture_bytes())

    response = client.get(f"/media/{name}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; img-src 'self'; sandbox"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "TRACE"])
def test_media_answers_other_methods_than_get_and_head_with_405(client, settings, method):
    settings.DEBUG = True
    name = stored("campaigns/2024/a.png", picture_bytes())

    response = client.generic(method, f"/media/{name}")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_media_is_not_served_by_the_app_outside_debug_mode(client, settings):
    settings.DEBUG = False
    name = stored("campaigns/2024/a.png", picture_bytes())

    assert client.get(f"/media/{name}").status_code == 404


def test_an_image_brought_back_from_history_gets_its_renditions_again(admin_client, campaign):
    upload = SimpleUploadedFile("apples.png", picture_bytes(size=(1600, 800)))
    response = admin_client.post(
        change_url(campaign), campaign_form_data(campaign, images=[image_row(upload)])
    )
    assert response.status_code == 302
    saved = Revision.objects.latest("pk")
    name = campaign.images.get().image.name
    campaign.images.get().delete()
    assert not default_storage.exists(name.replace(".png", ".w400.webp"))

    response = admin_client.post(
        reverse("admin:campaigns_campaign_restore", args=[campaign.pk, saved.pk])
    )

    assert response.status_code == 302
    image = campaign.images.get()
    assert image.image.name == name
    assert (image.width, image.height, image.renditions_of) == (1600, 800, name)
    assert size_and_format(name.replace(".png", ".w400.webp")) == ((400, 200), "WEBP")


def test_make_renditions_makes_those_missing_and_names_unreadable_files(campaign):
    image = saved_image(campaign, picture_bytes(size=(1600, 800)))
    webp = image.image.name.replace(".png", ".w400.webp")
    renditions.delete_renditions(default_storage, image.image.name)
    CampaignImage.objects.update(width=None, height=None, renditions_of="")
    gone = saved_image(campaign, picture_bytes(), "gone.png", order=1)
    default_storage.delete(gone.image.name)
    CampaignImage.objects.filter(pk=gone.pk).update(renditions_of="")
    out, err = StringIO(), StringIO()

    call_command("make_renditions", stdout=out, stderr=err)

    assert size_and_format(webp) == ((400, 200), "WEBP")
    image.refresh_from_db()
    assert (image.width, image.height) == (1600, 800)
    assert out.getvalue().strip() == "Renditions made for 1 image(s); 1 file(s) cannot be read."
    assert err.getvalue().strip() == f"Cannot read {gone.image.name} (image {gone.pk})."


def test_a_palette_png_keeps_its_transparency_and_a_gif_loses_its_comment():
    palette = Image.new("P", (8, 8), 1)
    palette.putpalette([255, 255, 255, 200, 30, 30])
    png, gif = io.BytesIO(), io.BytesIO()
    palette.save(png, format="PNG", transparency=1)
    palette.save(gif, format="GIF", transparency=1, comment=b"<script>alert(1)</script>")

    clean_png = images.clean_image(SimpleUploadedFile("a.png", png.getvalue()))
    clean_gif = images.clean_image(SimpleUploadedFile("a.gif", gif.getvalue()))

    with Image.open(io.BytesIO(clean_png.content)) as image:
        assert image.mode == "P"
        assert image.getpixel((0, 0)) == image.info["transparency"]  # still see-through
    assert b"script" not in clean_gif.content
    with Image.open(io.BytesIO(clean_gif.content)) as image:
        assert image.getpixel((0, 0)) == image.info["transparency"]
        assert "comment" not in image.info


# --------------------------------------------------------------------------- memory


MIB = 1024 * 1024


def test_an_image_whose_pixels_would_take_more_memory_than_allowed_is_refused_with_what_fits(
    settings,
):
    settings.IMAGE_MEMORY_BYTES = 6 * MIB

    assert refusal(picture_bytes(size=(2000, 1000))) == (
        "The image is 2,000 × 1,000 pixels; decoding it would take 8 MB of memory, more than "
        "the 6 MB this site allows for one image. Upload it at 1.5 megapixels or fewer."
    )


def test_a_grey_image_of_the_same_size_takes_a_quarter_of_the_memory_and_is_taken(settings):
    settings.IMAGE_MEMORY_BYTES = 6 * MIB
    grey = io.BytesIO()
    Image.new("L", (2000, 1000), 120).save(grey, format="PNG")

    clean = images.clean_image(SimpleUploadedFile("grey.png", grey.getvalue()))

    assert (clean.format, clean.width, clean.height) == ("PNG", 2000, 1000)


def test_a_jpeg_too_large_for_the_memory_allowed_is_decoded_and_stored_at_half_its_size(
    settings,
):
    settings.IMAGE_MEMORY_BYTES = 6 * MIB  # 2,000 × 1,000 in colour, and its encoder: 16 MB

    clean = images.clean_image(SimpleUploadedFile("a.jpg", picture_bytes("JPEG", (2000, 1000))))

    assert (clean.format, clean.width, clean.height) == ("JPEG", 1000, 500)
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.size == (1000, 500)


def test_a_png_that_its_exif_turns_counts_the_turned_copy_too(settings):
    settings.IMAGE_MEMORY_BYTES = 12 * MIB  # its pixels (8 MB) fit, but not twice
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    turned = io.BytesIO()
    Image.new("RGB", (2000, 1000), (200, 30, 30)).save(turned, format="PNG", exif=exif)

    assert refusal(turned.getvalue()).startswith(
        "The image is 2,000 × 1,000 pixels; decoding it would take 16 MB of memory"
    )


def test_the_default_memory_takes_a_24_megapixel_photograph_and_a_40_megapixel_png_whole(
    settings,
):
    with Image.open(io.BytesIO(picture_bytes("JPEG"))) as photograph:
        assert images.memory_needed(photograph, (6000, 4000)) <= settings.IMAGE_MEMORY_BYTES
    with Image.open(io.BytesIO(png_with_script())) as png:
        assert images.memory_needed(png, (7000, 5670)) <= settings.IMAGE_MEMORY_BYTES


def test_renditions_of_a_large_image_are_reduced_from_it_at_their_sizes(campaign):
    palette = Image.new("P", (3000, 1500), 1)  # red, its left half see-through white
    palette.putpalette([255, 255, 255, 200, 30, 30])
    palette.paste(0, (0, 0, 1500, 1500))
    content = io.BytesIO()
    palette.save(content, format="PNG", transparency=0)

    image = saved_image(campaign, content.getvalue())
    stem = image.image.name.removesuffix(".png")

    assert (image.width, image.height) == (3000, 1500)
    assert size_and_format(f"{stem}.w400.webp") == ((400, 200), "WEBP")
    with Image.open(default_storage.open(f"{stem}.w1200.png")) as page_width:
        assert page_width.size == (1200, 600)
        assert page_width.getpixel((100, 300))[3] == 0
        assert page_width.getpixel((1100, 300)) == (200, 30, 30, 255)


def test_renditions_of_a_stored_jpeg_its_exif_turns_are_upright(campaign):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # turned a quarter clockwise to be seen
    content = io.BytesIO()
    Image.new("RGB", (2600, 1300), (30, 120, 200)).save(content, format="JPEG", exif=exif)
    name = default_storage.save("campaigns/turned.jpg", ContentFile(content.getvalue()))

    assert renditions.make_renditions(default_storage, name) == (1300, 2600)
    assert size_and_format("campaigns/turned.w1200.jpg") == ((1200, 2400), "JPEG")
    assert size_and_format("campaigns/turned.w400.webp") == ((400, 800), "WEBP")
