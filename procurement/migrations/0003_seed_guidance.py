"""Guidance from the booklet «Veier til samarbeid» (2017), chapters 2 to 6, in plain language.

Curators edit it in admin afterwards. Only what the booklet says is written here; where it names
bodies or schemes from 2017, the pages say that the reader should check them.
"""

from django.db import migrations

BOOKLET = "Heftet «Veier til samarbeid» (Kommunal- og moderniseringsdepartementet, 2017)"
CHECK_2017 = "Opplysningene er fra 2017. Sjekk ordningene hos den som forvalter dem før dere søker."

# Each page: fields, then sections; each section: fields, then items.
PAGES = [
    {
        "slug": "kom-i-gang",
        "title": "Slik kommer dere i gang",
        "summary": "Hvordan en kommune kan gjøre det lett for sosiale entreprenører å ta kontakt, med eksempler.",
        "intro": (
            "En kommune kan legge til rette for samarbeid med sosiale entreprenører på ulike måter. Noen "
            "forankrer arbeidet politisk og administrativt, slik Asker kommune gjorde med en egen "
            "innovasjonsstrategi. Andre starter med en konkret utfordring på ett tjenesteområde, slik NAV "
            "Nordstrand i Oslo gjorde. Andre igjen lager tiltak på tvers av sektorene: Steinkjer kommune kobler "
            "næringsutvikling og utvikling av tjenestene."
        ),
        "source": BOOKLET + ", kapittel 2",
        "order": 1,
        "sections": [
            {
                "heading": "Et første steg: gjør det lett å ta kontakt",
                "body": (
                    "For en som står utenfor, kan veien inn i en kommune virke vanskelig. Kommunen kan gjøre det "
                    "lettere ved å vise på nettsidene at den er interessert i samarbeid, og gjerne invitere til "
                    "samarbeid på bestemte tjenesteområder.\n\n"
                    "Publiser kontaktinformasjon til fagpersoner for hvert fagområde, så sosiale entreprenører kan "
                    "ta kontakt direkte. Ikke alle som kaller seg sosiale entreprenører, kan bidra med det kommunen "
                    "trenger, men det er vanskelig å vite før dere har blitt kjent."
                ),
            },
            {
                "heading": "En person, ikke et system",
                "body": (
                    "For Kirstine Holst Jansen i Moving Mamas AS var det avgjørende å møte en person, ikke et helt "
                    "system. Personene hun møtte, tok eierskap til samarbeidet og hjalp henne å finne fram i "
                    "«kommunens interne jungel».\n\n"
                    "Heidi Aabrekk i Intempo AS trekker fram at en person som holder kontakten mellom leverandøren, "
                    "enhetene i kommunen og den som finansierer, er et suksesskriterium. Chris Klemmetvold i "
                    "Medarbeiderne AS sier det samme: samarbeidet avhenger av enkeltpersoners engasjement."
                ),
            },
            {
                "heading": "Slik har andre gjort det",
                "display": "punkter",
                "items": [
                    ("Næringsutvikling og tjenester sammen", "Steinkjer kommune gir entreprenørene næringsfaglige råd "
                     "og legger samtidig til rette for utvikling av tjenestene. Slik får kommunen både nye "
                     "arbeidsplasser og bedre tjenester."),
                    ("Mentorordning", "Bydel Gamle Oslo prøver ut en fadderordning der ansatte i bydelen er mentorer "
                     "for sosiale entreprenører."),
                    ("Kontorplass som møteplass", "Bydel Nordre Aker lot Moving Mamas AS bruke bydelens lokaler. "
                     "Ansatte og entreprenører møttes i hverdagen, og sosialt entreprenørskap ble mindre fremmed."),
                    ("Politisk bestilling", "Oppegård kommune vedtok at administrasjonen skal utrede hvordan kommunen "
                     "kan samarbeide med sosiale entreprenører."),
                    ("Etablerertjeneste og pilotmiljø", "Asker kommune og Akershus fylkeskommune tilbyr ti timers "
                     "veiledning og tre måneders gratis kontorplass i næringshagen «AskersHus», koblet til "
                     "fagmiljøene i kommunen. Slik kan kommunen teste nye løsninger sammen med entreprenørene."),
                    ("Arbeidsgruppe i et utvalg", "Helse- og sosialkomiteen i Bydel Grünerløkka satte ned en "
                     "arbeidsgruppe som samlet informasjon og foreslo tiltak for sosialt entreprenørskap."),
                    ("Møteplass på tvers av sektorer", "Arendal kommune, NAV Arendal og Kirkens Bymisjon Arendal "
                     "laget møteplassen Gateentreprenørene."),
                    ("Egen organisasjon for innovasjon", "Bydel Gamle Oslo opprettet Tøyen Unlimited i 2015. Den "
                     "støtter ildsjeler med ideer og bygger bro mellom miljøene i kommunen."),
                    ("Tidsbegrenset samarbeid", "Frisklivssentralen Aktiv Eiker (Øvre Eiker kommune) samarbeidet i "
                     "2016 med Knack AS og KREM Norge om film, foto og tekst som gjør frisklivssentralene kjent."),
                    ("Tilskudd for å komme i gang", "DiamondCare fikk tilskudd fra Arbeids- og velferdsdirektoratet "
                     "til å utvikle en sertifisering i bilpleieyrket, og samarbeider blant annet med Sandefjord og "
                     "Tønsberg kommune og Berg fengsel."),
                    ("Eget innovasjonsfond", "Bærum kommune opprettet i 2017 et forsknings- og innovasjonsfond som "
                     "gir risikokapital til nye ideer i egen organisasjon."),
                    ("Innovasjonsskole", "Nasjonal innovasjonsskole for kommunesektoren er et studium på 30 "
                     "studiepoeng der deltakerne gjennomfører et innovasjonsprosjekt i egen kommune."),
                ],
            },
            {
                "heading": "Se eksempler på samarbeid",
                "body": "I eksempelsamlingen finner du samarbeid mellom offentlige virksomheter og sosiale "
                "entreprenører, med hvordan de ble finansiert og hva de lærte.",
                "link_url": "/eksempler/",
                "link_text": "Se eksemplene på samarbeid",
            },
        ],
    },
    {
        "slug": "samarbeidsformer",
        "title": "Former for samarbeid",
        "summary": "Pilotavtaler, abonnement, driftsavtaler, samskaping, partnerskap og innovative anskaffelser.",
        "intro": (
            "Det finnes mange former for samarbeid mellom en offentlig virksomhet og en sosial entreprenør. Noen "
            "faller inn under anskaffelsesregelverket, andre ikke. Noen tar i bruk en løsning som finnes, andre "
            "utvikler nye løsninger sammen. Samarbeidsformen kan i seg selv være nyskapende."
        ),
        "source": BOOKLET + ", kapittel 3",
        "order": 2,
        "sections": [
            {
                "heading": "Eksempler på samarbeidsformer",
                "display": "punkter",
                "items": [
                    ("Pilotavtale", "Trondheim kommune betalte for at JodaCare AS testet en kommunikasjonsløsning "
                     "for pårørende til personer med demens i to institusjoner i et halvt år. Vil kommunen satse "
                     "mer langsiktig, må den gjennomføre en ordinær anskaffelse."),
                    ("Felles gjennomgang", "Steinkjer kommune og Noen AS gikk sammen gjennom arbeidet sitt med "
                     "personer med demens for å finne områder å samarbeide om. Konkrete prosjekter kan så bli en "
                     "anskaffelse, et forsknings- og utviklingssamarbeid eller en felles søknad om midler."),
                    ("Abonnement", "Kommuner kan abonnere på BUAs utlånstjeneste for sports- og fritidsutstyr for "
                     "5 000 kroner i året. Avtaler av denne størrelsen er under terskelverdien i regelverket."),
                    ("Løpende driftsavtale", "Kjør for livet AS har løpende driftsavtaler med kommuner om "
                     "fritidstilbud for barn og unge. Resultatene avgjør om avtalene fortsetter, og de må lyses "
                     "ut med jevne mellomrom."),
                    ("Årlig støtte og faglig samarbeid", "Småjobbsentralen Jobb1 (Kirkens Bymisjon i Bodø) har "
                     "faglig samarbeid med Bodø kommune og har fått støtte fra kommunen og fylkesmannen."),
                    ("Supplement til det offentlige tilbudet", "Forskerfabrikken tilbyr kurs i naturfag over hele "
                     "landet i samarbeid med skoler og kommuner, med to gratis plasser på hvert kurs."),
                    ("Samskaping", "NAV Nordstrand utvikler nye løsninger sammen med sosiale entreprenører. "
                     "Samarbeidet starter ofte uten midler, så søker de eksterne midler sammen, og til slutt kjøper "
                     "bydelen tjenester direkte. Det forutsetter at den samlede verdien er innenfor "
                     "terskelverdiene."),
                    ("Arena på tvers av sektorer", "«Hortensia» i Horten samlet NAV, Familiens hus, "
                     "Telemarksforsking og KREM Norge om nye tjenester for utsatte barnefamilier."),
                    ("Innovativ anskaffelse", "Nord-Trøndelag fylkeskommune inviterte leverandører og sosiale "
                     "entreprenører til dialog om hvordan anskaffelsen av tjenester til risikoutsatt ungdom burde "
                     "legges opp. Deretter ble den lyst ut i en åpen anbudskonkurranse."),
                    ("Partnerskapsavtale", "Oppegård kommune og Skaperstedet inngikk partnerskapsavtale om å "
                     "utvikle uteområdet «Generasjonsparken»."),
                    ("Fra partnerskap til samarbeidsavtale", "Trondheim kommune hadde en femårig partnerskapsavtale "
                     "med stiftelsen Livsglede for eldre. Den ga sertifiseringen «Livsgledesykehjem» og er nå "
                     "erstattet av en samarbeidsavtale."),
                    ("Rekrutteringsavtale", "NAV i Sør-Trøndelag har avtale med Hogst AS om å rekruttere folk som "
                     "ikke så lett får jobb, først og fremst tidligere straffedømte."),
                    ("Kafé i samarbeid", "Kafé X i Tromsø drives av RIO i samarbeid med Tromsø kommune og Marborg. "
                     "Kommunen dekker faste utgifter, og lokalt næringsliv betaler aktivitetene."),
                ],
            },
            {
                "heading": "Innovative anskaffelser",
                "body": (
                    "I en innovativ anskaffelse inviterer innkjøperen leverandører og brukere til å beskrive behovet "
                    "før anskaffelsen lyses ut. Det gir bedre kunnskap om markedet, også om sosiale entreprenører.\n\n"
                    "Konkurransegrunnlaget skal beskrive behovet og hvilke resultater og effekter dere vil oppnå, "
                    "ikke løsningen. Er løsningen beskrevet i detalj, er det ikke lenger rom for innovasjon.\n\n"
                    "Ender samarbeidet i en anskaffelse, må dere følge lov og forskrift og sørge for likebehandling, "
                    "gjennomsiktighet og etterprøvbarhet for alle mulige leverandører."
                ),
                "link_url": "/anskaffelser/",
                "link_text": "Finn ut hvilke regler som gjelder for kjøpet",
            },
        ],
    },
    {
        "slug": "myter",
        "title": "Seks myter om offentlige anskaffelser",
        "summary": "Hva regelverket faktisk sier om anbud, kunngjøring, dialog, små leverandører og piloter.",
        "intro": (
            "Reglene for offentlige anskaffelser er ikke så rigide som mange tror. Det finnes et handlingsrom som "
            "offentlige virksomheter og sosiale entreprenører kan bruke. Men det offentlige må passe på at "
            "leverandørene blir behandlet likt."
        ),
        "source": BOOKLET + ", kapittel 6 (tekst fra Direktoratet for forvaltning og IKT)",
        "order": 3,
        "show_myths": True,
        "sections": [],
    },
    {
        "slug": "finansiering",
        "title": "Penger til samarbeidet",
        "summary": "Tilskuddsordninger, velferdsobligasjoner og midler i helse- og omsorgssektoren, med årskalender.",
        "intro": "Her er noen mulige kilder til å finansiere et samarbeid. " + CHECK_2017,
        "source": BOOKLET + ", kapittel 3",
        "order": 4,
        "sections": [
            {
                "heading": "Kalender for tilskuddene",
                "display": "tidslinje",
                "items": [
                    {
                        "title": "Utlysning",
                        "text": "Arbeids- og velferdsdirektoratet lyser normalt ut tilskudd til sosialt "
                        "entreprenørskap og tilskudd til utvikling av sosiale tjenester i NAV-kontorene.",
                        "when": "Oktober–november",
                        "start_month": 10,
                        "end_month": 11,
                        "highlight": "Følg med på nav.no",
                    },
                    {
                        "title": "Søknadsfrist",
                        "text": "Søknadsfristen for begge tilskuddene er senest ved utgangen av desember samme år.",
                        "when": "Utgangen av desember",
                        "start_month": 12,
                        "end_month": 12,
                    },
                ],
            },
            {
                "heading": "Tilskudd til sosiale entreprenører og sosialt entreprenørskap",
                "body": "Arbeids- og velferdsdirektoratet forvalter en tilskuddsordning for utvikling av sosialt "
                "entreprenørskap som skal bekjempe fattigdom og sosial eksklusjon.",
                "link_url": "https://www.nav.no/",
                "link_text": "Les mer på nav.no",
            },
            {
                "heading": "Tilskudd til utvikling av sosiale tjenester i NAV-kontorene",
                "body": "Arbeids- og velferdsdirektoratet forvalter også et tilskudd til utvikling av sosiale "
                "tjenester i NAV-kontorene.",
                "link_url": "https://www.nav.no/",
                "link_text": "Les mer på nav.no",
            },
            {
                "heading": "Velferdsobligasjoner",
                "body": (
                    "En velferdsobligasjon er en kontrakt mellom det offentlige, private investorer og en "
                    "leverandør, for eksempel en sosial entreprenør. Målet er å løse et sosialt problem eller få "
                    "bedre resultater på et velferdsområde. Det offentlige betaler bare hvis leverandøren når målet "
                    "i kontrakten.\n\n"
                    "Velferdsobligasjoner var i 2017 lite brukt i Norge. KS arbeidet med veiledning for kommunene."
                ),
                "link_url": "https://www.ks.no/",
                "link_text": "Les mer på ks.no",
            },
            {
                "heading": "Midler i helse- og omsorgssektoren",
                "body": "Listen er ikke fullstendig.",
                "display": "punkter",
                "items": [
                    ("InnoMed", "Nasjonalt kompetansenettverk for behovsdrevet innovasjon i helse- og "
                     "omsorgstjenesten har øremerkede midler til kommunesektoren."),
                    ("Sentre for omsorgsforskning og utviklingssentre", "Sentrene for omsorgsforskning og "
                     "utviklingssentrene for sykehjem og hjemmetjenester har midler å søke på for å dokumentere, "
                     "samle og spre innovasjon i og mellom kommunene."),
                    ("Skjønnsmidler", "Fylkesmannsembetene har skjønnsmidler som kan gå til innovasjonsprosjekter i "
                     "kommunene."),
                ],
            },
        ],
    },
    {
        "slug": "planaret",
        "title": "Kommunens plan- og budsjettår",
        "summary": "Når kommunen bestemmer neste års budsjett, og når det er lurt å ta kontakt.",
        "intro": (
            "Kommuner og fylkeskommuner lager fireårige økonomiplaner og årlige budsjetter. Kommunestyret (og "
            "fylkestinget) vedtar selv økonomiplanen og årsbudsjettet. Begge skal være i økonomisk balanse og "
            "bygge på realistiske forventninger til inntekter og utgifter."
        ),
        "source": BOOKLET + ", kapittel 4",
        "order": 5,
        "sections": [
            {
                "heading": "Året i kommunen",
                "display": "tidslinje",
                "items": [
                    {
                        "title": "Foreløpige budsjettrammer",
                        "text": "I mange kommuner fastsettes foreløpige budsjettrammer for hver sektor for neste år. "
                        "Prøv å få kommunen til å foreslå en satsing på feltet du vil levere på.",
                        "when": "Første halvår",
                        "start_month": 1,
                        "end_month": 6,
                        "highlight": "Godt tidspunkt å ta kontakt",
                    },
                    {
                        "title": "Budsjettforslagene blir kjent",
                        "text": "Kommunenes budsjettforslag offentliggjøres normalt før statsbudsjettet legges fram.",
                        "when": "Før statsbudsjettet",
                    },
                    {
                        "title": "Statsbudsjettet",
                        "text": "Statsbudsjettet legges fram. Kommunenes budsjetter justeres etter det.",
                        "when": "Begynnelsen av oktober",
                        "start_month": 10,
                        "end_month": 10,
                    },
                    {
                        "title": "Budsjettet vedtas",
                        "text": "Kommunestyret behandler og vedtar budsjettet for neste år.",
                        "when": "Desember",
                        "start_month": 12,
                        "end_month": 12,
                    },
                ],
            },
            {
                "heading": "Sett deg inn i planene",
                "body": (
                    "Les kommunens nettsider og finn planer og saker som gjelder ditt felt. Ta kontakt med en leder "
                    "eller ansatt på feltet, og still spørsmål. Finn ut hva politikerne mener: gå på møter i "
                    "kommunestyret eller i utvalg på ditt felt for å lytte og bli kjent."
                ),
            },
        ],
    },
    {
        "slug": "forberedelse",
        "title": "Sjekkliste for sosiale entreprenører",
        "summary": "Slik forbereder du deg før du tar kontakt med kommunen og før en konkurranse.",
        "intro": (
            "Kommunen kjenner ofte ikke tjenesten din fra før. Da handler det mye om å komme i dialog med de riktige "
            "menneskene og å tenke langsiktig."
        ),
        "source": BOOKLET + ", kapittel 4",
        "order": 6,
        "sections": [
            {
                "heading": "Før du tar kontakt",
                "display": "sjekkliste",
                "items": [
                    ("Prøv å «drepe ideen»", "Diskuter ideen med kjente i kommunal sektor og let etter absolutte "
                     "stoppere, slik NYBY gjorde. Det er lett å bli forelsket i egen idé."),
                    ("Kontakt ulike deler av kommunen", "Både toppledelsen, som ser de strategiske mulighetene, og "
                     "fagavdelingene, som må stå bak en varig avtale."),
                    ("Vær konkret", "Avgrens hva du vil at kommunen skal ta stilling til."),
                    ("Presenter ideen som et supplement", "Vis at du vil samarbeide med kommunens tjenester, ikke "
                     "konkurrere med dem."),
                    ("Kjenn de lokale utfordringene", "Knytt tilbudet ditt til utfordringene akkurat der."),
                    ("Bruk nettverkene", "Kommuner hører om tilbud fra nabokommuner, nettverk og konferanser. Når én "
                     "kommune er med, følger ofte andre etter."),
                ],
            },
            {
                "heading": "Slik forbereder du deg til konkurranser",
                "display": "sjekkliste",
                "items": [
                    ("", "Ha en kort og lettfattet beskrivelse av hva du tilbyr."),
                    ("", "Lytt til hva kommunen sier, og grav litt i behovene og sammenhengene."),
                    ("", "Sett deg inn i situasjonen bak kommunens behov."),
                    ("", "Vis hvordan du gir kommunen verdi, og beskriv eller tallfest verdien."),
                    ("", "Vær aktiv overfor kommunen i stedet for å vente på beskjed."),
                    ("", "Tål spenning og friksjon i kommunikasjonen."),
                ],
            },
            {
                "heading": "Finn ut av dette",
                "display": "sjekkliste",
                "items": [
                    ("", "Hvilke avtaler har kommunen i dag på ditt område?"),
                    ("", "Når går avtalene ut?"),
                    ("", "Når starter forberedelsene til en aktuell konkurranse vanligvis?"),
                    ("", "Har kommunen nye behov det kommende året?"),
                ],
            },
            {
                "heading": "Timing betyr mye",
                "body": (
                    "Innkjøpsavdelinger har ofte dårlig tid. Sier en offentlig ansatt nei til et møte når du ringer, "
                    "kan det bare bety at vedkommende ikke forbereder en anskaffelse på ditt felt akkurat nå.\n\n"
                    "Direktoratet for forvaltning og økonomistyring (DFØ) har veiledning for leverandører på "
                    "anskaffelser.no, blant annet filmer om å planlegge, skrive og følge opp tilbud."
                ),
                "link_url": "https://anskaffelser.no/leverandorer",
                "link_text": "Veiledning for leverandører på anskaffelser.no",
            },
        ],
    },
    {
        "slug": "maale-effekt",
        "title": "Måle effekt",
        "summary": "Metoder for å vise verdien av en ny løsning: SROI, Measuring Up, SoImpact og Ferds målemodell.",
        "intro": (
            "Det er krevende å måle gevinster og effekter, men viktig for å vite om pengene gir de resultatene "
            "dere ønsker. Sammenhengen mellom tiltak og effekt er sjelden entydig, så målingene krever tid og "
            "kompetanse. Når både kommunen og den sosiale entreprenøren måler systematisk, åpner det muligheter."
        ),
        "source": BOOKLET + ", kapittel 5",
        "order": 7,
        "sections": [
            {
                "heading": "Social Return on Investment (SROI)",
                "body": "SROI forsøker å regne ut samfunnseffekten av et tiltak i kroner. Den danske boken «Kan det "
                "betale sig?» (Lindgaard, Thorgaard og Wiene) gir en innføring. Metoden gjør det mulig å:",
                "display": "punkter",
                "items": [
                    ("", "dokumentere verdi for innbyggerne, for kommunen og for samfunnet"),
                    ("", "regne ut både velferdseffekter og økonomiske effekter av et tiltak"),
                    ("", "vurdere nytten av tiltak som er gjennomført, pågår eller er planlagt"),
                ],
            },
            {
                "heading": "Measuring Up",
                "body": "Measuring Up! fra Inspiring Metrics er en sjekkliste som mange mindre aktører i "
                "Storbritannia bruker. Den kan også passe i Norge.",
            },
            {
                "heading": "SoImpact – sju steg",
                "body": (
                    "SoCentral har laget metoden og verktøyet SoImpact for å måle resultater, virkninger og effekter. "
                    "Resultater og virkninger måles direkte, mens effekten i større grad måles med statistikk og "
                    "forskning som finnes fra før. Resultatene vises i enkle figurer på én side.\n\n"
                    "Programmet Boost Refugee (Oslo kommune, Lundin Foundation og SoCentral) bruker metoden, med "
                    "felles måleindikatorer som for eksempel hvor mange nyankomne flyktninger som har fått jobb."
                ),
                "display": "steg",
                "items": [
                    ("", "Beskriv situasjonen i dag."),
                    ("", "Lag overordnede mål."),
                    ("", "Analyser målgruppen."),
                    ("", "Lag måleindikatorer for resultat, virkning og effekt."),
                    ("", "Forbered målingene og mål før tiltaket starter (nullpunktsmåling)."),
                    ("", "Mål jevnlig."),
                    ("", "Evaluer og juster jevnlig."),
                ],
            },
            {
                "heading": "Ferd Sosiale Entreprenørers målemodell",
                "body": (
                    "Modellen måler både sosiale resultater og økonomisk bærekraft. Sosiale resultater måles i antall "
                    "personer som påvirkes, delt i livsendrende (høy) og livsforbedrende (lav) påvirkning, og i "
                    "kvalitet med egne suksesskriterier, effekteksempler og minst én «god historie» i året. "
                    "Økonomisk bærekraft måles i inntekt og driftsresultat.\n\n"
                    "lyk-z & døtre bruker modellen: én gang i året måler de hvor mange tidligere deltakere som er i "
                    "skole, utdanning eller jobb, og en brukerundersøkelse måler deltakernes utvikling."
                ),
            },
            {
                "heading": "Andre eksempler",
                "display": "punkter",
                "items": [
                    ("JodaCare", "Målinger viste at pårørende til personer med demens opplevde mer støtte og mindre "
                     "stress, og at helsepersonellet brukte mindre tid på telefonen."),
                    ("Forskerfabrikken", "En undersøkelse ti år etter kursene viste at 8 av 10 tidligere deltakere "
                     "hadde fordypet seg i realfag på videregående, mot 4 av 10 på landsbasis. Det er vanskelig å "
                     "si om kursene skapte interessen, eller om de fanget opp elever som var interessert fra før."),
                ],
            },
        ],
    },
]

