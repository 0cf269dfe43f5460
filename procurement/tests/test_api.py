import pytest

pytestmark = [
    pytest.mark.django_db,
]

API = "/api/v1/anskaffelser/regime"
GOOD = {"verdi": "1 300 000", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester", "dato": "2024-05-01"}


def call(client, **params):
    return client.get(API, {**GOOD, **params})


class TestAnAnswer:
    def test_it_gives_the_regime_announcement_period_and_thresholds(self, client):
        response = call(client)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["regime"] == "del-2"
        assert data["kunngjoring"] == "doffin"
        assert data["periode_fra"] == "2024-03-14"
        assert data["periode_til"] == "2026-04-20"
        assert data["verdi"] == 1_300_000
        assert data["terskelverdier"] == {
            "nedre_grense": 100_000,
            "nasjonal_terskelverdi": 1_300_000,
            "eos_statlig": 1_490_000,
            "eos_andre_oppdragsgivere": 2_300_000,
            "eos_bygg_anlegg": 57_800_000,
            "eos_helse_sosial": 7_800_000,
        }
        assert [t["navn"] for t in data["terskelverdier_brukt"]] == [
            "nedre_grense",
            "nasjonal_terskelverdi",
            "eos_andre_oppdragsgivere",
        ]
        assert data["neste_terskelverdi"] == {
            "navn": "eos_andre_oppdragsgivere",
            "tekst": "EØS-terskelverdi, kommuner og andre oppdragsgivere (varer og tjenester)",
            "verdi": 2_300_000,
            "usikkerhet": None,
        }
        assert data["sist_kontrollert"] == "2026-11-01"
        assert {"FOA § 8-17", "FOA § 10-5"} <= {ref["tekst"] for point in data["krav"] for ref in point["hjemmel"]}
        assert data["reservasjon"]["paragrafer"] == ["FOA § 8-8"]
        assert data["myter"] == [3, 4, 5, 6]

    @pytest.mark.parametrize(
        ("params", "regime", "announcement", "period"),
        [
            ({"verdi": "99 999", "dato": "2017-01-01"}, "utenfor-regelverket", "ingen", "2017-01-01"),
            ({"verdi": "100 000", "dato": "2017-01-01"}, "del-1", "ingen", "2017-01-01"),
            ({"verdi": "1 099 999", "dato": "2017-01-01"}, "del-1", "ingen", "2017-01-01"),
            ({"verdi": "1 100 000", "dato": "2017-01-01"}, "del-2", "doffin", "2017-01-01"),
            ({"verdi": "1 100 000", "dato": "2018-04-05"}, "del-2", "doffin", "2017-01-01"),
            ({"verdi": "1 100 000", "dato": "2018-04-06"}, "del-1", "ingen", "2018-04-06"),
            ({"verdi": "1 490 000", "oppdragsgiver": "statlig"}, "del-3", "ted", "2024-03-14"),
            ({"verdi": "1 489 999", "oppdragsgiver": "statlig"}, "del-2", "doffin", "2024-03-14"),
            ({"verdi": "7 800 000", "kategori": "helse-sosial"}, "del-4", "ted", "2024-03-14"),
            ({"verdi": "7 799 999", "kategori": "helse-sosial"}, "del-1", "ingen", "2024-03-14"),
            ({"verdi": "57,8 mill", "kategori": "bygg-anlegg"}, "del-3", "ted", "2024-03-14"),
            ({"verdi": "57 799 999", "kategori": "bygg-anlegg"}, "del-2", "doffin", "2024-03-14"),
        ],
    )
    def test_it_follows_the_rules_to_the_krone_and_the_day(self, client, params, regime, announcement, period):
        data = call(client, **params).json()
        assert (data["regime"], data["kunngjoring"], data["periode_fra"]) == (regime, announcement, period)

    @pytest.mark.parametrize(
        "verdi",
        ["1 300 000", "1300000", "1,3 mill", "1,3 millioner", "1.300.000", "1 300 000 kr", "1\u00a0300\u00a0000"],
    )
    def test_it_reads_norwegian_number_formats(self, client, verdi):
        assert call(client, verdi=verdi).json()["verdi"] == 1_300_000

    def test_it_shows_uncertain_values_with_their_source(self, client):
        data = call(client, verdi="2 200 000", dato="2022-06-01").json()
        assert data["regime"] == "del-3"
        assert "gmco.no" in data["terskelverdier_brukt"][-1]["usikkerhet"]
        assert "gmco.no" in data["usikkerheter"]["eos_andre_oppdragsgivere"]

    def test_a_missing_date_means_today(self, client, today):
        response = client.get(API, {"verdi": "1 mill", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester"})
        assert response.json()["dato"] == today.isoformat()

    def test_it_computes_the_value_from_a_monthly_price(self, client):
        data = client.get(
            API,
            {"manedsverdi": "27 084", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester", "dato": "2024-05-01"},
        ).json()
        assert (data["verdi"], data["regime"]) == (1_300_032, "del-2")

    def test_it_only_answers_get(self, client):
        assert client.post(API, GOOD).status_code == 405


# The keys the API had before the reservation was added: they must all stay, with the same meaning.
KEYS_BEFORE = {
    "regime", "regime_tekst", "kunngjoring", "kunngjoring_tekst", "verdi", "oppdragsgiver", "kategori", "dato",
    "periode_fra", "periode_til", "terskelverdier", "terskelverdier_brukt", "neste_terskelverdi", "krav",
    "muligheter", "merknader", "myter", "usikkerheter", "kilder", "periode_merknader", "sist_kontrollert",
}  # fmt: skip


class TestThe2026Periods:
    def test_the_keys_are_unchanged_apart_from_the_reservation(self, client):
        assert set(call(client).json()) == KEYS_BEFORE | {"reservasjon"}

    @pytest.mark.parametrize(
        ("dato", "verdi", "regime", "period"),
        [
            ("2026-06-30", "499 999", "del-1", "2026-04-21"),
            ("2026-07-01", "499 999", "utenfor-regelverket", "2026-07-01"),
            ("2026-07-01", "500 000", "del-1", "2026-07-01"),
            ("2026-07-01", "1 299 999", "del-1", "2026-07-01"),
            ("2026-07-01", "1 300 000", "del-2", "2026-07-01"),
            ("2026-07-01", "2 499 999", "del-2", "2026-07-01"),
            ("2026-07-01", "2 500 000", "del-3", "2026-07-01"),
        ],
    )
    def test_from_1_july_2026_the_lower_limit_is_500_000(self, client, dato, verdi, regime, period):
        data = call(client, dato=dato, verdi=verdi).json()
        assert (data["regime"], data["periode_fra"]) == (regime, period)

    def test_the_lower_limit_is_shown_with_its_doubt(self, client):
        data = call(client, dato="2026-07-01", verdi="400 000").json()
        assert data["terskelverdier"]["nedre_grense"] == 500_000
        assert "Sekundærkilder" in data["terskelverdier_brukt"][0]["usikkerhet"]
        assert "Lovdata" in data["usikkerheter"]["nedre_grense"]
        assert data["sist_kontrollert"] == "2026-11-30"
        assert data["periode_til"] is None

    def test_the_principles_carry_a_doubt_after_30_june_2026(self, client):
        before = call(client, dato="2026-06-30", verdi="600 000").json()
        after = call(client, dato="2026-07-01", verdi="600 000").json()
        title = {item["id"]: item["tittel"] for item in before["krav"]}["prinsipper"]
        assert title == "Følg de grunnleggende prinsippene"
        assert "ikke fått bekreftet" in {item["id"]: item["tekst"] for item in after["krav"]}["prinsipper"]


class TestTheReservation:
    def test_it_lists_the_paragraphs_by_regime_and_category(self, client):
        data = call(client, verdi="8 mill", kategori="helse-sosial").json()["reservasjon"]
        assert data["kan_reserveres"] is True
        assert data["paragrafer"] == ["FOA § 30-2a", "FOA § 30-3"]
        assert [item["id"] for item in data["ordninger"]] == ["arbeidsintegrerende", "ideelle"]
        assert data["ordninger"][1]["hjemmel"][0]["lenke"].endswith("%C2%A730-2a")

    def test_below_the_lower_limit_there_is_nothing_to_reserve(self, client):
        data = call(client, verdi="50 000").json()["reservasjon"]
        assert data == {"kan_reserveres": False, "paragrafer": [], "ordninger": []}

    def test_it_counts_confirmed_entrepreneurs_in_the_county_and_links_the_directory(self, client):
        from django.utils import timezone

        from directory.tests import factories

        now = timezone.now()
        factories.entrepreneur(
            "I Trøndelag", counties=[factories.county("50")], declares_work_integration=True,
            work_integration_confirmed_at=now,
        )  # fmt: skip
        factories.entrepreneur("Ikke bekreftet", nationwide=True, declares_work_integration=True)
        factories.entrepreneur(
            "I Oslo", counties=[factories.county("03")], declares_work_integration=True,
            work_integration_confirmed_at=now,
        )  # fmt: skip
        (work,) = call(client, fylke="50").json()["reservasjon"]["ordninger"]
        assert work["bekreftede_entreprenorer"] == 1
        assert work["fylke"] == "50"
        assert work["katalog"] == "http://testserver/entreprenorer/?arbeidsintegrerende=ja&fylke=50"
        (everywhere,) = call(client).json()["reservasjon"]["ordninger"]
        assert everywhere["bekreftede_entreprenorer"] == 2 and everywhere["fylke"] is None


class TestBadInput:
    @pytest.mark.parametrize(
        ("params", "parameter", "code", "message"),
        [
            ({"verdi": "-100"}, "verdi", "negative", "Beløpet kan ikke være negativt."),
            ({"verdi": "\u2212100"}, "verdi", "negative", "Beløpet kan ikke være negativt."),
            ({"verdi": "hundre"}, "verdi", "invalid", "Skriv beløpet i kroner"),
            ({"verdi": "1,3"}, "verdi", "not_whole_kroner", "Oppgi hele kroner"),
            ({"verdi": ""}, "verdi", "required", "Skriv inn verdien av kjøpet"),
            ({"oppdragsgiver": "privat"}, "oppdragsgiver", "invalid_choice", "«privat» er ikke en kjent oppdragsgiver"),
            ({"oppdragsgiver": ""}, "oppdragsgiver", "required", "Velg hvem som kjøper."),
            ({"kategori": "it"}, "kategori", "invalid_choice", "«it» er ikke en kjent kategori"),
            ({"kategori": ""}, "kategori", "required", "Velg hva dere kjøper."),
            ({"dato": "2016-12-31"}, "dato", "before_first_period", "Veiviseren gjelder fra 1. januar 2017"),
            ({"dato": "1999-01-01"}, "dato", "before_first_period", "Veiviseren gjelder fra 1. januar 2017"),
            ({"dato": "31.02.2024"}, "dato", "invalid", "Skriv datoen som dd.mm.åååå"),
            ({"antall_ar": "to", "arsverdi": "100 000", "verdi": ""}, "antall_ar", "invalid", "helt tall"),
            ({"fylke": "99"}, "fylke", "invalid_choice", "Vi fant ikke fylket «99»"),
            ({"fylke": "5\x000"}, "fylke", "invalid_choice", "Vi fant ikke fylket"),
            ({"verdi": "1\x00 mill"}, "verdi", "invalid", "Skriv beløpet i kroner"),
            ({"verdi": "9" * 5000}, "verdi", "invalid", "Skriv beløpet i kroner"),
        ],
    )
    def test_it_answers_400_naming_the_parameter_and_why(self, client, params, parameter, code, message):
        response = call(client, **params)
        assert response.status_code == 400
        errors = response.json()["feil"]
        assert list(errors) == [parameter]
        assert errors[parameter][0]["kode"] == code
        assert message in errors[parameter][0]["melding"]

    def test_it_names_every_wrong_parameter_at_once(self, client):
        response = client.get(API, {"verdi": "-1", "oppdragsgiver": "x", "kategori": "y", "dato": "2010-01-01"})
        assert response.status_code == 400
        assert set(response.json()["feil"]) == {"verdi", "oppdragsgiver", "kategori", "dato"}

    def test_no_parameters_at_all_names_the_required_ones(self, client):
        response = client.get(API)
        assert response.status_code == 400
        assert set(response.json()["feil"]) == {"verdi", "oppdragsgiver", "kategori"}
