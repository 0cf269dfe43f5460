"""The check set: needs written the way a municipal employee describes their own problem, kept apart
from the tuning set (evaluation_set.py). No weight and no concept of the thesaurus is tuned on it.

Each need is deliberately paraphrased («hukommelsessykdom» for «demens», «sonet dom» for
«straffedømte», «komme seg ut på tur» for «fritidsutstyr», «etter utskrivning fra døgnopphold» for
«rus») and its ticks are sparse or slightly off, as they are when someone fills in the form in a
hurry. The expected entrepreneurs are those the booklet justifies; `source` cites the line of the
booklet's text (docs/benchmarks.md, «Check set», lists the lines). Written on 30 November 2026,
after the thesaurus seed (matchmaking/concept_seed.py) and before any change to the scoring.
"""

from matchmaking.tests.evaluation_set import EvaluationNeed

CHECK_SET: tuple[EvaluationNeed, ...] = (
    EvaluationNeed(
        title="Pårørende til beboere med hukommelsessykdom vil vite hvordan det går",
        challenge=(
            "Familiene til dem som har Alzheimer eller annen hukommelsessykdom hos oss, ringer ofte til "
            "avdelingen. Pleierne blir avbrutt, og beskjeder blir borte når vaktene bytter."
        ),
        effects="Familiene skal få vite det de trenger uten å ringe, og pleierne skal få mer ro i arbeidsdagen.",
        place="4204",
        service_areas=("helse",),
        target_groups=(),
        expected=("jodacare",),
        source="linje 126 og 266 (JodaCare: kommunikasjonsløsning mellom sykehjem og pårørende til demente)",
    ),
    EvaluationNeed(
        title="Gå gjennom tilbudet til glemske eldre som bor hjemme",
        challenge=(
            "Vi har mange innbyggere som har begynt å glemme og som fortsatt bor i eget hjem. Vi er usikre på "
            "om tjenestene våre henger sammen for dem."
        ),
        effects="En felles gjennomgang som viser hvor vi bør sette inn innsatsen, og hva vi kan gjøre sammen.",
        place="5006",
        service_areas=(),
        target_groups=(),
        expected=("noen",),
        source="linje 128 (Noen AS: felles gjennomgang av arbeidet med demente i Steinkjer)",
    ),
    EvaluationNeed(
        title="Besøk og selskap til de eldste på institusjonen",
        challenge=(
            "Flere av de eldste hos oss sitter alene store deler av dagen. Personalet har ikke tid til lange "
            "samtaler, og mange har få som kommer innom."
        ),
        effects="Mer prat, latter og fellesskap i hverdagen, gjerne med yngre folk som kommer fast.",
        place="5001",
        service_areas=("kultur-og-fritid",),
        target_groups=("eldre",),
        expected=("generasjonsmotet-m", "livsglede-for-eldre"),
        source="linje 29–30 (Generasjonsmøtet M: ungdommer som besøksvenner på sykehjem) og 148 (Livsglede for eldre)",
    ),
    EvaluationNeed(
        title="Jobb til dem som har sonet dom",
        challenge=(
            "Når folk kommer ut etter å ha sonet dom, har mange verken arbeid eller nettverk, og en del havner "
            "raskt tilbake i gamle miljøer."
        ),
        effects="Flere får fast arbeid og lønn etter soningen, og færre begår nye lovbrudd.",
        place="50",
        service_areas=("arbeidsinkludering",),
        target_groups=(),
        expected=("hogst", "diamondcare-norge"),
        source="linje 150 (Hogst AS: rekrutterer tidligere straffedømte) og 114 (DiamondCare: Berg fengsel)",
    ),
    EvaluationNeed(
        title="Noe å gå til for innsatte som snart slipper ut",
        challenge=(
            "Innsatte som skal løslates i distriktet vårt, har ofte ingen plan for hva de skal gjøre dagen "
            "etter. Vi vil ha en yrkesrettet vei inn i arbeid som kan starte allerede under soningen."
        ),
        effects="Et fagbrev eller en sertifisering og en jobb å gå til etter løslatelsen.",
        place="3905",
        service_areas=(),
        target_groups=(),
        expected=("diamondcare-norge", "hogst"),
        source="linje 114 (DiamondCare: sertifisering, samarbeid med Tønsberg og Berg fengsel) og 150 (Hogst)",
    ),
    EvaluationNeed(
        title="Alle barn skal kunne komme seg ut på tur",
        challenge=(
            "Når skolen eller klubben skal ut i skog og mark, blir noen barn hjemme fordi familien ikke har ski, "
            "sovepose eller gode sko. Foreldrene skammer seg over å si det."
        ),
        effects="Alle barn kan være med ut i naturen, uten at det koster familien noe.",
        place="3909",
        service_areas=(),
        target_groups=("barn-og-unge",),
        expected=("bua",),
        source="linje 130 (BUA: utlånstjeneste for sport- og fritidsutstyr som kommuner abonnerer på) og 205",
    ),
    EvaluationNeed(
        title="Et sted å være etter utskrivning fra døgnopphold",
        challenge=(
            "Når folk blir skrevet ut etter døgnopphold for avhengighet, går de ofte rett tilbake til de samme "
            "vennene og de samme stedene. Kveldene og helgene er verst."
        ),
        effects=(
            "Et trygt sted å gå til uten alkohol og stoff, der de som har vært gjennom det samme, er med og bestemmer."
        ),
        place="5501",
        service_areas=("helse",),
        target_groups=(),
        expected=("rio", "marborg"),
        source="linje 152 (Kafé X i Tromsø, drevet av RIO i samarbeid med Marborg)",
    ),
    EvaluationNeed(
        title="Ungdom som verken går på skole eller har jobb",
        challenge=(
            "Vi ser en gruppe unge voksne som har sluttet på videregående og som sitter hjemme. NAV når dem "
            "ikke, og de har mistet troen på seg selv."
        ),
        effects=(
            "At de kommer i gang med skole, jobb eller noe annet meningsfylt, og får tro på at de kan "
            "lede sitt eget liv."
        ),
        place="4204",
        service_areas=(),
        target_groups=("barn-og-unge",),
        expected=("lyk-z-og-dotre", "kjor-for-livet"),
        source="linje 262 (lyk-z & døtre: ledelsesprogram for unge utenfor skole og jobb) og 132 (Kjør for livet)",
    ),
    EvaluationNeed(
        title="Få ungdomsskoleelever til å like teknologi",
        challenge=(
            "Elevene våre synes fysikk og kjemi er kjedelig, og skolen har lite utstyr til å gjøre praktiske "
            "eksperimenter."
        ),
        effects=(
            "Elever som gleder seg til timene og som tør å velge teknologifag senere. Også barn som "
            "ikke har råd skal få være med."
        ),
        place="3203",
        service_areas=(),
        target_groups=(),
        expected=("forskerfabrikken",),
        source="linje 136 (Forskerfabrikken: kurs i naturfag, gratis plasser) og 268",
    ),
    EvaluationNeed(
        title="Hjelp i jungelen av kontorer og ordninger",
        challenge=(
            "Noen av innbyggerne våre har kontakt med mange etater samtidig og gir opp. De faller mellom "
            "NAV, helse og bolig, og ingen har oversikten."
        ),
        effects="Én fast person som de stoler på, og som går sammen med dem gjennom systemet.",
        place="1103",
        service_areas=(),
        target_groups=(),
        expected=("bymisjonen-i-stavanger",),
        source="linje 11 (Bymisjonen i Stavanger: «Tillitsperson», hjelp til å finne frem i velferdssystemet)",
    ),
    EvaluationNeed(
        title="Småjobber for dem som står langt unna vanlig arbeid",
        challenge=(
            "Vi har mange som ikke klarer en full stilling, men som gjerne vil jobbe litt og tjene egne penger. "
            "Det finnes nesten ingen slike oppdrag i byen."
        ),
        effects="Flere får prøve seg i arbeid noen timer i uka og får en grunn til å stå opp om morgenen.",
        place="1804",
        service_areas=("levekar-og-fattigdom",),
        target_groups=(),
        expected=("jobb1", "medarbeiderne"),
        source="linje 134 (Jobb1: lavterskel jobbtilbud i Bodø) og 94 (Medarbeiderne AS ansetter mennesker)",
    ),
    EvaluationNeed(
        title="Arbeidsgivere som vil ansette folk etter rusbehandling",
        challenge=(
            "De som har fullført behandling for avhengighet, får sjelden jobbintervju. Behandlingsstedene og "
            "NAV-kontoret mangler arbeidsgivere som tør."
        ),
        effects="Flere får en ordinær arbeidsplass etter behandlingen og blir værende der.",
        place="0301",
        service_areas=("arbeidsinkludering",),
        target_groups=(),
        expected=("medarbeiderne",),
        source="linje 94 (Medarbeiderne AS: samarbeider med behandlingssteder og NAV-kontorer om dem de ansetter)",
    ),
    EvaluationNeed(
        title="Raskere i lønnet arbeid etter bosetting",
        challenge=(
            "De som er bosatt hos oss etter flukt, bruker lang tid på introduksjonsprogrammet før de får lønn. "
            "Mange har yrkeserfaring som ingen spør etter."
        ),
        effects="Flere har arbeid eller kvalifikasjoner og nettverk som arbeidsgivere ser etter.",
        place="0301",
        service_areas=("arbeidsinkludering",),
        target_groups=(),
        expected=("socentral",),
        source="linje 258 (SoCentral: Boost Refugee, nyankomne flyktninger ut i arbeid)",
    ),
    EvaluationNeed(
        title="Ungdom som skal bo for seg selv, mangler oversikt over penger",
        challenge=(
            "Unge som flytter ut, får fort betalingsanmerkninger fordi de ikke har lært å sette opp et budsjett "
            "eller spare til depositum."
        ),
        effects="At unge kan styre egen økonomi på vei mot egen bolig.",
        place="3301",
        service_areas=("skole-og-oppvekst",),
        target_groups=(),
        expected=("ungt-entreprenorskap",),
        source="linje 140 (Ungt Entreprenørskap: «Sjef i eget liv», økonomi på vei til egen bolig)",
    ),
    EvaluationNeed(
        title="Hjelp som henger sammen for familier med trang økonomi",
        challenge=(
            "Familier som sliter økonomisk, møter mange tjenester hver for seg: NAV, helsestasjon, skole. Ingen "
            "ser hele familien, og barna merker det."
        ),
        effects="Tjenester som jobber sammen rundt familien, utviklet sammen med familiene selv.",
        place="3901",
        service_areas=(),
        target_groups=("barn-og-unge",),
        expected=("krem-norge",),
        source="linje 142 (KREM Norge i «Hortensia: I partnerskap for fattigdomsbekjempelse», Horten)",
    ),
    EvaluationNeed(
        title="Få innbyggerne til å oppdage tilbudet om bedre levevaner",
        challenge=(
            "Kommunen har et gratis tilbud om hjelp til trening, kosthold og røykeslutt, men få vet om det. "
            "Brosjyrene våre blir ikke lest."
        ),
        effects="Film, bilder og tekster som gjør at flere kjenner til og bruker tilbudet.",
        place="3314",
        service_areas=(),
        target_groups=(),
        expected=("knack", "krem-norge"),
        source="linje 112 (Knack AS og KREM Norge: film, foto og tekstbank for Frisklivssentralen Aktiv Eiker)",
    ),
    EvaluationNeed(
        title="Et uterom i sentrum der gammel og ung møtes",
        challenge=(
            "Torget er tomt etter arbeidstid. Vi vil ha et grønt område med kunst der både barnefamilier og "
            "pensjonister har lyst til å være."
        ),
        effects="Mer liv i sentrum og et sted alle aldre bruker.",
        place="3207",
        service_areas=("eldreomsorg",),
        target_groups=(),
        expected=("skaperstedet",),
        source="linje 146 (Skaperstedet: partnerskapsavtale om «Generasjonsparken» i Kolbotn sentrum)",
    ),
    EvaluationNeed(
        title="Lokale ildsjeler trenger en støttespiller",
        challenge=(
            "Mange i bydelen har gode ideer om hvordan nabolaget kan bli bedre, men de vet ikke hvordan de skal "
            "få det til å bli noe varig."
        ),
        effects="Flere gode lokale initiativ som lever videre og blir et bindeledd til bydelen.",
        place="0301",
        service_areas=(),
        target_groups=(),
        expected=("toyen-unlimited",),
        source="linje 110 (Tøyen Unlimited støtter ildsjeler med ideer, Bydel Gamle Oslo)",
    ),
    EvaluationNeed(
        title="Fritid for tenåringer som barnevernet følger",
        challenge=(
            "En del tenåringer som barnevernet har kontakt med, har ingen fritidsaktivitet og ingen voksne "
            "utenfor hjemmet de kan snakke med. De har falt ut av skolen."
        ),
        effects="De får noe meningsfullt å gjøre etter skoletid og voksne som følger dem over tid.",
        place="4003",
        service_areas=("barnevern",),
        target_groups=(),
        expected=("kjor-for-livet",),
        source="linje 132 (Kjør for livet: fritidstilbud for barn og unge utenfor fellesskapet) og 197 (barnevern)",
    ),
    EvaluationNeed(
        title="Barnehagene vil jobbe tettere med helsesykepleier og familiesenter",
        challenge=(
            "Styrerne våre ser barn som trenger mer, men samarbeidet med helsesykepleier og familiesenteret "
            "er tilfeldig."
        ),
        effects="Et fast opplegg der barnehage, helsesykepleier og familiesenter møtes rundt barna.",
        place="3118",
        service_areas=("helse",),
        target_groups=(),
        expected=("intempo",),
        source="linje 93 (Intempo AS: møte med styrerne, pedagogiske ledere, helsesøster og familiesenteret)",
    ),
    EvaluationNeed(
        title="Brukerne skal ha mer å si i rustjenestene",
        challenge=(
            "Tjenestene til folk med avhengighet blir laget uten at de selv blir spurt. Vi vil at de som har "
            "erfaringen, skal være med og forme tilbudet."
        ),
        effects="Tjenester som brukerne kjenner seg igjen i, og flere som tar dem i bruk.",
        place="5501",
        service_areas=("kultur-og-fritid",),
        target_groups=(),
        expected=("marborg", "rio"),
        source="linje 152 (Marborg styrker brukermedvirkningen på rusfeltet; RIO driver Kafé X)",
    ),
    EvaluationNeed(
        title="Vite om tiltakene våre virker",
        challenge=(
            "Vi bruker mye penger på tiltak for innbyggere som står utenfor, men vi vet lite om hva som kommer "
            "ut av det. Rapportene teller bare deltakere."
        ),
        effects="En enkel metode for å måle resultater og virkninger som både vi og samarbeidspartnerne kan bruke.",
        place="0301",
        service_areas=(),
        target_groups=(),
        expected=("socentral",),
        source="linje 248 (SoCentral: SoImpact, metode og verktøy for å måle resultater og effekter)",
    ),
    EvaluationNeed(
        title="Rengjøring av kommunens tjenestebiler som arbeidstrening",
        challenge=(
            "Kommunen har mange tjenestebiler som må vaskes og holdes ved like. Samtidig har NAV mange som "
            "trenger en vei inn i arbeid med en tydelig yrkesretning."
        ),
        effects="Rene biler, og folk som får et yrke og en jobb etterpå.",
        place="3907",
        service_areas=("miljo",),
        target_groups=(),
        expected=("diamondcare-norge",),
        source="linje 114 (DiamondCare: sertifisering innen bilpleieyrket, samarbeid med Sandefjord)",
    ),
)
