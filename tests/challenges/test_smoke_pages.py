from django.urls import reverse


def test_pages_render(client, published, draft, city_a_staff, curator):
    assert client.get("/").status_code == 200
    assert client.get(reverse("challenges:list")).status_code == 200
    assert client.get(published.get_absolute_url()).status_code == 200
    client.force_login(city_a_staff)
    assert client.get(reverse("challenges:create")).status_code == 200
    assert client.get(reverse("challenges:edit", kwargs={"pk": draft.pk})).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(reverse("challenges:mine")).status_code == 200
    assert client.get(reverse("partners:dashboard")).status_code == 200
    client.force_login(curator)
    assert client.get(reverse("challenges:review_queue")).status_code == 200
    assert client.get(reverse("challenges:export")).status_code == 200
    assert client.get(reverse("challenges:feed")).status_code == 200
    assert client.get(reverse("partners:dashboard")).status_code == 200
