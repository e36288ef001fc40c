"""Classes of mistakes round 3 of the held-out corpus showed, written anew (issue 18).

Round 3's files (tests/heldout3/) are tuned data now: each class below is a way of
writing the mistake that differs from the file that showed it, so that what is tested
is the class, not the file. Precision first: where a caller fails through its callee,
no behaviour of the caller's own is said ("right for 1 layer" of a forward whose
hidden_layer is wrong); a write into a list argument is said as such; a call that
returned None is said as observed, with no cause.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assignments.backward.mistakes import FLAVOUR_OF as BACKWARD_FAMILY
from assignments.forward.mistakes import misconception
from grader.behaviour import Observation
from grader.grade import grade

from .conftest import ROOT
from .submissions import REFERENCE, with_replaced

BACKWARD_REFERENCE = (ROOT / "solutions" / "backward.py").read_text()
SEEDS = (0, 4)


def redefined(reference: str, **functions: str) -> str:
    """The reference with functions redefined after it: its own callers call the new ones."""
    return reference + "".join(
        "\n\n" + textwrap.dedent(code).strip() + "\n" for code in functions.values()
    )


def graded(tmp_path: Path, source: str, assignment: str, seed: int = 0) -> dict[str, Any]:
    path = tmp_path / f"{assignment}.py"
    path.write_text(source)
    return grade(path, assignment=assignment, seed=seed, sandbox="process").to_dict()


def same_result(a: Any, b: Any) -> bool:
    """The same numbers in the same shapes, item by item through tuples and lists."""
    if isinstance(a, (list, tuple)):
        return (
            isinstance(b, (list, tuple))
            and len(a) == len(b)
            and all(same_result(x, y) for x, y in zip(a, b, strict=True))
        )
    return np.shape(a) == np.shape(b) and bool(np.allclose(a, b))


def observation(args: tuple[Any, ...], expected: Any, values: Any) -> Observation:
    """A call that returned ``values`` where ``expected`` was (a list of numbers is read as
    an array), passed when they are the same: behaviour hints tested without a sandbox."""
    expected = np.asarray(expected) if isinstance(expected, list) else expected
    return Observation(args=args, expected=expected, values=values, raised=False,
                       passed=same_result(expected, values))  # fmt: skip


def failed(report: dict[str, Any], exercise: str) -> list[dict[str, Any]]:
    return [t for t in report["tests"] if t["exercise"] == exercise and t["status"] != "passed"]


def ids_of(report: dict[str, Any], exercise: str) -> set[str]:
    return {i for t in failed(report, exercise) for i in t.get("hint_ids", [])}


def lost(report: dict[str, Any]) -> set[str]:
    return {e["name"] for e in report["exercises"] if e["score"] < e["max_score"]}


# -- forward: a caller that fails through the hidden_layer it calls ----------------------

# hidden_layer written for column vectors (x @ W.T, or a sigmoid where ReLU belongs); the
# reference's forward calls it for every hidden layer, so it is right for one layer only.
CALLEE_WRONG = {
    "transposed": ("""
        def hidden_layer(inputs, weights, biases=None):
            z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float).T
            return relu(z if biases is None else z + biases)
    """, "hidden_layer.transposed"),
    "sigmoid": ("""
        def hidden_layer(inputs, weights, biases=None):
            z = np.matmul(inputs, weights)
            if biases is not None:
                z = z + biases
            return 1.0 / (1.0 + np.exp(-z))
    """, "hidden_layer.sigmoid"),
}  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(CALLEE_WRONG))
def test_forward_failing_through_hidden_layer_is_sent_there(
    tmp_path: Path, name: str, seed: int
) -> None:
    code, family = CALLEE_WRONG[name]
    report = graded(tmp_path, redefined(REFERENCE, hidden_layer=code), "forward", seed)
    assert lost(report) == {"hidden_layer", "forward"}, lost(report)
    assert family in {misconception(i) for i in ids_of(report, "hidden_layer")}
    said = ids_of(report, "forward")
    assert {misconception(i) for i in said} == {family}, said  # no "right for 1 layer"
    assert all((t["hint"] or "").startswith("Your forward is meant to call your hidden_layer")
               for t in failed(report, "forward"))  # fmt: skip


# forward's own mistakes that public code makes, each written another way than round 3's.
FORWARD_OWN = {
    # ReLU one layer late: the first layer linear, the output layer through ReLU
    "relu one layer late": ("forward", """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs, dtype=float)
            for i, w in enumerate(weights):
                a = a @ w
                if biases is not None:
                    a = a + biases[i]
                if i > 0:
                    a = relu(a)
            return a
    """, "forward.relu_on_output"),
    # each hidden layer adds the next layer's biases (a 1-based index kept)
    "next layer's biases": ("forward", """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs, dtype=float)
            n = len(weights)
            for i in range(n):
                a = a @ weights[i]
                if biases is not None:
                    a = a + biases[i + 1 if i < n - 1 else i]
                if i < n - 1:
                    a = np.maximum(a, 0)
            return a
    """, "forward.bias_of_next_layer"),
    # W x for every layer, the output's too (np.matmul where the notes write W a)
    "W x everywhere": ("forward", """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs, dtype=float)
            for i, w in enumerate(weights):
                a = np.matmul(np.asarray(w, dtype=float), a)
                if biases is not None:
                    a = a + biases[i]
                if i < len(weights) - 1:
                    a = np.maximum(0, a)
            return a
    """, "hidden_layer.transposed"),
    # the row sum without keepdims, written with np.sum and axis=-1 (the max keeps it)
    "sum without keepdims": ("softmax", """
        def softmax(z):
            z = np.asarray(z, dtype=float)
            e = np.exp(z - np.max(z, axis=-1, keepdims=True))
            return e / np.sum(e, axis=-1)
    """, "softmax.no_keepdims"),
}  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(FORWARD_OWN))
def test_forward_class_is_named(grade, name: str, seed: int) -> None:
    exercise, code, family = FORWARD_OWN[name]
    report = grade(with_replaced(**{exercise: code}), seed=seed)
    assert report["status"] == "graded"
    assert lost(report) == {exercise}, lost(report)
    said = {misconception(i) for i in ids_of(report, exercise)}
    assert family in said, said
    assert not [i for i in said if i.startswith("behaviour.")], said  # the cause explains it


# A forward that changes the caller's list of layers: a list argument refused a change
# (a reverse, a del), said as such, not as an array written into.
LIST_CHANGED = {
    "reverse": """
        def forward(inputs, weights, biases=None):
            weights.reverse()
            a = np.asarray(inputs, dtype=float)
            for k in range(len(weights) - 1, -1, -1):
                a = a @ weights[k]
                if biases is not None:
                    a = a + biases[len(weights) - 1 - k]
                if k > 0:
                    a = np.maximum(0, a)
            return a
    """,
    "del": """
        def forward(inputs, weights, biases=None):
            w_out = weights[-1]
            del weights[-1]
            a = np.asarray(inputs, dtype=float)
            for k, w in enumerate(weights):
                a = np.maximum(0, a @ w + (0 if biases is None else biases[k]))
            a = a @ w_out
            return a if biases is None else a + biases[-1]
    """,
}


@pytest.mark.parametrize("name", sorted(LIST_CHANGED))
def test_a_list_argument_changed_is_said_as_a_list(grade, name: str) -> None:
    report = grade(with_replaced(forward=LIST_CHANGED[name]))
    assert lost(report) == {"forward"}, lost(report)
    tests = failed(report, "forward")
    assert tests and all(t["hint_ids"] == ["symptom.read_only"] for t in tests)
    assert all("changes a list it was given" in t["hint"] for t in tests)


def test_a_list_changed_is_said_even_where_the_callee_fails_undescribed(tmp_path: Path) -> None:
    # hidden_layer fails in a way nothing describes (a constant added); forward pops the
    # caller's list before it calls anything: the error says what happened, no guess.
    source = redefined(REFERENCE, hidden_layer="""
        def hidden_layer(inputs, weights, biases=None):
            z = np.asarray(inputs, dtype=float) @ weights + 0.37
            return np.maximum(0, z if biases is None else z + biases)
    """, forward="""
        def forward(inputs, weights, biases=None):
            out = weights.pop()
            a = np.asarray(inputs, dtype=float)
            for k, w in enumerate(weights):
                a = hidden_layer(a, w, None if biases is None else biases[k])
            return a @ out + (0 if biases is None else biases[-1])
    """)  # fmt: skip
    report = graded(tmp_path, source, "forward")
    assert {"hidden_layer", "forward"} <= lost(report)
    assert ids_of(report, "forward") == {"symptom.read_only"}


def test_a_call_that_returned_none_is_said_with_no_cause(grade) -> None:
    report = grade(with_replaced(node_value="""
        def node_value(inputs, weights, bias=0.0):
            total = float(np.dot(inputs, weights)) + bias
            print("node value:", total)
    """))  # fmt: skip
    assert lost(report) == {"node_value"}, lost(report)
    tests = failed(report, "node_value")
    assert tests and all(t["hint_ids"] == ["symptom.returned_none"] for t in tests)


# -- backward ------------------------------------------------------------------------------

BACKWARD_CLASSES = {
    # the output layer's gradients before the loop, a loop that stops above layer 0
    "first layer left zero": ("backward", """
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for w, b in zip(weights, biases):
                zs.append(acts[-1] @ w + b)
                acts.append(np.maximum(0, zs[-1]))
            gw = [np.zeros(np.shape(w)) for w in weights]
            gb = [np.zeros(np.shape(b)) for b in biases]
            g = softmax_cross_entropy_grad(zs[-1], labels)
            last = len(weights) - 1
            gw[last], gb[last] = acts[last].T @ g, g.sum(axis=0)
            k = last
            while k > 1:
                g = (g @ weights[k].T) * relu_grad(zs[k - 1])
                k -= 1
                gw[k], gb[k] = acts[k].T @ g, g.sum(axis=0)
            return gw, gb
    """, "backward.first_layer_skipped"),
    # the mask from the layer just processed, at every step (layer 0's too)
    "mask one layer late, every step": ("backward", """
        def backward(inputs, weights, biases, labels):
            a, z = [np.asarray(inputs, dtype=float)], []
            for w, b in zip(weights, biases):
                z.append(a[-1] @ w + b)
                a.append(np.maximum(z[-1], 0))
            delta = softmax_cross_entropy_grad(z[-1], labels)
            dws, dbs = [None] * len(weights), [None] * len(weights)
            for i in range(len(weights) - 1, -1, -1):
                back, dws[i], dbs[i] = dense_backward(a[i], weights[i], delta)
                delta = back * (z[i] > 0)
            return dws, dbs
    """, "backward.mask_one_layer_late"),
    # the right mask, also taken below the first layer, where z[-1] wraps to the output
    "mask below the first layer": ("backward", """
        def backward(inputs, weights, biases, labels):
            a, z = [np.asarray(inputs, dtype=float)], []
            for w, b in zip(weights, biases):
                z.append(a[-1] @ w + b)
                a.append(np.maximum(z[-1], 0))
            delta = softmax_cross_entropy_grad(z[-1], labels)
            dws, dbs = [], []
            for i in reversed(range(len(weights))):
                back, dw, db = dense_backward(a[i], weights[i], delta)
                dws, dbs = [dw] + dws, [db] + dbs
                delta = back * relu_grad(z[i - 1])
            return dws, dbs
    """, "backward.mask_below_first_layer"),
    # stable, but max and sum over the whole batch
    "softmax over the whole batch, shifted": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            s = np.asarray(scores, dtype=float)
            p = np.exp(s - np.amax(s))
            p = p / p.sum()
            p[np.arange(len(p)), labels] -= 1.0
            return p / len(p)
    """, "softmax.whole_array"),
    # the row sums without keepdims
    "sum without keepdims": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            s = np.asarray(scores, dtype=float)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            p = e / np.sum(e, axis=1)
            y = np.eye(s.shape[1])[labels]
            return (p - y) / s.shape[0]
    """, "softmax.no_keepdims"),
    # whole rows picked by the labels
    "rows by labels": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            g = softmax(scores)
            g[labels] = g[labels] - 1
            return g / g.shape[0]
    """, "loss.rows_by_labels"),
    # z cast to whole numbers first
    "relu_grad on ints": ("relu_grad", """
        def relu_grad(z):
            return (np.asarray(z).astype(int) > 0) * 1.0
    """, "relu.int_dtype"),
    # the slope clipped from the value itself
    "relu_grad clipped": ("relu_grad", """
        def relu_grad(z):
            return np.minimum(np.maximum(np.asarray(z, dtype=float), 0.0), 1.0)
    """, "backward.relu_grad_clipped"),
}  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(BACKWARD_CLASSES))
def test_backward_class_is_named(tmp_path: Path, name: str, seed: int) -> None:
    exercise, code, family = BACKWARD_CLASSES[name]
    source = redefined(BACKWARD_REFERENCE, **{exercise: code})
    report = graded(tmp_path, source, "backward", seed)
    assert exercise in lost(report), lost(report)
    assert lost(report) <= {exercise, "backward"}, lost(report)
    said = {BACKWARD_FAMILY.get(i, i) for i in ids_of(report, exercise)}
    assert family in said, said
    assert not [i for i in said if i.startswith("behaviour.")], said


