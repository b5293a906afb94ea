"""``manage.py make_renditions``: make the renditions images stored before them lack."""

from django.core.management.base import BaseCommand

from campaigns import renditions
from campaigns.models import CampaignImage


class Command(BaseCommand):
    """Make the renditions of campaign images that have none, or have a changed file's."""

    help = (
        "Make the thumbnail and page-width renditions (WebP, and PNG or JPEG) of every "
        "campaign image whose renditions are missing or were made from another file: images "
        "stored before renditions existed, or whose file was put back by hand. Saving an "
        "image makes them; run this once after upgrading."
    )

    def handle(self, *args, **options):
        made = missing = 0
        for image in CampaignImage.objects.only("image", "renditions_of").iterator():
            if image.renditions_of == image.image.name:
                continue
            if renditions.refresh_renditions(image):
                made += 1
            else:
                missing += 1
                self.stderr.write(f"Cannot read {image.image.name} (image {image.pk}).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Renditions made for {made} image(s); {missing} file(s) cannot be read."
            )
        )
