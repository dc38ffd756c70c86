"""Writes vectors.json: values produced by Python Tornado, read back by SignedCookieInteropTest.

Run with a Python that has tornado installed (Debian: apt-get install python3-tornado):
    /usr/bin/python3 generate.py > vectors.json
"""
import base64
import datetime
import json
import sys
from unittest import mock

import tornado
from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import Application, RequestHandler, create_signed_value

SECRET = "It's a secret to everybody"
SECRETS = {0: "asdfbasdf", 1: "12312312", 2: "2342342"}


def clock():
    return 1300000000


def signed(secret, name, value, version=None, key_version=None):
    return create_signed_value(secret, name, value, version=version, clock=clock,
                               key_version=key_version).decode("ascii")


def set_cookie_line(name, value, **kwargs):
    app = Application(cookie_secret=SECRET)
    request = HTTPServerRequest(method="GET", uri="/", headers=HTTPHeaders(), connection=mock.Mock())
    handler = RequestHandler(app, request)
    handler.set_cookie(name, value, **kwargs)
    line = handler._new_cookie[name].OutputString(None)
    if "expires" in kwargs:
        kwargs["expires"] = int(kwargs["expires"].replace(tzinfo=datetime.timezone.utc).timestamp())
    return dict(name=name, value=value, options=kwargs, line=line)


def xsrf_token(cookie=None):
    """The token Tornado hands a page, and the _xsrf cookie it belongs to (set when the request had none)."""
    headers = HTTPHeaders()
    if cookie is not None:
        headers["Cookie"] = "_xsrf=" + cookie
    request = HTTPServerRequest(method="GET", uri="/", headers=headers, connection=mock.Mock())
    handler = RequestHandler(Application(xsrf_cookies=True), request)
    token = handler.xsrf_token.decode("ascii")
    return token, cookie if cookie is not None else handler._new_cookie["_xsrf"].value


def xsrf_pair(cookie=None):
    """A page token masked differently from the cookie it belongs to."""
    if cookie is None:
        _, cookie = xsrf_token()
    token, _ = xsrf_token(cookie)
    return dict(cookie=cookie, token=token)


vectors = {
    "tornado": tornado.version,
    "timestamp": clock(),
    "signed": [
        {"secret": SECRET, "name": "key", "value": "value", "version": 2,
         "signed": signed(SECRET, "key", "value", version=2)},
        {"secret": SECRET, "name": "key", "value": "value", "version": 1,
         "signed": signed(SECRET, "key", "value", version=1)},
        {"secret": SECRET, "name": "user", "value": "h\u00e9llo w\u00f6rld", "version": 2,
         "signed": signed(SECRET, "user", "h\u00e9llo w\u00f6rld")},
        {"secret": SECRET, "name": "user", "value": "x" * 300, "version": 2,
         "signed": signed(SECRET, "user", "x" * 300)},
    ],
    "rotated": [
        {"secrets": {str(k): v for k, v in SECRETS.items()}, "key_version": kv, "name": "key", "value": "value",
         "signed": signed(SECRETS, "key", "value", key_version=kv)}
        for kv in (0, 1, 2)
    ],
    "xsrf": [xsrf_pair(), xsrf_pair(), xsrf_pair("0123456789abcdef0123456789abcdef")],
    "set_cookie": [
        set_cookie_line("all", "v", domain="foo.com", expires=datetime.datetime(2030, 1, 1), path="/", max_age=10,
                        httponly=True, secure=True, samesite="Lax"),
        set_cookie_line("plain", "asdf"),
        set_cookie_line("equals", "a=b"),
        set_cookie_line("semicolon", "a;b"),
        set_cookie_line("quote", 'a"b'),
        set_cookie_line("backslash", "a\\b"),
        set_cookie_line("latin1", "h\u00e9"),
        set_cookie_line("signed", signed(SECRET, "signed", "value")),
        set_cookie_line("unicode_args", "blah", domain="foo.com", path="/foo"),
        set_cookie_line("secure_only", "1", secure=True),
        set_cookie_line("http_only", "1", httponly=True),
        set_cookie_line("strict", "1", samesite="Strict", httponly=True, secure=True),
    ],
}
json.dump(vectors, sys.stdout, indent=2, ensure_ascii=True)
sys.stdout.write("\n")
