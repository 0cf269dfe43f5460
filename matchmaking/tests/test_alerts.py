"""E-mail alerts about new needs: the setting, the digests, never twice, and unsubscribing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import EntrepreneurMembership
from directory.tests import factories
from matchmaking import services
from matchmaking.models import AlertDelivery, AlertSubscription, Need
from matchmaking.tests.conftest import assert_error_shown, html_of, join_entrepreneur, make_need, make_user, site_paths

pytestmark = pytest.mark.django_db

DAILY = AlertSubscription.Frequency.DAILY
WEEKLY = AlertSubscription.Frequency.WEEKLY


@pytest.fixture
def subscriber(entrepreneur_member):
    services.alert_set_frequency(user=entrepreneur_member, frequency=DAILY)
    AlertSubscription.objects.filter(user=entrepreneur_member).update(active_since=timezone.now() - timedelta(days=1))
    return entrepreneur_member


def _later(hours: float):
    return timezone.now() + timedelta(hours=hours)


def _unrelated_need(body, owner, **fields):
    return make_need(
        body,
        owner,
        title="Sommerjobb for ungdom",
        challenge="Ungdom trenger sommerjobb.",
        effects="Flere unge i arbeid.",
        service_areas=[factories.service_area("Arbeidsinkludering")],
        target_groups=[],
        collaboration_forms=[],
        **fields,
    )


# --- The setting -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", "login"), ("entrepreneur_member", 200), ("owner", 403), ("curator", 403)],
)
def test_who_may_choose_alerts(client, request, persona, expected):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get("/varsler/")
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
    else:
        assert response.status_code == expected


def test_choosing_a_weekly_digest(client, entrepreneur_member):
    client.force_login(entrepreneur_member)
    response = client.post("/varsler/", {"frequency": "weekly"}, follow=True)
    assert "Varslene er lagret." in html_of(response)
    subscription = AlertSubscription.objects.get(user=entrepreneur_member)
    assert subscription.frequency == WEEKLY
    assert client.get("/varsler/").context["form"].initial["frequency"] == WEEKLY


@pytest.mark.parametrize(("value", "message"), [("hver time", "Velg ingen varsler, daglig eller ukentlig.")])
def test_a_bad_choice_is_explained(client, entrepreneur_member, value, message):
    client.force_login(entrepreneur_member)
    response = client.post("/varsler/", {"frequency": value})
    assert_error_shown(response, "id_frequency", message)
    assert not AlertSubscription.objects.exists()


def test_turning_alerts_on_counts_needs_from_then(entrepreneur_member):
    before = timezone.now()
    subscription = services.alert_set_frequency(user=entrepreneur_member, frequency=DAILY)
    assert subscription.active_since >= before
    again = services.alert_set_frequency(user=entrepreneur_member, frequency=WEEKLY)
    assert again.active_since == subscription.active_since  # changing the frequency is not turning on


# --- Digests -----------------------------------------------------------------------------------------


def test_a_daily_digest_lists_the_new_needs_that_fit_with_reasons_and_links(body, owner, subscriber):
    need = make_need(body, owner)
    _unrelated_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 1
    message = mail.outbox[0]
    assert message.to == [subscriber.email]
    assert message.subject == "Nytt behov som passer for dere"
    assert "Tryggere pårørende i demensomsorgen" in message.body
    assert "Sommerjobb" not in message.body
    assert "Tilbyr eldreomsorg" in message.body
    paths = site_paths(message.body)
    assert f"/behov/{need.pk}/" in paths
    token = AlertSubscription.objects.get(user=subscriber).unsubscribe_token
    assert f"/varsler/avmeld/{token}/" in paths
    assert "/varsler/" in paths
    html = message.alternatives[0][0]
    assert f"https://veier.test/varsler/avmeld/{token}/" in html
    assert list(AlertDelivery.objects.values_list("need_id", flat=True)) == [need.pk]


def test_a_need_is_never_sent_twice(body, owner, subscriber):
    first = make_need(body, owner)
    services.need_digests_send(frequency=DAILY)
    assert services.need_digests_send(frequency=DAILY, now=_later(24)) == 0
    second = make_need(body, owner, title="Demens og pårørende på natta")
    assert services.need_digests_send(frequency=DAILY, now=_later(48)) == 1
    body_text = mail.outbox[-1].body
    assert "Demens og pårørende på natta" in body_text
    assert first.title not in body_text.replace(second.title, "")
    assert AlertDelivery.objects.filter(user=subscriber).count() == 2


def test_a_digest_that_is_not_due_is_not_sent_again_the_same_day(body, owner, subscriber):
    make_need(body, owner)
    services.need_digests_send(frequency=DAILY)
    make_need(body, owner, title="Et nytt behov om demens")
    assert services.need_digests_send(frequency=DAILY, now=_later(2)) == 0
    assert services.need_digests_send(frequency=DAILY, now=_later(21)) == 1


def test_nothing_new_that_fits_sends_nothing(body, owner, subscriber):
    _unrelated_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 0
    assert mail.outbox == []


def test_only_needs_published_after_alerts_were_turned_on_are_new(body, owner, subscriber):
    old = make_need(body, owner)
    Need.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=3))
    assert services.need_digests_send(frequency=DAILY) == 0


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_needs_that_are_not_open_are_not_sent(body, owner, subscriber, status):
    make_need(body, owner, status=status)
    assert services.need_digests_send(frequency=DAILY) == 0


def test_needs_for_signed_in_users_only_are_sent_to_subscribers(body, owner, subscriber):
    make_need(body, owner, visibility="signed_in")
    assert services.need_digests_send(frequency=DAILY) == 1


def test_each_frequency_is_sent_on_its_own(body, owner, subscriber):
    make_need(body, owner)
    assert services.need_digests_send(frequency=WEEKLY) == 0
    AlertSubscription.objects.update(frequency=WEEKLY)
    assert services.need_digests_send(frequency=WEEKLY) == 1
    assert "denne uken" in mail.outbox[0].body
    assert services.need_digests_send(frequency=WEEKLY, now=_later(24 * 3)) == 0


def test_no_alerts_means_no_mail(body, owner, subscriber):
    AlertSubscription.objects.update(frequency=AlertSubscription.Frequency.NONE)
    make_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 0


def test_members_who_are_not_approved_get_nothing(body, owner, entrepreneur):
    user = make_user("venter@omsorgsappen.no")
    join_entrepreneur(user, entrepreneur, status=EntrepreneurMembership.Status.PENDING)
    services.alert_set_frequency(user=user, frequency=DAILY)
    AlertSubscription.objects.update(active_since=timezone.now() - timedelta(days=1))
    make_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 0


def test_the_command_sends_the_digests(body, owner, subscriber, capsys):
    make_need(body, owner)
    call_command("send_need_digests", "--frequency", "daily")
    assert len(mail.outbox) == 1
    assert "Sent 1 digest(s) (daily)." in capsys.readouterr().out


def test_the_command_needs_a_frequency():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_need_digests", "--frequency", "hourly")


# --- Unsubscribing -----------------------------------------------------------------------------------


def test_the_unsubscribe_link_works_without_logging_in(client, subscriber):
    token = AlertSubscription.objects.get(user=subscriber).unsubscribe_token
    page = client.get(f"/varsler/avmeld/{token}/")
    assert page.status_code == 200
    assert "Ja, meld meg av" in html_of(page)
    assert AlertSubscription.objects.get(user=subscriber).frequency == DAILY  # a GET changes nothing
    response = client.post(f"/varsler/avmeld/{token}/")
    assert "Du får ikke flere varsler" in html_of(response)
    assert AlertSubscription.objects.get(user=subscriber).frequency == AlertSubscription.Frequency.NONE


def test_after_unsubscribing_no_digest_is_sent(client, body, owner, subscriber):
    token = AlertSubscription.objects.get(user=subscriber).unsubscribe_token
    client.post(f"/varsler/avmeld/{token}/")
    make_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 0


def test_an_unknown_token_says_the_link_does_not_work(client):
    response = client.get("/varsler/avmeld/feil-nokkel/")
    assert response.status_code == 404
    assert "Lenken virker ikke" in html_of(response)
    assert client.post("/varsler/avmeld/feil-nokkel/").status_code == 404


def test_every_subscription_has_its_own_long_token(entrepreneur_member, other_entrepreneur_member):
    one = services.alert_set_frequency(user=entrepreneur_member, frequency=DAILY)
    two = services.alert_set_frequency(user=other_entrepreneur_member, frequency=DAILY)
    assert one.unsubscribe_token != two.unsubscribe_token
    assert len(one.unsubscribe_token) >= 40


def test_needs_they_already_talk_about_are_not_sent(body, owner, subscriber, entrepreneur):
    need = make_need(body, owner)
    services.interest_invite(need=need, entrepreneur=entrepreneur, user=owner, text="Hei!")
    mail.outbox.clear()
    assert services.need_digests_send(frequency=DAILY) == 0


def test_the_digest_is_written_in_the_subscriber_s_language(body, owner, subscriber):
    from directory.models import ServiceArea

    ServiceArea.objects.filter(slug="eldreomsorg").update(name_en="Care for older people")
    subscriber.language = "en"
    subscriber.save(update_fields=["language"])
    make_need(body, owner)
    assert services.need_digests_send(frequency=DAILY) == 1
    message = mail.outbox[0]
    assert "Tilbyr" not in message.body
    assert "Offers care for older people" in message.body
    assert message.subject != "Nytt behov som passer for dere"
