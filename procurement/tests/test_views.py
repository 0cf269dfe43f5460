import html
import importlib
import re
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from procurement.models import GuidancePage, GuidanceSection, Myth, ThresholdPeriod, ThresholdUncertainty

pytestmark = [
    pytest.mark.django_db,
]

NBSP = "\u00a0"
EEA_FIELDS = ("eea_central_government", "eea_other_buyers", "eea_works", "eea_special_services")
GUIDE = "/anskaffelser/"


def kr(amount: str) -> str:
    """An amount as the nb locale prints it: no-break spaces between thousands and before kr."""
    return amount.replace(" ", NBSP) + NBSP + "kr"


def ask(client, **params):
    return client.get(GUIDE, params)


def text(response) -> str:
    """The page with entities resolved, so "&nbsp;kr" reads as it is shown."""
    return html.unescape(response.content.decode())


class TestTheSeededData:
    def test_it_holds_the_seven_periods_of_the_facts_file(self):
        rows = list(
            ThresholdPeriod.objects.values_list(
                "valid_from",
                "lower_limit",
                "national_threshold",
                "eea_central_government",
                "eea_other_buyers",
                "eea_works",
                "eea_special_services",
            )
        )
        assert rows == [
            (date(2017, 1, 1), 100_000, 1_100_000, 1_100_000, 1_750_000, 44_000_000, 6_300_000),
            (date(2018, 4, 6), 100_000, 1_300_000, 1_300_000, 2_000_000, 51_000_000, 6_950_000),
            (date(2020, 2, 12), 100_000, 1_300_000, 1_300_000, 2_050_000, 51_500_000, 7_200_000),
            (date(2022, 3, 23), 100_000, 1_300_000, 1_400_000, 2_200_000, 56_000_000, 7_800_000),
            (date(2024, 3, 14), 100_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000, 7_800_000),
            (date(2026, 4, 21), 100_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
            (date(2026, 7, 1), 500_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
        ]

    def test_every_period_has_sources_a_check_note_and_the_date_it_was_verified(self):
        for period in ThresholdPeriod.objects.all():
            assert period.sources
            assert "Lovdata" in period.notes
            expected = date(2026, 11, 30) if period.valid_from.year == 2026 else date(2026, 11, 1)
            assert period.last_verified == expected

    def test_the_uncertain_values_of_the_facts_file_are_marked(self):
        marked = set(ThresholdUncertainty.objects.values_list("period__valid_from", "field"))
        assert marked == {
            (date(2020, 2, 12), "valid_from"),
            (date(2022, 3, 23), "eea_other_buyers"),
            (date(2022, 3, 23), "eea_special_services"),
            (date(2024, 3, 14), "eea_special_services"),
            (date(2024, 3, 14), "eea_works"),
            *((date(2026, 4, 21), name) for name in EEA_FIELDS),
            (date(2026, 4, 21), "valid_from"),
            *((date(2026, 7, 1), name) for name in EEA_FIELDS),
            (date(2026, 7, 1), "lower_limit"),
        }

    def test_the_guidance_and_the_six_myths_are_seeded(self):
        assert set(GuidancePage.objects.values_list("slug", flat=True)) == {
            "kom-i-gang",
            "samarbeidsformer",
            "myter",
            "finansiering",
            "planaret",
            "forberedelse",
            "maale-effekt",
        }
        assert list(Myth.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]

    def test_the_seed_migrations_can_be_reversed_and_applied_again(self):
        steps = [
            ("0002_seed_threshold_periods", "seed", "unseed"),
            ("0003_seed_guidance", "seed", "unseed"),
            ("0006_seed_2026_periods", "seed", "unseed"),
            ("0008_correct_guidance_texts", "correct", "restore"),
        ]
        corrected = Myth.objects.get(number=3).answer
        for name, _forward, backward in reversed(steps):
            getattr(importlib.import_module(f"procurement.migrations.{name}"), backward)(apps, None)
        assert not ThresholdPeriod.objects.exists() and not GuidancePage.objects.exists() and not Myth.objects.exists()
        for name, forward, _backward in steps:
            getattr(importlib.import_module(f"procurement.migrations.{name}"), forward)(apps, None)
        assert ThresholdPeriod.objects.count() == 7 and Myth.objects.count() == 6
        assert Myth.objects.get(number=3).answer == corrected

    def test_the_corrections_are_undone_by_the_reverse_and_spare_a_curators_edit(self):
        module = importlib.import_module("procurement.migrations.0008_correct_guidance_texts")
        Myth.objects.filter(number=5).update(answer="Egen tekst fra en kurator.")
        module.restore(apps, None)
        assert "ingen begrensninger" in Myth.objects.get(number=3).answer
        assert Myth.objects.get(number=5).answer == "Egen tekst fra en kurator."
        assert GuidanceSection.objects.filter(heading="Innovative anskaffelser").exists()
        module.correct(apps, None)
        assert "ingen begrensninger" not in Myth.objects.get(number=3).answer
        assert Myth.objects.get(number=5).answer == "Egen tekst fra en kurator."


class TestTheGuidePage:
    def test_it_shows_the_empty_form_with_todays_date_and_no_answer(self, client, today):
        response = client.get(GUIDE)
        assert response.status_code == 200
        body = text(response)
        assert body.count("<h1") == 1
        assert f'value="{today.isoformat()}"' in body
        assert 'id="svar"' not in body
        assert "ds-error-summary" not in body

    def test_it_answers_on_the_same_page(self, client):
        response = ask(
            client, verdi="1 300 000", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01"
        )
        body = text(response)
        assert response.context["assessment"].regime == "del-2"
        assert "Anskaffelsesforskriften del I og II" in body
        assert "Kunngjør i Doffin" in body
        assert kr("1 300 000") in body
        assert "FOA</abbr> § 8-17" in body
        assert "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974/%C2%A78-17" in body
        assert "FOA</abbr> § 8-8" in body  # reserved contracts
        assert "Kan vi reservere konkurransen?" in body
        assert body.count("<h1") == 1

    @pytest.mark.parametrize(
        "verdi", ["1 300 000", "1300000", "1,3 mill", "1,3 millioner", "1.300.000", "1 300 000 kr"]
    )
    def test_it_reads_norwegian_number_formats(self, client, verdi):
        response = ask(client, verdi=verdi, oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01")
        assert response.context["assessment"].value == 1_300_000
        assert f'value="{verdi}"' in text(response)

    def test_it_shows_the_threshold_table_for_the_date_with_the_values_used(self, client):
        body = text(
            ask(client, verdi="500 000", oppdragsgiver="statlig", kategori="varer-tjenester", dato="2022-03-23")
        )
        assert "Terskelverdier 23. mars 2022" in body
        for amount in ("100 000", "1 300 000", "1 400 000", "2 200 000", "56 000 000", "7 800 000"):
            assert kr(amount) in body
        assert body.count('class="procurement-used"') == 3
        assert "fra 23. mars 2022 til og med 13. mars 2024" in body

    def test_it_shows_the_myths_the_answer_touches(self, client):
        body = text(
            ask(client, verdi="500 000", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01")
        )
        assert "Alle anskaffelser over 100 000 kroner må kunngjøres" in body  # myth 2, part I
        body = text(
            ask(client, verdi="50 000", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01")
        )
        assert "Alle innkjøp må på anbud" in body
        assert "Alle anskaffelser over 100 000 kroner må kunngjøres" not in body

    def test_it_shows_an_uncertain_value_with_its_source(self, client):
        body = text(ask(client, verdi="8 mill", oppdragsgiver="kommunal", kategori="helse-sosial", dato="2024-05-01"))
        assert "del I og IV" in body
        assert "7 800 000 kr er hentet fra én sekundærkilde." in body
        assert "FOA</abbr> § 30-2a" in body and "HR-2025-2425-A" in body

    def test_it_warns_about_the_uncertain_start_of_the_2020_period(self, client):
        body = text(
            ask(client, verdi="1 mill", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2020-02-12")
        )
        assert "13. februar 2020" in body

    def test_the_share_link_fixes_the_date_so_the_answer_stays_the_same(self, client, today):
        response = ask(client, verdi="1,3 mill", oppdragsgiver="kommunal", kategori="varer-tjenester")
        assert response.context["assessment"].on == today
        share = response.context["share_query"]
        assert f"dato={today.isoformat()}" in share
        again = client.get(f"{GUIDE}?{share}")
        assert again.context["assessment"].regime == response.context["assessment"].regime

    def test_an_empty_date_means_today(self, client, today):
        response = ask(client, verdi="100 000", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="")
        assert response.context["assessment"].on == today

    def test_it_accepts_a_norwegian_date(self, client):
        response = ask(client, verdi="100 000", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="05.04.2018")
        assert response.context["assessment"].period.valid_from == date(2017, 1, 1)

    def test_it_computes_the_value_from_a_yearly_value_years_and_options(self, client):
        response = ask(
            client, arsverdi="400 000", antall_ar="2", opsjonsar="2", oppdragsgiver="kommunal",
            kategori="varer-tjenester", dato="2024-05-01",
        )  # fmt: skip
        assert response.context["assessment"].value == 1_600_000
        assert response.context["assessment"].regime == "del-2"
        assert kr("1 600 000") in text(response)
        assert '<details class="ds-details procurement-calculation" open>' in text(response)

    def test_it_computes_an_indefinite_contract_as_48_months(self, client):
        response = ask(
            client, manedsverdi="27 084", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01"
        )
        assert response.context["assessment"].value == 1_300_032
        assert "48 måneder" in text(response)

    def test_a_new_period_added_by_a_curator_applies_from_its_first_day(self, client):
        ThresholdPeriod.objects.create(
            valid_from=date(2027, 1, 1), lower_limit=600_000, national_threshold=1_300_000,
            eea_central_government=1_490_000, eea_other_buyers=2_300_000, eea_works=57_800_000,
            eea_special_services=7_800_000, sources="Test", last_verified=date(2027, 1, 1),
        )  # fmt: skip
        params = {"verdi": "550 000", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester"}
        assert ask(client, dato="2026-12-31", **params).context["assessment"].regime == "del-1"
        assert ask(client, dato="2027-01-01", **params).context["assessment"].regime == "utenfor-regelverket"

    def test_it_only_answers_get(self, client):
        assert client.post(GUIDE).status_code == 405


class TestBadInputOnTheGuidePage:
    @pytest.mark.parametrize(
        ("params", "field", "message"),
        [
            ({"verdi": "-5"}, "verdi", "Beløpet kan ikke være negativt."),
            ({"verdi": "mye"}, "verdi", "Skriv beløpet i kroner, for eksempel 1 300 000 eller 1,3 mill."),
            ({"verdi": ""}, "verdi", "Skriv inn verdien av kjøpet"),
            ({"oppdragsgiver": "privat"}, "oppdragsgiver", "«privat» er ikke en kjent oppdragsgiver"),
            ({"kategori": "it"}, "kategori", "«it» er ikke en kjent kategori"),
            ({"dato": "2016-12-31"}, "dato", "Veiviseren gjelder fra 1. januar 2017"),
            ({"dato": "i går"}, "dato", "Skriv datoen som dd.mm.åååå"),
            ({"arsverdi": "400 000", "verdi": ""}, "antall_ar", "Skriv hvor mange år avtalen varer."),
            ({"antall_ar": "0", "arsverdi": "1", "verdi": ""}, "antall_ar", "Avtalen må vare minst ett år."),
            ({"verdi": "1 mill", "manedsverdi": "10 000"}, "verdi", "Fyll ut bare én av måtene"),
        ],
    )
    def test_the_error_is_beside_the_field_and_in_the_summary_and_the_input_is_kept(
        self, client, params, field, message
    ):
        query = {"verdi": "1 mill", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester", "dato": "2024-05-01"}
        query.update(params)
        response = ask(client, **query)
        body = text(response)
        assert "assessment" not in response.context
        assert "ds-error-summary" in body
        beside = re.search(rf'id="id_{field}_error">(.*?)</div>', body, re.S)
        assert beside and message in beside.group(1)
        assert f'href="#id_{field}' in body  # the summary links to the field
        for name, value in params.items():
            if name not in ("oppdragsgiver", "kategori") and value:
                assert f'value="{value}"' in body

    def test_a_wrong_field_is_marked_invalid_and_described_by_its_error(self, client):
        body = text(ask(client, verdi="-5", oppdragsgiver="kommunal", kategori="varer-tjenester"))
        field = re.search(r"<input[^>]*name=\"verdi\"[^>]*>", body).group(0)
        assert 'aria-invalid="true"' in field
        assert 'aria-describedby="id_verdi_helptext id_verdi_error"' in field

    def test_the_chosen_radio_buttons_stay_chosen(self, client):
        body = text(ask(client, verdi="-5", oppdragsgiver="statlig", kategori="bygg-anlegg"))
        assert re.search(r'value="statlig"[^>]*checked', body)
        assert re.search(r'value="bygg-anlegg"[^>]*checked', body)


class TestTheThresholdPage:
    def test_it_lists_every_period_with_values_sources_and_last_verified(self, client):
        response = client.get("/anskaffelser/terskelverdier/")
        body = text(response)
        assert response.status_code == 200
        assert body.count("<h1") == 1
        for start in ("01.01.2017", "06.04.2018", "12.02.2020", "23.03.2022", "14.03.2024"):
            assert f"Fra {start}" in body
        for amount in ("44 000 000", "6 950 000", "2 050 000", "1 400 000", "57 800 000"):
            assert kr(amount) in body
        assert "FOR-2018-04-04-533" in body
        assert "gmco.no oppgir 2 400 000 kr" in body
        assert "Sist kontrollert 1. november 2026." in body
        assert "Fra 14. mars 2024" in body and "til og med 13. mars 2024" in body

    def test_it_marks_the_period_in_force_today(self, client, today):
        in_force = client.get("/anskaffelser/terskelverdier/").context["in_force"]["period"]
        assert in_force == ThresholdPeriod.objects.filter(valid_from__lte=today).order_by("valid_from").last()


class TestTheGuidancePages:
    def test_the_list_links_every_page(self, client):
        body = text(client.get("/anskaffelser/veiledning/"))
        for page in GuidancePage.objects.all():
            assert page.get_absolute_url() in body

    @pytest.mark.parametrize(
        ("slug", "expected"),
        [
            ("kom-i-gang", 'href="/eksempler/"'),
            ("samarbeidsformer", "Pilotavtale"),
            ("myter", "Vi kan ikke kjøpe en test eller en pilot"),
            ("finansiering", "Utgangen av desember"),
            ("planaret", "Godt tidspunkt å ta kontakt"),
            ("forberedelse", "Ha en kort og lettfattet beskrivelse av hva du tilbyr."),
            ("maale-effekt", "Forbered målingene og mål før tiltaket starter"),
        ],
    )
    def test_each_page_shows_its_booklet_content(self, client, slug, expected):
        response = client.get(f"/anskaffelser/veiledning/{slug}/")
        assert response.status_code == 200
        assert expected in text(response)
        assert text(response).count("<h1") == 1

    def test_the_planning_year_is_an_ordered_timeline(self, client):
        body = text(client.get("/anskaffelser/veiledning/planaret/"))
        timeline = re.search(r'<ol class="timeline">(.*?)</ol>', body, re.S).group(1)
        assert [w.strip() for w in re.findall(r'<p class="timeline__when">([^<]*)', timeline)] == [
            "Første halvår",
            "Før statsbudsjettet",
            "Begynnelsen av oktober",
            "Desember",
        ]

    def test_all_six_myths_are_on_the_myths_page(self, client):
        body = text(client.get("/anskaffelser/veiledning/myter/"))
        assert all(f'id="myte-{number}"' in body for number in range(1, 7))

    def test_curator_text_is_escaped(self, client):
        page = GuidancePage.objects.get(slug="kom-i-gang")
        GuidanceSection.objects.create(page=page, order=99, heading="<b>Hei</b>", body="<script>alert(1)</script>")
        body = client.get(page.get_absolute_url()).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;" in body and "&lt;b&gt;Hei&lt;/b&gt;" in body

    def test_an_unknown_page_is_not_found(self, client):
        assert client.get("/anskaffelser/veiledning/finnes-ikke/").status_code == 404


class TestTheAdmin:
    def test_curators_can_list_and_edit_threshold_periods(self, admin_client):
        assert admin_client.get(reverse("admin:procurement_thresholdperiod_changelist")).status_code == 200
        period = ThresholdPeriod.objects.get(valid_from=date(2024, 3, 14))
        assert (
            admin_client.get(reverse("admin:procurement_thresholdperiod_change", args=[period.pk])).status_code == 200
        )

    @pytest.mark.parametrize("model", ["guidancepage", "guidancesection", "myth"])
    def test_curators_can_search_the_guidance(self, admin_client, model):
        assert admin_client.get(reverse(f"admin:procurement_{model}_changelist"), {"q": "pilot"}).status_code == 200


class TestTheAnswerABuyerCanActOn:
    PARAMS = {"verdi": "600 000", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester", "dato": "2024-05-01"}

    def test_the_form_sends_the_reader_to_the_answer_and_the_heading_takes_focus(self, client):
        body = text(ask(client, **self.PARAMS))
        assert 'action="/anskaffelser/#svar"' in body
        assert re.search(r'<h2[^>]*id="svar"[^>]*tabindex="-1"[^>]*autofocus', body)
        assert 'src="/static/procurement/guide.js"' in body
        assert "<script>" not in body  # no inline script: the CSP forbids it

    def test_the_laws_are_written_out_once_then_abbreviated(self, client):
        body = text(ask(client, **self.PARAMS))
        answer = body[body.index('id="svar"') :]
        first_loa, first_foa = answer.index("LOA"), answer.index("FOA")
        assert answer.index("Lov om offentlige anskaffelser") < first_loa
        assert answer.index("forskrift om offentlige anskaffelser") < first_foa
        assert '<abbr title="lov om offentlige anskaffelser (anskaffelsesloven)">LOA</abbr>' in answer
        assert '<abbr title="forskrift om offentlige anskaffelser (anskaffelsesforskriften)">FOA</abbr>' in answer

    def test_part_one_says_announcing_is_voluntary(self, client):
        body = text(ask(client, **self.PARAMS))
        assert "men kan kunngjøre frivillig i Doffin, den nasjonale databasen for kunngjøringer" in body
        assert "må ikke kunngjøre" not in body
        assert "Skriv protokoll" in body and "Før protokoll" not in body

    def test_the_answer_has_the_inputs_the_date_asked_the_sources_and_its_address(self, client):
        response = ask(client, **self.PARAMS)
        body = text(response)
        assert "Spurt" in body
        assert "Kilder" in body and "regjeringen.no id3030686" in body
        assert "http://testserver/anskaffelser/?verdi=600+000" in body

    def test_the_date_field_says_the_start_of_the_procurement_decides(self, client):
        body = text(client.get(GUIDE))
        assert "Dato anskaffelsen starter" in body
        assert "ikke dagen kontrakten signeres" in body

    def test_from_1_july_2026_the_answer_uses_the_new_lower_limit_with_its_doubt(self, client):
        params = {**self.PARAMS, "verdi": "499 999", "dato": "2026-07-01"}
        response = ask(client, **params)
        assert response.context["assessment"].regime == "utenfor-regelverket"
        body = text(response)
        assert kr("500 000") in body
        assert "Usikker verdi – Nedre grense for regelverket: Sekundærkilder" in body
        day_before = ask(client, **{**params, "dato": "2026-06-30"})
        assert day_before.context["assessment"].regime == "del-1"

    def test_the_principles_are_in_doubt_after_30_june_2026(self, client):
        body = text(ask(client, **{**self.PARAMS, "dato": "2026-07-01"}))
        assert "Følg de grunnleggende prinsippene til dere har sjekket loven" in body


class TestTheReservationInTheAnswer:
    @pytest.fixture
    def confirmed(self):
        from django.utils import timezone

        from directory.tests import factories

        now = timezone.now()
        trondelag = factories.county("50")
        factories.entrepreneur(
            "Arbeid i Trøndelag", counties=[trondelag], declares_work_integration=True,
            work_integration_confirmed_at=now,
        )  # fmt: skip
        factories.entrepreneur(
            "Ideell i hele landet", nationwide=True, declares_non_profit=True, non_profit_confirmed_at=now
        )
        factories.entrepreneur("Bare erklært", counties=[trondelag], declares_work_integration=True)
        factories.entrepreneur(
            "Arbeid i Oslo", counties=[factories.county("03")], declares_work_integration=True,
            work_integration_confirmed_at=now,
        )  # fmt: skip
        return trondelag

    def test_it_counts_confirmed_entrepreneurs_in_the_buyers_county_and_links_the_filtered_directory(
        self, client, confirmed
    ):
        response = ask(
            client, verdi="8 mill", oppdragsgiver="kommunal", kategori="helse-sosial", dato="2024-05-01", fylke="50"
        )
        body = text(response)
        assert "Kan vi reservere konkurransen?" in body
        counts = {m["reservation"].kind.value: m["count"] for m in response.context["reservations"]}
        assert counts == {"arbeidsintegrerende": 1, "ideelle": 1}
        assert 'href="/entreprenorer/?arbeidsintegrerende=ja&amp;fylke=50"' in response.content.decode()
        assert 'href="/entreprenorer/?ideell=ja&amp;fylke=50"' in response.content.decode()
        assert "1 bekreftet virksomhet i katalogen arbeider i Trøndelag" in body
        # The link leads to the same entrepreneurs.
        listed = client.get("/entreprenorer/", {"arbeidsintegrerende": "ja", "fylke": "50"})
        assert [e.name for e in listed.context["page"].object_list] == ["Arbeid i Trøndelag"]

    def test_without_a_county_it_counts_all_of_norway_and_asks_for_one(self, client, confirmed):
        response = ask(
            client, verdi="1,5 mill", oppdragsgiver="kommunal", kategori="varer-tjenester", dato="2024-05-01"
        )
        (match,) = response.context["reservations"]
        assert match["count"] == 2
        assert "Velg fylke i skjemaet over" in text(response)

    def test_below_the_lower_limit_it_says_no_reservation_is_needed(self, client, confirmed):
        response = ask(client, verdi="50 000", oppdragsgiver="kommunal", kategori="helse-sosial", dato="2024-05-01")
        assert response.context["reservations"] == []
        assert "trenger dere ikke reservere konkurransen" in text(response)

    def test_an_unknown_county_is_explained_beside_the_field(self, client):
        body = text(ask(client, verdi="1 mill", oppdragsgiver="kommunal", kategori="varer-tjenester", fylke="99"))
        assert re.search(r'id="id_fylke_error">.*Vi fant ikke fylket «99»', body, re.S)

    def test_the_query_count_does_not_grow_with_the_entrepreneurs(self, client, confirmed):
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from directory.tests import factories

        params = {"verdi": "8 mill", "oppdragsgiver": "kommunal", "kategori": "helse-sosial", "fylke": "50"}

        def count() -> int:
            cache.clear()  # both counts cold (docs/decisions.md): the periods and the page are cached
            with CaptureQueriesContext(connection) as queries:
                ask(client, **params)
            return len(queries)

        few = count()
        for number in range(5):
            factories.entrepreneur(
                f"Flere {number}", nationwide=True, declares_non_profit=True, non_profit_confirmed_at=timezone.now()
            )
        assert count() == few


class TestTheGlossaryAndTheEuroThresholds:
    def test_the_glossary_explains_the_words_with_anchors(self, client):
        response = client.get("/anskaffelser/ordliste/")
        body = text(response)
        assert response.status_code == 200
        assert body.count("<h1") == 1
        for anchor in ("loa", "foa", "terskelverdi", "reservert-kontrakt", "protokoll"):
            assert f'id="{anchor}"' in body
        assert '<abbr title="Anskaffelsesforskriften">FOA</abbr>' in body

    def test_the_threshold_page_shows_the_eu_euro_values_beside_the_kroner(self, client):
        body = text(client.get("/anskaffelser/terskelverdier/"))
        assert "EUs terskelverdier i euro for 2026–2027" in body
        for amount in ("140 000", "216 000", "5 404 000", "750 000"):
            assert amount.replace(" ", NBSP) + NBSP + "€" in body
        assert "har vi ikke funnet at Norge har fastsatt kronebeløpene for 2026–2027" in body
        assert "Delegert forordning (EU) 2025/2152" in body


class TestTheLastVerifiedView:
    URL = "/admin/procurement/thresholdperiod/sist-kontrollert/"

    def test_a_curator_sees_every_period_and_page_oldest_first(self, admin_client):
        response = admin_client.get(self.URL)
        assert response.status_code == 200
        facts = [row["fact"] for row in response.context["rows"]]
        assert len(facts) == ThresholdPeriod.objects.count() + GuidancePage.objects.count()
        dates = [fact.last_verified for fact in facts]
        never = [d for d in dates if d is None]
        assert dates[: len(never)] == never and dates[len(never) :] == sorted(dates[len(never) :])
        assert "Sekundærkilder" in text(response)

    def test_the_changelist_links_to_it(self, admin_client):
        body = admin_client.get(reverse("admin:procurement_thresholdperiod_changelist")).content.decode()
        assert f'href="{self.URL}"' in body

    def test_staff_need_the_view_permissions(self, client):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Permission

        staff = get_user_model().objects.create_user("ansatt@veier.no", None, is_staff=True)
        client.force_login(staff)
        assert client.get(self.URL).status_code == 403
        staff.user_permissions.add(Permission.objects.get(codename="view_thresholdperiod"))
        assert client.get(self.URL).status_code == 403
        staff.user_permissions.add(Permission.objects.get(codename="view_guidancepage"))
        staff = get_user_model().objects.get(pk=staff.pk)  # fresh permission cache
        client.force_login(staff)
        assert client.get(self.URL).status_code == 200

    def test_members_and_anonymous_are_sent_to_log_in(self, client):
        from django.contrib.auth import get_user_model

        assert client.get(self.URL).status_code == 302
        member = get_user_model().objects.create_user("medlem@kommune.no", None)
        client.force_login(member)
        response = client.get(self.URL)
        assert response.status_code == 302 and "/login/" in response["Location"]


class TestTheContentInThreeLanguages:
    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("nb", "Kontakten har noen grenser"),
            ("nn", "Kontakten har nokre grenser"),
            ("en", "The contact has some limits"),
        ],
    )
    def test_the_myths_page_is_in_the_readers_language(self, client, language, expected):
        from django.conf import settings

        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert expected in text(client.get("/anskaffelser/veiledning/myter/"))

    def test_every_seeded_text_has_nynorsk_and_english(self):
        fields = {
            GuidancePage: ("title", "summary", "intro"),
            GuidanceSection: ("heading", "body", "link_text"),
            Myth: ("claim", "answer"),
            ThresholdPeriod: ("notes",),
            ThresholdUncertainty: ("explanation",),
        }
        missing = [
            (model.__name__, obj.pk, field, language)
            for model, names in fields.items()
            for obj in model.objects.all()
            for field in names
            for language in ("nn", "en")
            if getattr(obj, f"{field}_nb") and not getattr(obj, f"{field}_{language}")
        ]
        assert missing == []

    def test_the_translations_are_undone_by_the_reverse(self):
        module = importlib.import_module("procurement.migrations.0009_content_in_nynorsk_and_english")
        module.untranslate(apps, None)
        assert Myth.objects.exclude(answer_nn=None).count() == 0
        module.translate(apps, None)
        assert Myth.objects.filter(answer_nn=None).count() == 0
