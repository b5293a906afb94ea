"""Citations to take away: a case or a source document as a RIS or BibTeX file."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..caching import cached_page
from ..citations import (
    bibtex,
    campaign_citable,
    citations,
    figure_citations,
    ris,
    source_citable,
)
from ..methods import safe_only
from ..models import Campaign, Source
from .figures import find_public_figure

CITATION_TYPES = {
    "ris": "application/x-research-info-systems; charset=utf-8",
    "bib": "application/x-bibtex; charset=utf-8",
}
"""The content type of each citation file, by its extension."""


def citation_file(text, fmt, name):
    """A citation as a file to save, named ``<name>.<fmt>``."""
    response = HttpResponse(text, content_type=CITATION_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@cached_page
@safe_only
def campaign_citation(request, slug, fmt):
    """A published case as a RIS or BibTeX file, the same citation as its page gives in the
    same language; any other address is the case page's "not found"."""
    campaign = Campaign.objects.public().filter(slug=slug).first()
    if campaign is None:
        raise Http404(_("No case is published at this address."))
    url = request.build_absolute_uri(campaign.get_absolute_url())
    if fmt == "bib":
        text = citations(campaign, url)["bibtex"] + "\n"
    else:
        text = ris(campaign_citable(campaign, url))
    return citation_file(text, fmt, campaign.slug)


@cached_page
@safe_only
def source_citation(request, slug, fmt):
    """A public source document cited as itself, as a RIS or BibTeX file."""
    source = get_object_or_404(Source.objects.public(), slug=slug)
    document = source_citable(source)
    text = bibtex(document) + "\n" if fmt == "bib" else ris(document)
    return citation_file(text, fmt, source.slug)


@cached_page
@safe_only
def figure_citation(request, key, fmt):
    """A public figure as a RIS or BibTeX file: its source's entry, then the catalogue's record
    of the figure, as "Cite this figure" gives them in the same language."""
    figure = find_public_figure(key)
    cite = figure_citations(figure, request.build_absolute_uri(figure.get_absolute_url()))
    text = cite["bibtex"] + "\n" if fmt == "bib" else cite["ris"]
    return citation_file(text, fmt, f"figure-{figure.key}")