MYTHS = [
    (
        1,
        "Alle innkjøp må på anbud",
        "Det er ikke riktig. Verdien på anskaffelsen avgjør hvilke deler av regelverket som gjelder. Kjøp under "
        "100 000 kroner er unntatt kravene.\n\n"
        "For alle kjøp gjelder likevel at den som kjøper, skal sørge for effektiv ressursbruk og for at folk kan ha "
        "tillit til at offentlige anskaffelser skjer på en samfunnstjenlig måte. Den som kjøper, skal følge "
        "prinsippene om konkurranse, likebehandling, forutberegnelighet, etterprøvbarhet og forholdsmessighet, og "
        "vinneren av en konkurranse skal velges etter objektive og ikke-diskriminerende kriterier.",
    ),
    (
        2,
        "Alle anskaffelser over 100 000 kroner må kunngjøres",
        "Det er ikke riktig. Da ny lov og forskrift trådte i kraft 1. januar 2017, ble den nasjonale "
        "terskelverdien hevet fra 500 000 til 1 100 000 kroner. Fra 6. april 2018 er den 1 300 000 kroner. Under "
        "den nasjonale terskelverdien er det ingen plikt til å kunngjøre.\n\n"
        "Del I i anskaffelsesforskriften gjelder likevel: den som kjøper, må for eksempel føre protokoll og følge "
        "reglene om taushetsplikt og habilitet. Heftet sier at det normalt betyr å henvende seg til minst tre "
        "leverandører; det er et råd, ikke et krav i loven.",
    ),
    (
        3,
        "Jeg er offentlig ansatt, jeg kan ikke snakke med leverandører",
        "Det er feil. Før en konkurranse er kunngjort, er det ingen begrensninger på kontakt med leverandører, og "
        "kontakten kan være svært nyttig. Dere får vite mer om mulighetene og om markedet.\n\n"
        "Husk hele tiden å sikre likebehandling, gjennomsiktighet og etterprøvbarhet, ikke fortelle andre om "
        "leverandørenes forretningshemmeligheter, og sørge for at leverandører som har gitt råd, ikke får en "
        "urimelig fordel i konkurransen.",
    ),
    (
        4,
        "Det offentlige kan ikke kjøpe fra små leverandører",
        "Ingen regler sier at det offentlige skal velge store leverandører. Alle som oppfyller vilkårene i "
        "utlysningen, kan levere. Men strenge krav kan stenge små og nye virksomheter ute, for eksempel krav om "
        "regnskap for de tre siste årene. Still ikke slike krav hvis de ikke er nødvendige eller relevante.",
    ),
    (
        5,
        "Vi kan ikke kjøpe en test eller en pilot",
        "Jo. Dere kan inngå kontrakter om midlertidig utviklingssamarbeid med sosiale entreprenører, med en kontrakt "
        "som bare gjelder i en testperiode. Vurder hvordan kravene i regelverket skal oppfylles. Skal tjenesten "
        "senere settes i drift i større skala, kan det bli en egen anskaffelse.",
    ),
    (
        6,
        "Vi har ikke lyst ut en konkurranse nå, og kan ikke kjøpe noe fra deg",
        "Dere kan følge opp tips og ideer fra leverandører, for eksempel med en leverandørkonferanse eller andre "
        "møteplasser, eller samle innspillene og gå i dialog når det er aktuelt å planlegge en konkurranse.\n\n"
        "Ingenting hindrer at en konkurranse starter etter initiativ fra en leverandør. Men den som tok "
        "initiativet, må ikke få en urimelig fordel; da må leverandøren avvises. Alle som vil levere tilbud, skal "
        "behandles likt.",
    ),
]

