"""Words: tokens, plurals, stop words and the French-English glossary the engine and the alerts
share."""

from __future__ import annotations

import re
from collections import defaultdict

from challenges.search import normalize

STOP_WORDS = frozenset(
    """
    a afin ai aie aient ainsi alors apres au aucun aucune aupres aura auront aussi autre autres
    aux avaient avais avait avant avec avez avoir avons ayant beaucoup bien c ca car ce ceci cela
    celle celles celui cependant certain certaines certains ces cet cette ceux chacun chaque chez
    ci comme comment contre d dans de depuis des deja deux devant doit doivent donc dont du duquel
    durant e elle elles en encore entre est et etaient etait etant ete etre eu eux fait faire
    faites fois font grace hors ici il ils j jamais je jusqu jusque l la laquelle le lequel les
    lesquels leur leurs lors lorsque lui m ma mais me meme memes mes moi moins mon n ne ni non
    nos notre nous on ont or ou par parce parfois pas peu peut peuvent plupart plus plusieurs pour
    pourquoi pourrait pres puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon
    ses si sien soit sommes son sont sous souvent suis sur t ta tant te tel telle tels tes toi ton
    tous tout toute toutes tres trop tu un une unes uns vers via voici voila vos votre vous y
    ainsi etc cet afin notamment ailleurs aujourd hui
    about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either every few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just least less let like many may me might more most much must my no nor not now of off often
    on once one only or other others our ours out over own per same she should since so some such
    than that the their theirs them then there these they this those through to too under until
    up upon very was we were what when where which while who whom whose why will with within
    without would yet you your yours
    nous voulons souhaitons cherchons aimerions veut voulons desirons pouvoir permettre permet
    besoin besoins doit devons faut solution solutions enjeu enjeux projet ville villes
    municipalite municipalites municipal municipale municipaux municipales citoyens citoyen
    actuellement annee annees chaque jour jours idealement possible possibles exemple
    we want wants need needs looking seek seeking would like able city cities town towns
    municipality municipalities municipal solution solutions currently year years day days
    ideally example challenge
    """.split()
)
WORD_RE = re.compile(r"[a-z0-9]+")

# A small bilingual glossary of municipal and technical vocabulary: each side adds the other
# side's words to the query (at TRANSLATION_WEIGHT). Keys are accent-free, lower case, singular.
_GLOSSARY = """
capteur:sensor; stationnement:parking; place:spot; eau:water; eaux:water; potable:drinking;
fuite:leak; conduite:pipe; canalisation:pipe; aqueduc:water main; egout:sewer; pluie:rain;
pluvial:stormwater; debordement:overflow; inondation:flood; crue:flood; riviere:river;
pompage:pumping; pompe:pump; compteur:meter; consommation:consumption; electricite:electricity;
energie:energy; chaleur:heat; chauffage:heating; batiment:building; toit:roof; toiture:roof;
eclairage:lighting; lampadaire:streetlight; solaire:solar; panneau:panel; vehicule:vehicle;
flotte:fleet; electrique:electric; borne:charging station; recharge:charging; autobus:bus;
transport collectif:public transit; usager:rider; arret:stop; horaire:schedule; velo:bike;
cycliste:cyclist; pieton:pedestrian; trottoir:sidewalk; rue:street; route:road; chaussee:pavement;
pont:bridge; ponceau:culvert; deneigement:snow removal; neige:snow; sel:salt; hiver:winter;
dechet:waste; ordure:garbage; recyclage:recycling; compost:compost; collecte:collection;
bac:bin; conteneur:container; camion:truck; tri:sorting; arbre:tree; foret:forest;
chaleur extreme:heat wave; canicule:heat wave; qualite de l'air:air quality; air:air;
bruit:noise; faune:wildlife; ours:bear; alerte:alert; urgence:emergency; pompier:firefighter;
incendie:fire; securite:safety; vitesse:speed; ecole:school; feu de circulation:traffic signal;
circulation:traffic; intersection:intersection; livraison:delivery; camionnette:van;
cyberattaque:cyberattack; rancongiciel:ransomware; hameconnage:phishing; sauvegarde:backup;
mot de passe:password; authentification:authentication; employe:employee; formation:training;
reseau:network; serveur:server; donnee:data; donnees ouvertes:open data; logiciel:software;
plateforme:platform; application:app; tableau de bord:dashboard; carte:map; inventaire:inventory;
inspection:inspection; entretien:maintenance; reparation:repair; plomb:lead; branchement:service line;
automate:PLC; usine:plant; traitement:treatment; piscine:pool; baignade:swimming;
plage:beach; noyade:drowning; permis:permit; demande:request; requete:request; plainte:complaint;
inscription:registration; loisir:recreation; conseil:council; seance:meeting; proces-verbal:minutes;
participation:engagement; consultation:consultation; budget participatif:participatory budgeting;
emission:emission; gaz a effet de serre:greenhouse gas; ges:ghg; climat:climate; carbone:carbon;
irrigation:irrigation; arrosage:watering; secheresse:drought; espace vert:green space;
parc:park; humidite:moisture; sol:soil; meteo:weather; prevision:forecast; niveau:level;
debit:flow; pression:pressure; vanne:valve; regard:manhole; fissure:crack; nid-de-poule:pothole;
drone:drone; camera:camera; image:imagery; intelligence artificielle:artificial intelligence;
temps reel:real-time; suivi:tracking; localisation:location; geolocalisation:gps
"""


def _glossary() -> dict[str, dict[str, list[str]]]:
    """{language of the key: {word: [translated words]}} in both directions."""
    pairs: dict[str, dict[str, list[str]]] = {
        "fr": defaultdict(list),
        "en": defaultdict(list),
    }
    for entry in _GLOSSARY.replace("\n", " ").split(";"):
        if ":" not in entry:
            continue
        fr, en = (normalize(side).strip() for side in entry.split(":", 1))
        for word in WORD_RE.findall(fr):
            if word not in STOP_WORDS:
                pairs["fr"][singular(word)].extend(
                    w for w in WORD_RE.findall(en) if w not in STOP_WORDS
                )
        for word in WORD_RE.findall(en):
            if word not in STOP_WORDS:
                pairs["en"][singular(word)].extend(
                    w for w in WORD_RE.findall(fr) if w not in STOP_WORDS
                )
    return pairs


def singular(word: str) -> str:
    """A light stemmer (SQLite and the glossary): plural then final e; vehicules = vehicule."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of a text, without stop words and bare numbers."""
    return [
        word
        for word in WORD_RE.findall(normalize(text))
        if len(word) > 1 and word not in STOP_WORDS and not word.isdigit()
    ]


GLOSSARY = _glossary()
