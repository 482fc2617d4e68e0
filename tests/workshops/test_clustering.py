"""workshops.clustering, by hand: which post-its become one line, with no database."""

import random

import pytest

from workshops.clustering import PostIt, _block_keys, cluster_postits, content_words, normalise, similar

THRESHOLD = 0.85
PERMIS = "Les jeunes ne passent plus le permis de conduire"


def postits(*texts, axis=""):
    return [PostIt(id=i, order=(i, i), axis=axis, text=text, plus_ones=0) for i, text in enumerate(texts, start=1)]


def groups(clusters):
    return sorted(sorted(m.id for m in cluster.members) for cluster in clusters)


def quadratic(items, threshold):
    """The aggregation as it was before the index: every post-it against every earlier cluster."""
    clusters = []
    for item in sorted(items, key=lambda p: p.order):
        key = normalise(item.text)
        match = next((cl for cl in clusters if cl[0] == item.axis and similar(cl[1], key, threshold)), None)
        if match is None:
            clusters.append((item.axis, key, [item.id]))
        else:
            match[2].append(item.id)
    return sorted(sorted(ids) for _, _, ids in clusters)


def test_identical_and_near_identical_texts_make_one_cluster():
    clusters = cluster_postits(postits(PERMIS, PERMIS.upper() + " !", "Les jeunes né passent plus le pérmis de conduir", "Louer"), THRESHOLD)
    assert groups(clusters) == [[1, 2, 3], [4]]


def test_a_cluster_is_keyed_by_its_earliest_post_it_whatever_its_support():
    first, second = postits(PERMIS, PERMIS + ".")
    second = PostIt(id=second.id, order=second.order, axis="", text=second.text, plus_ones=5)
    (cluster,) = cluster_postits([second, first], THRESHOLD)
    assert cluster.stable_key == first.id
    assert cluster.representative == second  # the most supported wording still represents it


@pytest.mark.parametrize("one,other", [("Plus de CDI", "Plus de CDD"), ("Le permis à 16 ans", "Le permis à 18 ans"), ("Les jeunes louent", "Les jeunes ne louent pas")])
def test_opposites_stay_apart(one, other):
    assert groups(cluster_postits(postits(one, other), THRESHOLD)) == [[1], [2]]


def test_a_one_word_post_it_with_a_typo_joins_its_original():
    # No word in common: the block keys one deletion away bring them together.
    assert groups(cluster_postits(postits("Télétravail", "Teletravial", "Télétravaill"), THRESHOLD)) == [[1, 2, 3]]


def test_two_typos_of_one_word_meet():
    assert groups(cluster_postits(postits("Imprrimantes", "Imprimntes"), THRESHOLD)) == [[1, 2]]


def test_texts_of_fillers_only_are_compared_among_themselves():
    assert groups(cluster_postits(postits("Et le", "et le !", "👍", "👍"), THRESHOLD)) == [[1, 2], [3, 4]]


def test_axes_never_mix():
    items = postits(PERMIS, axis="Pour une entreprise") + [PostIt(id=9, order=(9, 9), axis="Pour un acteur public", text=PERMIS, plus_ones=0)]
    assert len(cluster_postits(items, THRESHOLD)) == 2


def test_a_post_it_joins_the_earliest_cluster_it_is_similar_to():
    # 2 is close to 1, 3 close to 2 and to 1: it joins 1, the earlier, as the quadratic version did.
    items = postits("Les voitures autonomes en ville", "Les voitures autonomes en villes", "Les voiture autonomes en ville")
    assert groups(cluster_postits(items, THRESHOLD)) == [[1, 2, 3]]


def test_content_words_and_block_keys():
    assert content_words(normalise(PERMIS)) == ["jeunes", "ne", "passent", "plus", "permis", "conduire"]
    assert _block_keys("cdi") == {"cdi"}  # too short to be a typo: only itself
    assert _block_keys("2030") == {"2030"}
    assert set(_block_keys("louer")) == {"louer", "ouer", "luer", "loer", "lour", "loue"}
    # one substitution, one insertion, one swap: always a key in common
    for typo in ("loupr", "louerr", "luoer"):
        assert set(_block_keys("louer")) & set(_block_keys(typo))


def test_the_heartbeat_is_called_while_a_long_run_goes_on():
    beats = []
    cluster_postits(postits(*[f"idée numéro {i}" for i in range(600)]), THRESHOLD, heartbeat=lambda: beats.append(1), heartbeat_seconds=0)
    assert len(beats) >= 2


VOCABULARY = (
    "jeunes permis conduire voiture location plateformes particuliers imprimantes foyers constructeurs "
    "kilometres service usage ville campagne transport commun velo electrique autonome partage covoiturage "
    "loyer logement travail teletravail bureau sante donnees numerique energie climat"
).split()


def typo(word, rng):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return rng.choice([word[:i] + word[i + 1 :], word[:i] + word[i] + word[i:], word[:i] + word[i + 1] + word[i] + word[i + 2 :]])


@pytest.mark.parametrize("seed", range(12))
def test_the_index_finds_the_same_clusters_as_comparing_every_pair(seed):
    """Random ideas and their near-duplicates (typos, case, punctuation, fillers): same clusters as before."""
    rng = random.Random(seed)
    ideas = [" ".join(rng.sample(VOCABULARY, rng.randint(1, 6))) for _ in range(60)]
    texts = []
    for _ in range(400):
        words = rng.choice(ideas).split()
        if rng.random() < 0.5:
            # One word slipped (the index's promise: a pair with every word two typos apart is not compared).
            slip = rng.randrange(len(words))
            words = [typo(w, rng) if i == slip else w for i, w in enumerate(words)]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), rng.choice(["les", "de", "la", "et"]))
        text = " ".join(words)
        texts.append(rng.choice([text, text.capitalize(), text + " !", text.upper()]))
    items = [PostIt(id=i, order=(i, i), axis=rng.choice(["", "a"]), text=t, plus_ones=0) for i, t in enumerate(texts, start=1)]

    assert groups(cluster_postits(items, THRESHOLD)) == quadratic(items, THRESHOLD)