ITEM_FIELDS = ("title", "text", "when", "start_month", "end_month", "highlight", "link_url", "link_text")


def seed(apps, schema_editor):
    GuidancePage = apps.get_model("procurement", "GuidancePage")
    GuidanceSection = apps.get_model("procurement", "GuidanceSection")
    GuidanceItem = apps.get_model("procurement", "GuidanceItem")
    Myth = apps.get_model("procurement", "Myth")
    for page_data in PAGES:
        page_fields = {key: value for key, value in page_data.items() if key != "sections"}
        page = GuidancePage.objects.create(**page_fields)
        for section_order, section_data in enumerate(page_data["sections"], start=1):
            section_fields = {key: value for key, value in section_data.items() if key != "items"}
            section = GuidanceSection.objects.create(page=page, order=section_order, **section_fields)
            for item_order, item in enumerate(section_data.get("items", []), start=1):
                fields = item if isinstance(item, dict) else {"title": item[0], "text": item[1]}
                unknown = set(fields) - set(ITEM_FIELDS)
                assert not unknown, unknown
                GuidanceItem.objects.create(section=section, order=item_order, **fields)
    for number, claim, answer in MYTHS:
        Myth.objects.create(number=number, claim=claim, answer=answer)


def unseed(apps, schema_editor):
    apps.get_model("procurement", "GuidancePage").objects.filter(slug__in=[page["slug"] for page in PAGES]).delete()
    apps.get_model("procurement", "Myth").objects.filter(number__in=[number for number, _, _ in MYTHS]).delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0002_seed_threshold_periods")]

    operations = [migrations.RunPython(seed, unseed)]
