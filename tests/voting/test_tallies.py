"""Counting methods on examples checked by hand (and, for Schulze, against the published example)."""

from voting import tallies

ABC = ["A", "B", "C"]


def test_dots_add_up_per_option():
    papers = [{"A": 3, "B": 2}, {"A": 1, "C": 4}, {"B": 5}]
    assert tallies.dot_totals(ABC, papers) == {"A": 4, "B": 7, "C": 4}


def test_approval_counts_each_paper_once_per_option():
    assert tallies.approval_counts(ABC, [["A", "B"], ["A"], ["C", "A"]]) == {"A": 3, "B": 1, "C": 1}


def test_borda_gives_n_minus_1_points_to_a_first_place():
    # 2×ABC, 2×BCA, 1×CAB: A = 2·2 + 0 + 1 = 5, B = 2·1 + 2·2 + 0 = 6, C = 0 + 2·1 + 1·2 = 4.
    rankings = [list("ABC")] * 2 + [list("BCA")] * 2 + [list("CAB")]
    assert tallies.borda_scores(ABC, rankings) == {"A": 5, "B": 6, "C": 4}


def test_borda_counts_unranked_options_as_zero():
    assert tallies.borda_scores(ABC, [["B"]]) == {"A": 0, "B": 2, "C": 0}


TENNESSEE = [list("MNCK")] * 42 + [list("NCKM")] * 26 + [list("CKNM")] * 15 + [list("KCNM")] * 17


def test_condorcet_winner_of_the_tennessee_capital_example():
    # Nashville beats Memphis 58–42, Chattanooga 68–32, Knoxville 68–32.
    assert tallies.condorcet_winner(list("MNCK"), TENNESSEE) == "N"
    assert tallies.borda_scores(list("MNCK"), TENNESSEE) == {"M": 126, "N": 194, "C": 173, "K": 107}


def test_schulze_agrees_with_the_condorcet_winner():
    assert tallies.schulze_ranking(list("MNCK"), TENNESSEE)[0] == ["N"]


def test_a_cycle_has_no_condorcet_winner():
    rankings = [list("ABC"), list("BCA"), list("CAB")]
    assert tallies.condorcet_winner(ABC, rankings) is None
    assert tallies.schulze_ranking(ABC, rankings) == [["A", "B", "C"]]


# Schulze's own example (45 voters, 5 candidates): no Condorcet winner, Schulze order E > A > C > B > D.
SCHULZE = (
    [list("ACBED")] * 5 + [list("ADECB")] * 5 + [list("BEDAC")] * 8 + [list("CABED")] * 3
    + [list("CAEBD")] * 7 + [list("CBADE")] * 2 + [list("DCEBA")] * 7 + [list("EBADC")] * 8
)  # fmt: skip


def test_schulze_breaks_the_cycle_of_the_published_example():
    options = list("ABCDE")
    d = tallies.pairwise_preferences(options, SCHULZE)
    assert (d["A"]["B"], d["B"]["A"]) == (20, 25)
    assert (d["A"]["C"], d["C"]["A"]) == (26, 19)
    assert tallies.condorcet_winner(options, SCHULZE) is None
    p = tallies.schulze_strengths(options, d)
    assert p["E"]["A"] == 25 and p["A"]["E"] == 24
    assert tallies.schulze_ranking(options, SCHULZE) == [["E"], ["A"], ["C"], ["B"], ["D"]]


def test_scale_results_give_means_and_distribution():
    results = tallies.scale_results(ABC, [{"A": 2, "B": -1}, {"A": -2}, {"A": 1}], values=range(-2, 3))
    assert results["A"].count == 3 and results["A"].mean == 1 / 3
    assert results["A"].distribution == {-2: 1, -1: 0, 0: 0, 1: 1, 2: 1}
    assert results["B"].mean == -1
    assert results["C"].mean is None


def test_yes_no_counts():
    assert tallies.yes_no_counts(["A"], [{"A": 1}, {"A": 0}, {"A": 1}]) == {"A": (2, 1)}


def test_top_n_reports_a_tie_on_the_boundary():
    assert tallies.top_n({"A": 5, "B": 4, "C": 3}, 2) == (["A", "B"], [])
    assert tallies.top_n({"A": 5, "B": 4, "C": 4, "D": 1}, 2) == (["A"], ["B", "C"])
    assert tallies.top_n({"A": 5, "B": 4}, 3) == (["A", "B"], [])
