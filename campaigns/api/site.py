"""The API itself: the django-ninja object with its renderer and docs, and its addresses,
answering only GET and HEAD (any other method a JSON 405)."""

import functools

from django.http import JsonResponse
from django.urls import URLPattern
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from ..downloads import LICENCE_NOTE
from ..methods import allow_methods
from ..ratelimits import rate_limited
from ..security import API_DOCS_HEADER, with_policy

# --------------------------------------------------------------------------- the API


class ReadableJSONRenderer(JSONRenderer):
    """JSON with Chinese written as itself rather than as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


class CatalogueAPI(NinjaAPI):
    """The catalogue's API: operation ids that name the operation, not the module it lives in
    (``campaigns_api_list_campaigns``), so clients generated from the schema keep their names."""

    def get_openapi_operation_id(self, operation):
        return f"campaigns_api_{operation.view_func.__name__}"


api = CatalogueAPI(
    title="Social Media for Social Good API",
    version="1",
    description=(
        "Read-only access to the published catalogue of social media for social good case "
        "studies: campaigns, the figures that measure them, the sources that state those "
        "figures, and the organisations and platforms involved. Codes (cause, approach, role, "
        "unit, kind, qualifier, precision) are explained on the codebook page at /data/. "
        f"{LICENCE_NOTE}"
    ),
    urls_namespace="api",
    renderer=ReadableJSONRenderer(),
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
)

READ_METHODS = ("GET", "HEAD")
"""The methods the API answers: it is read-only."""


def refuse_in_json(request, allowed):
    """The API's 405: JSON, with the Allow header."""
    refusal = JsonResponse(
        {"detail": f"The API is read-only: use GET or HEAD, not {request.method}."}, status=405
    )
    refusal["Allow"] = ", ".join(allowed)
    return refusal


def head_as_get(view):
    """Run HEAD as GET: django-ninja routes only the methods an operation declares, and
    declaring HEAD beside GET would list every endpoint twice in the OpenAPI schema; the
    server drops the body as it does for every Django view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapper


def read_only_urls(ninja_api):
    """``ninja_api.urls`` (for ``include``), every address answering only GET and HEAD (any
    other method: a JSON 405), and the docs with their own security policy."""
    patterns, app_name, namespace = ninja_api.urls
    read_only = allow_methods(*READ_METHODS, refuse=refuse_in_json)
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            view = read_only(head_as_get(pattern.callback))
            # Safe: every method CSRF guards is refused first, as JSON rather than a 403.
            view.csrf_exempt = True
            if pattern.name in ("openapi-json", "openapi-view"):  # the endpoints limit their own
                view = rate_limited("api")(view)
            if pattern.name == "openapi-view":
                view = with_policy(API_DOCS_HEADER)(view)
            pattern.callback = view
    return patterns, app_name, namespace