def test_two_mistakes_in_two_parts_of_dense_backward_are_both_named(tmp_path: Path) -> None:
    # grad_weights transposed and grad_biases not summed: each part its own mistake
    source = redefined(BACKWARD_REFERENCE, dense_backward="""
        def dense_backward(inputs, weights, grad_out):
            x, w, g = (np.asarray(v, dtype=float) for v in (inputs, weights, grad_out))
            return g.dot(w.T), g.T.dot(x), g
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    said = {BACKWARD_FAMILY.get(i, i) for i in ids_of(report, "dense_backward")}
    assert said == {"backward.dense_grad_weights_transposed", "backward.dense_bias_not_summed"}
    assert all(t["hint"].startswith("Two mistakes here.") for t in failed(report, "dense_backward"))


def test_a_loss_reading_labels_as_one_based_is_named(grade) -> None:
    # labels shifted down by one (Octave's y(i) in 1..K), through np.take_along_axis
    report = grade(with_replaced(cross_entropy_loss="""
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            s = s - s.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            idx = (np.asarray(labels) - 1).reshape(-1, 1)
            return float(-np.take_along_axis(logp, idx, axis=1).mean())
    """))  # fmt: skip
    assert lost(report) == {"cross_entropy_loss"}, lost(report)
    assert "loss.labels_one_based" in ids_of(report, "cross_entropy_loss")


def test_a_step_with_a_fixed_learning_rate_is_said_as_observed(tmp_path: Path) -> None:
    # the learning rate argument ignored, a constant of the training script used instead
    source = redefined(BACKWARD_REFERENCE, sgd_step="""
        STEP = 0.05

        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate=0.1):
            return ([w - STEP * g for w, g in zip(weights, grad_weights)],
                    [b - STEP * g for b, g in zip(biases, grad_biases)])
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    assert lost(report) == {"sgd_step"}, lost(report)
    tests = failed(report, "sgd_step")
    varied = {t["name"] for t in tests}
    said = [t for t in tests if "behaviour.step_fixed_scalar" in t["hint_ids"]]
    assert said, [(t["name"], t["hint"]) for t in tests]
    assert all("as if learning_rate were 0.05" in t["hint"] for t in said), varied


