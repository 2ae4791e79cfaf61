from eventdesk.evaluation.calibration import calibration


def test_bins_count_predictions_and_share_right() -> None:
    outcomes = [(0.95, True)] * 30 + [(0.91, False)] * 10 + [(0.35, True)] * 5 + [(0.3, False)] * 15
    cal = calibration(outcomes)
    by_bin = {r["from"]: r for r in cal["bins"]}
    assert by_bin[0.9]["n"] == 40 and by_bin[0.9]["share_right"] == 0.75
    assert by_bin[0.3]["n"] == 20 and by_bin[0.3]["share_right"] == 0.25
    assert cal["monotonic"] is True
    # |0.95 - 0.75| * 40 + |0.35 - 0.25| * 20, over 60 predictions
    assert cal["ece"] == round((0.2 * 40 + 0.1 * 20) / 60, 4)


def test_a_higher_bin_that_is_less_often_right_is_not_monotonic() -> None:
    outcomes = [(0.85, False)] * 25 + [(0.15, True)] * 25
    assert calibration(outcomes)["monotonic"] is False


def test_confidence_of_one_falls_in_the_top_bin() -> None:
    assert calibration([(1.0, True)])["bins"][0]["from"] == 0.9
    assert calibration([])["ece"] is None
