"""What every page of the public site shows around its content."""

from .display import SITE_NAME


def catalogue(request):
    """The catalogue's name, for the page title and the header."""
    return {"site_name": SITE_NAME}