def test_inline_steps_are_said_of_the_place_backward_computes_them(tmp_path: Path) -> None:
    # backward's own mask written as ReLU itself: no relu_grad is called, none is blamed
    source = redefined(BACKWARD_REFERENCE, backward="""
        def backward(inputs, weights, biases, labels):
            a, z = [np.asarray(inputs, dtype=float)], []
            for w, b in zip(weights, biases):
                z.append(a[-1] @ w + b)
                a.append(np.maximum(0, z[-1]))
            g = softmax_cross_entropy_grad(z[-1], labels)
            gws, gbs = [], []
            for k in range(len(weights) - 1, -1, -1):
                back, gw, gb = dense_backward(a[k], weights[k], g)
                gws.insert(0, gw)
                gbs.insert(0, gb)
                if k:
                    g = back * np.maximum(0, z[k - 1])
            return gws, gbs
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    assert lost(report) == {"backward"}, lost(report)
    tests = failed(report, "backward")
    assert {BACKWARD_FAMILY.get(i, i) for t in tests for i in t["hint_ids"]} == {
        "backward.relu_grad_is_relu"
    }
    assert all(t["hint"].startswith("backward computes ReLU's slope itself") for t in tests)
    assert not any("relu_grad returns" in t["hint"] for t in tests)


def test_a_layer_with_its_node_count_written_in_is_said_as_fixed_sizes(grade) -> None:
    # two nodes written out, one per column, then transposed into rows of examples
    report = grade(with_replaced(hidden_layer="""
        def hidden_layer(inputs, weights, biases=None):
            x, w = np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)
            b = np.zeros(2) if biases is None else np.asarray(biases, dtype=float)
            first = np.maximum(0, x @ w[:, 0] + b[0])
            second = np.maximum(0, x @ w[:, 1] + b[1])
            return np.array([first, second]).T
    """))  # fmt: skip
    assert "hidden_layer" in lost(report)
    tests = failed(report, "hidden_layer")
    assert tests and all(t["hint_ids"] == ["behaviour.fixed_sizes"] for t in tests), [
        (t["name"], t["hint"]) for t in tests
    ]
    assert all("Always 2 entries along the last axis" in t["hint"] for t in tests)


def test_lists_one_item_short_are_said_where_no_mistake_explains_them(tmp_path: Path) -> None:
    # the walk back stops before layer 0 and passes the gradient on unmasked: two slips,
    # which no single catalogued mistake reproduces; what is seen is one layer missing
    source = redefined(BACKWARD_REFERENCE, backward="""
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for w, b in zip(weights, biases):
                zs.append(acts[-1] @ w + b)
                acts.append(np.maximum(0, zs[-1]))
            g = softmax_cross_entropy_grad(zs[-1], labels)
            gws, gbs = [], []
            layer = len(weights) - 1
            while layer > 0:
                back, gw, gb = dense_backward(acts[layer], weights[layer], g)
                gws.insert(0, gw)
                gbs.insert(0, gb)
                g = back
                layer -= 1
            return gws, gbs
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    assert lost(report) == {"backward"}, lost(report)
    said = {BACKWARD_FAMILY.get(i, i) for i in ids_of(report, "backward")}
    assert said and said <= {"behaviour.one_item_short", "backward.first_layer_skipped"}, said
    assert "behaviour.one_item_short" in said or said == {"backward.first_layer_skipped"}


