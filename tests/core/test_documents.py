"""Documents of the login-restricted collection are never served as plain
media: links go through Wagtail's view (which checks the restriction), and
the development server's media route denies /media/documents/."""

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, Storage
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction


class RemoteLikeStorage(Storage):
    """Like object storage: files have a URL but no local path (Storage.path
    raises NotImplementedError); their bytes are kept in memory."""

    _files = InMemoryStorage(location="remote", base_url="https://stockage.example.org/media/")

    def _open(self, name, mode="rb"):
        return self._files._open(name, mode)

    def _save(self, name, content):
        return self._files._save(name, content)

    def exists(self, name):
        return self._files.exists(name)

    def size(self, name):
        return self._files.size(name)

    def url(self, name):
        return self._files.url(name)


@pytest.fixture(params=["django.core.files.storage.FileSystemStorage", f"{__name__}.RemoteLikeStorage"])
def restricted_document(db, settings, tmp_path, request):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": request.param}}
    collection = Collection.get_first_root_node().add_child(name="Réservé aux membres")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document(title="Compte rendu interne", collection=collection)
    document.file.save("compte-rendu.txt", ContentFile(b"contenu interne"), save=True)
    return document


def test_restricted_documents_are_served_by_wagtails_view_only(client, restricted_document):
    url = restricted_document.url
    assert url.startswith("/documents/") and "/media/" not in url
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/media/" not in anonymous["Location"]
    assert "stockage.example.org" not in anonymous["Location"]
    client.force_login(User.objects.create_user("membre", "membre@example.org", "x"))
    response = client.get(url)
    assert response.status_code == 200  # served by the view, never a redirect to the file's storage URL
    assert b"".join(response.streaming_content) == b"contenu interne"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.core.dev_media_urls", MEDIA_URL="/media/")
def test_the_development_media_route_denies_documents(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "compte-rendu.pdf").write_bytes(b"%PDF-1.4 interne")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.png").write_bytes(b"\x89PNG")
    assert client.get("/media/images/photo.png").status_code == 200
    assert client.get("/media/documents/compte-rendu.pdf").status_code == 404
    assert client.get("/media/DOCUMENTS/../documents/compte-rendu.pdf").status_code == 404
