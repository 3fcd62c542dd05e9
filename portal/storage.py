"""Uploads (images, their renditions, documents) in an S3-compatible object store,
shared by every app server, when S3_BUCKET is set (see STORAGES in settings/base.py).

The files keep their addresses on our own origin, `/media/<name>`, as on the file
system: every page is served from our own origin (the Content-Security-Policy's
img-src is 'self', and Cross-Origin-Resource-Policy is same-origin), and a cached page
must not hold a signed link to the bucket that expires an hour later. The load
balancer or web server in front routes `/media/` to the bucket; on a small site the
portal streams them itself (SERVE_MEDIA, portal/views.py).

An upload never replaces another file of the same name (the file system's rule too):
two editors uploading "logo.png" get two files.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    file_overwrite = False
    querystring_auth = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)