def test_layers_unpacked_into_fixed_names_are_said_where_they_raise(tmp_path: Path) -> None:
    # two layers written in (cs231n's W1, W2), and a weight decay term the loss lacks:
    # wrong for two layers too, so no split; the unpacking error says what happened
    source = redefined(BACKWARD_REFERENCE, backward="""
        def backward(inputs, weights, biases, labels):
            x = np.asarray(inputs, dtype=float)
            (w1, w2), (b1, b2) = weights, biases
            h = np.maximum(0, x @ w1 + b1)
            g = softmax_cross_entropy_grad(h @ w2 + b2, labels)
            dw2, db2 = h.T @ g + 0.01 * w2, g.sum(axis=0)
            dh = (g @ w2.T) * (h > 0)
            dw1, db1 = x.T @ dh + 0.01 * w1, dh.sum(axis=0)
            return [dw1, dw2], [db1, db2]
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    assert lost(report) == {"backward"}, lost(report)
    raised = [t for t in failed(report, "backward") if "unpack" in (t["message"] or "")]
    assert raised
    assert all(t["hint_ids"] == ["behaviour.fixed_layer_count"] for t in raised)
    assert all("unpacks exactly 2 names from weights" in t["hint"] for t in raised)


def test_a_shape_unpacked_is_not_said_to_be_the_layers(grade) -> None:
    # m, n = inputs.shape raises on one example given as a 1-D array, whatever the layers
    report = grade(with_replaced(forward="""
        def forward(inputs, weights, biases=None):
            x = np.asarray(inputs, dtype=float)
            m, n = x.shape
            for k, w in enumerate(weights):
                x = x @ w + (0 if biases is None else biases[k])
                if k < len(weights) - 1:
                    x = np.maximum(0, x)
            return x
    """))  # fmt: skip
    assert lost(report) == {"forward"}, lost(report)
    assert not any("unpacks exactly" in (t["hint"] or "") for t in failed(report, "forward"))
