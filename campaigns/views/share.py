"""The share image of a case, for link previews (see ``share_images.py``)."""

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _

from ..conditional import answer_conditionally, etag_of
from ..methods import safe_only
from ..models import Campaign
from ..share_images import share_card, share_image

SHARE_IMAGE_MAX_AGE = 3600
"""How long browsers and link previewers may keep a share image before asking again."""


@safe_only
def share_image_view(request, slug):
    """A published case's share image (PNG, 1200×630) in the page's language, with an ETag of
    what it draws; any other address is the case page's "not found", and a withdrawn case has
    no image."""
    campaign = Campaign.objects.public().for_share_image().filter(slug=slug).first()
    if campaign is None:
        raise Http404(_("No case is published at this address."))
    card = share_card(campaign)
    etag = etag_of(card.key)
    # A client that has this image is answered before it is fetched or drawn.
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        share_image(card), content_type="image/png"
    )
    patch_cache_control(response, public=True, max_age=SHARE_IMAGE_MAX_AGE)
    return answer_conditionally(request, response, etag=etag)
