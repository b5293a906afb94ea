"""The operator's guide's deployment examples, run as they are written there
(docs/operating.md): its nginx site in front of a live test server, and its systemd units
checked with ``systemd-analyze verify``. Only the addresses, ports and paths of this machine
are put in; every one of them must still be in the guide's text."""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from tests import factories
from tests.services import PROJECT, free_port

GUIDE = PROJECT / "docs" / "operating.md"
HOST = "catalogue.example.org"


def guide_blocks(language):
    """The guide's code blocks in ``language``, as written."""
    return re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def put_in(text, replacements):
    """``text`` with each of this machine's values put in, failing if the guide has changed
    so that one of the values it is put in for is no longer there."""
    for old, new in replacements.items():
        assert old in text, f"the guide's example no longer has {old!r}"
        text = text.replace(old, new)
    return text


# --------------------------------------------------------------------------- nginx


def self_signed_certificate(folder):
    """A certificate for HOST and its key, made with openssl: their paths."""
    certificate, key = folder / "site.crt", folder / "site.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


def nginx_configuration(folder, site):
    """An nginx main configuration of the test's own around the guide's ``site``: its pid,
    logs and temporary files in ``folder``, never the system's."""
    temporary = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    mime_types = Path("/etc/nginx/mime.types")
    (folder / "site.conf").write_text(site)
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        + f"error_log {folder / 'error.log'};\n"
        + "events { worker_connections 64; }\n"
        + "http {\n"
        + (f"    include {mime_types};\n" if mime_types.exists() else "")
        + f"    access_log {folder / 'access.log'};\n"
        + temporary
        + f"\n    include {folder / 'site.conf'};\n}}\n"
    )
    return folder / "nginx.conf"


def wait_for_port(port, process, log):
    for _attempt in range(100):
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {log.read_text() if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nginx did not listen on port {port}")


@pytest.fixture
def nginx_site(live_server, media_root, tmp_path):
    """nginx running the guide's site on spare ports of 127.0.0.1, in front of the live test
    server and of a second app server that is down: the plain-HTTP and HTTPS ports."""
    nginx = shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light; CI installs it)")
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate for the HTTPS server")
    (site,) = [block for block in guide_blocks("nginx") if "upstream socialgood" in block]
    folder = tmp_path / "nginx"
    folder.mkdir()
    certificate, key = self_signed_certificate(folder)
    http_port, https_port, down = free_port(), free_port(), free_port()
    app = urllib.parse.urlsplit(live_server.url).port
    site = put_in(
        site,
        {
            "10.0.0.11:8000": f"127.0.0.1:{app}",
            "10.0.0.12:8000": f"127.0.0.1:{down}",
            "    listen [::]:80;\n": "",
            "    listen [::]:443 ssl http2;\n": "",
            "listen 80;": f"listen 127.0.0.1:{http_port};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
            f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(certificate),
            f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
            "/srv/socialgood/media/": f"{media_root}/",
        },
    )
    configuration = nginx_configuration(folder, site)
    log = folder / "error.log"
    command = [nginx, "-p", str(folder), "-c", str(configuration), "-e", str(log)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http_port, process, log)
        wait_for_port(https_port, process, log)
        yield http_port, https_port
    finally:
        process.send_signal(signal.SIGQUIT)  # a graceful stop of this nginx, by its own id
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def through_nginx(port, path, secure=False):
    """The status, headers and body of ``path`` asked of nginx as a reader of HOST would."""
    if secure:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_the_guides_nginx_site_serves_pages_static_files_media_and_health(
    nginx_site, settings, media_root
):
    http_port, https_port = nginx_site
    settings.ALLOWED_HOSTS = [HOST]
    factories.CampaignFactory(slug="apples-by-live-stream", title="Apples sold by live stream")
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n a logo")

    pages = [
        through_nginx(https_port, "/campaigns/apples-by-live-stream/", secure=True)
        for _request in range(4)  # one app server is down: every request goes to the other
    ]
    static = through_nginx(https_port, "/static/css/site.css", secure=True)
    media = through_nginx(https_port, "/media/logo.png", secure=True)
    health = through_nginx(http_port, "/health/")
    redirected = through_nginx(http_port, "/campaigns/?q=apples")

    assert [status for status, _headers, _body in pages] == [200, 200, 200, 200]
    page = pages[0][2].decode()
    assert "Apples sold by live stream" in page
    # The app saw the reader's host and that the request came over HTTPS.
    assert f"https://{HOST}/campaigns/apples-by-live-stream/" in page
    assert static[0] == 200 and static[1]["Content-Type"].startswith("text/css")
    assert static[2] == (PROJECT / "static" / "css" / "site.css").read_bytes()
    assert media[0] == 200 and media[2] == b"\x89PNG\r\n\x1a\n a logo"
    assert media[1]["Content-Type"] == "image/png"
    assert media[1]["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in media[1]["Content-Security-Policy"]
    assert health[0] == 200 and json.loads(health[2])["status"] == "ok"
    assert redirected[0] == 301
    assert redirected[1]["Location"] == f"https://{HOST}/campaigns/?q=apples"


# --------------------------------------------------------------------------- systemd


def test_the_guides_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    blocks = guide_blocks("ini")
    names = [block.splitlines()[0].removeprefix("# /etc/systemd/system/") for block in blocks]
    assert names == ["socialgood.service", "socialgood-backup.service", "socialgood-backup.timer"]
    (tmp_path / "env").write_text("DJANGO_DEBUG=0\n")
    venv = Path(sys.executable).parent.parent
    for name, block in zip(names, blocks, strict=True):
        unit = block
        if "ExecStart=" in block:
            unit = put_in(
                unit,
                {"/srv/socialgood/.venv": str(venv), "/etc/socialgood/env": str(tmp_path / "env")},
            ).replace("/srv/socialgood", str(PROJECT))
        (tmp_path / name).write_text(unit)

    verified = subprocess.run(
        [analyze, "verify", "--man=no", *(str(tmp_path / name) for name in names)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    # It reports unknown keys and values it cannot parse and goes on: any word is a fault.
    assert (verified.returncode, verified.stderr.strip()) == (0, "")
