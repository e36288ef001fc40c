"""Known misconceptions of the forward-propagation exercises, each with the hint for it.

``MISTAKES`` is what the grader searches: each misconception is a switch of the
parameterised reference in deviations.py (alone, in pairs, or inside a function
that calls another), run in the grader on the same cases as the student's code.
``EXAMPLES`` are wrong implementations written the way a student would,
self-contained, so the tests can submit them as a student's code and check that
each is named by its own hint.
"""

from __future__ import annotations

import numpy as np

from grader.spec import Mistake

from . import deviations

# relu


def relu_scalar_max(x):
    return max(0, x)


def relu_abs(x):
    return np.abs(x)


def relu_in_place(x):
    x = np.asarray(x)
    x[x < 0] = 0
    return x


# node_value


def node_value_no_bias(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights))


def node_value_no_sum(inputs, weights, bias=0.0):
    return np.asarray(inputs) * np.asarray(weights) + bias


# hidden_layer


def hidden_layer_no_relu(inputs, weights, biases=None):
    z = np.asarray(inputs) @ np.asarray(weights)
    return z if biases is None else z + biases


def hidden_layer_bias_after_relu(inputs, weights, biases=None):
    a = np.maximum(0, np.asarray(inputs) @ np.asarray(weights))
    return a if biases is None else a + biases


def hidden_layer_transposed(inputs, weights, biases=None):
    z = np.asarray(inputs) @ np.asarray(weights).T
    return np.maximum(0, z if biases is None else z + biases)


# forward


def forward_relu_on_output(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = np.maximum(0, a @ w + (0 if biases is None else biases[i]))
    return a


def forward_no_relu(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = a @ w + (0 if biases is None else biases[i])
    return a


def forward_no_biases(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for w in weights[:-1]:
        a = np.maximum(0, a @ w)
    return a @ weights[-1]


def forward_first_and_last_only(inputs, weights, biases=None):
    b = biases or [0] * len(weights)
    if len(weights) == 1:
        return np.asarray(inputs) @ weights[0] + b[0]
    hidden = np.maximum(0, np.asarray(inputs) @ weights[0] + b[0])
    return hidden @ weights[-1] + b[-1]


def forward_flattened(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = a @ w + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = np.maximum(0, a)
    return a.ravel()


# softmax


def softmax_unstable(z):
    e = np.exp(np.asarray(z, dtype=float))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_wrong_axis(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def softmax_whole_array(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


# cross_entropy_loss


def loss_summed(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].sum())


def loss_no_softmax(scores, labels):
    s = np.asarray(scores, dtype=float)
    return float(-np.log(s[np.arange(len(labels)), labels]).mean())


def loss_unstable(scores, labels):
    e = np.exp(np.asarray(scores, dtype=float))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.log(p[np.arange(len(labels)), labels]).mean())


def loss_per_row(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(labels)), labels]


RELU_ABS = (
    "ReLU is not the absolute value: abs(x) keeps negative inputs positive, and x + "
    "abs(x) without the / 2 doubles positive ones. Use np.maximum(0, x)."
)
INT_DTYPE = ("The values go into an integer array (np.zeros(n, dtype=int), np.array([0] * n)), "
             "which cuts each one to a whole number: make it a float array (np.zeros(n)) or "
             "compute the result with numpy operations.")  # fmt: skip
NO_SUM = (
    "You return the products inputs[i] * weights[i] one by one; add them up (.sum() or "
    "np.dot), then add the bias, to get the node's single value."
)
ROUNDED = "The result is rounded: return the exact value and round only when you print it."
FIXED_LAYERS = (
    "The network is assumed to have exactly two layers; loop over zip(weights, "
    "biases) so any number of layers works."
)
ONLY_2D = (
    "Your forward only handles rows (inputs of shape (m, n_in)): a single data point "
    "of shape (n_in,) must work too and give shape (n_out,). Don't unpack m, n = "
    "X.shape, loop over rows or keep np.atleast_2d: inputs @ weights works for both."
)
UNSTABLE_LOG = (
    "softmax first, then log: for large scores a probability underflows to 0 (or "
    "exp overflows) and log gives inf, or a clip/epsilon caps the loss (at 16.1 for "
    "1e-7). Use a stable log-softmax: s - max - log(sum(exp(s - max)))."
)
LARGE_EPS = (
    "The epsilon added inside the log is large enough to change the answer; use a "
    "stable log-softmax instead of log(p + eps)."
)
ONE_HOT = (
    "labels are class indices (one integer per row), not one-hot rows: don't multiply "
    "by them or take their argmax; pick each row's probability with "
    "log_probs[np.arange(m), labels]."
)
RAW_SCORES = (
    "The loss uses the raw scores (or their row maximum) instead of log-sum-exp: it "
    "is -log of the label's softmax probability, i.e. log(sum(exp(s))) - s[label]."
)
NO_SOFTMAX = (
    "-log is taken of the raw scores as if they were probabilities; turn scores "
    "into probabilities with softmax first (better: a stable log-softmax)."
)

TRANSPOSED = (
    "The weight matrix is used transposed: weights has shape (n_in, n_out), so "
    "compute inputs @ weights (not weights.T, nor weights @ inputs)."
)

SKIPPED = (
    "Only the first and the last layer are used; loop over all the layers, so a "
    "network of 1, 3 or 4 layers works too."
)

MATH_OVERFLOW = (
    "math.exp overflows for large scores (above about 709), and a probability "
    "that underflows to 0 makes math.log fail; subtract the row maximum first, or "
    "use numpy's stable log-softmax."
)

SIGMOID = ("{where} applies the sigmoid, 1 / (1 + exp(-x)), where ReLU belongs: ReLU is "
           "max(0, x), np.maximum(0, x): 0 for negative values, x itself otherwise.")  # fmt: skip
TANH = ("{where} applies tanh where ReLU belongs: ReLU is max(0, x), np.maximum(0, x): 0 for "
        "negative values, x itself otherwise.")  # fmt: skip
LEAKY = ("{where} applies a leaky ReLU (0.01 * x for negative x) where ReLU belongs: ReLU "
         "gives exactly 0 for negative values, np.maximum(0, x).")  # fmt: skip
NONE_BIASES_NAN = ("biases is optional (None when left out) and your code turns None into "
                   "an array (np.asarray(None, dtype=float) is nan): add the biases only "
                   "when they are given (if biases is not None).")  # fmt: skip
FLOAT_LABELS = ("The labels are turned into floats, which cannot index an array: keep them "
                "integers (np.asarray(labels, dtype=int)).")  # fmt: skip
SOFTMAX_OUTPUT = ("forward applies softmax to its output; it returns the raw scores of the "
                  "last layer (softmax and the loss come after, in their own functions).")  # fmt: skip
NONE_BIASES = ("biases is optional (None when left out) and your code fails without it: "
               "add the biases only when they are given (if biases is not None).")  # fmt: skip

HINTS = {
    "relu.scalar_only": "max(0, x) (or an if) only works for a single number; for arrays use "
    "np.maximum(0, x), which handles scalars and arrays alike.",
    "relu.abs": RELU_ABS,
    "relu.abs_doubled": RELU_ABS,
    "relu.abs_precedence": "abs(x) + x / 2 divides only x by 2: ReLU written with abs needs "
    "parentheses, (abs(x) + x) / 2, or simply np.maximum(0, x).",
    "relu.in_place": "Your relu changes the array it was given (x[x < 0] = 0 writes into the "
    "caller's data); return a new array instead, e.g. np.maximum(0, x).",
    "relu.vectorize_int": "np.vectorize takes its output type from the first result: a "
    "negative first element gives 0 (an int) and every other value is cut to an integer. "
    "Use np.maximum(0, x).",
    "relu.int_dtype": INT_DTYPE,
    "node_value.no_bias": "The bias is missing: a node's value is the weighted sum of its "
    "inputs plus the bias.",
    "node_value.no_sum": NO_SUM,
    "node_value.no_sum_bias_appended": NO_SUM,
    "node_value.rounded": ROUNDED,
    "node_value.rounded_3": ROUNDED,
    "node_value.activation": "A node's value is the weighted sum plus the bias, before any "
    "activation: apply relu later, in the layer, not inside node_value.",
    "hidden_layer.no_relu": "ReLU is missing: a hidden layer applies relu to inputs @ weights "
    "+ biases, so negative sums become 0.",
    "hidden_layer.bias_after_relu": "The bias is added after ReLU; add it to inputs @ weights "
    "first, then apply relu to the sum.",
    "hidden_layer.transposed": TRANSPOSED,
    "hidden_layer.weights_first": TRANSPOSED,
    "hidden_layer.bias_twice": "The biases are added twice: add them once, to inputs @ "
    "weights, before relu.",
    "hidden_layer.int_dtype": INT_DTYPE,
    "forward.bias_again": "The biases are added twice: hidden_layer already adds each "
    "layer's biases (before relu), so do not add them again to its result.",
    "forward.relu_on_output": "Your output layer applies ReLU; the last layer of forward is "
    "linear, so negative scores must stay negative.",
    "forward.no_relu": "No layer applies ReLU: every layer but the last must pass its sums "
    "through relu.",
    "forward.no_biases": "The biases are ignored: when biases is given, add biases[l] to layer "
    "l's sums.",
    "forward.no_output_bias": "The output layer's biases are left out: every layer, the "
    "last one too, adds its biases[l] to its sums.",
    "forward.skipped_layers": SKIPPED,
    "forward.first_and_last": SKIPPED,
    "forward.fixed_layer_count": FIXED_LAYERS,
    "forward.first_two_layers": FIXED_LAYERS,
    "forward.flattened": "The output is flattened: inputs of shape (m, n_in) must give (m, "
    "n_out), one row per example even when n_out is 1.",
    "forward.only_2d": ONLY_2D,
    "forward.only_2d_raises": ONLY_2D,
    "forward.only_1d": "Your forward only handles one data point (shape (n_in,)): inputs of "
    "shape (m, n_in) are m rows and must give (m, n_out). Use matrix products (values @ "
    "weights) rather than loops over one point's nodes.",
    "forward.sizes_written_in": "The course network's sizes (2 inputs, 2 hidden nodes, 1 "
    "output) are written into your code (reshape, constants): take every size from the arrays "
    "(inputs.shape, weights[l].shape), so a network of any size works.",
    "forward.int_dtype": INT_DTYPE,
    "softmax.no_shift": "np.exp overflows for large scores (above about 709) and gives nan; "
    "subtract each row's maximum first: the result does not change.",
    "softmax.wrong_axis": "The normalisation runs down the columns (axis=0); each row is one "
    "example, so use axis=-1 with keepdims=True.",
    "softmax.whole_array": "The whole array is normalised at once; each row must sum to 1 on "
    "its own: use max and sum with axis=-1, keepdims=True.",
    "softmax.divide_by_max": "Divide the exponentials by their sum, not by their maximum: "
    "each row of probabilities must sum to 1.",
    "softmax.in_place": "Your softmax writes into the array it was given (z -= ... or "
    "np.exp(z, out=z)); compute new arrays instead: z = z - z.max(axis=-1, keepdims=True).",
    "loss.whole_array": "The log of the sum of exponentials runs over the whole array "
    "(np.sum without axis): each row is one example with its own normaliser, so sum along "
    "axis=-1 (keepdims=True), with each row's maximum as the shift.",
    "loss.summed": "The loss is summed over the rows; take the mean, so it does not grow with "
    "the number of examples.",
    "loss.no_softmax_probs": NO_SOFTMAX,
    "loss.no_softmax_math_log": NO_SOFTMAX,
    "loss.raw_scores": RAW_SCORES,
    "loss.raw_scores_max": RAW_SCORES,
    "loss.unstable_log": UNSTABLE_LOG,
    "loss.unstable_log_clipped": UNSTABLE_LOG,
    "loss.unstable_log_tiny_eps": UNSTABLE_LOG,
    "loss.unstable_softmax": UNSTABLE_LOG,  # a softmax that overflows (nan) instead
    "loss.one_hot_labels": ONE_HOT,
    "loss.one_hot_argmax": ONE_HOT,
    "loss.one_hot_labels_rows": ONE_HOT,
    "loss.onehot_sized_by_labels": "The one-hot rows have labels.max() + 1 columns, counted "
    "from the labels, not one per class: a batch whose labels miss the last class gets too "
    "few. Use scores.shape[1] columns, or pick log_probs[np.arange(m), labels] directly.",
    "loss.large_epsilon": LARGE_EPS,
    "loss.large_epsilon_1e4": LARGE_EPS,
    "loss.math_overflow": MATH_OVERFLOW,
    "loss.math_softmax_then_log": MATH_OVERFLOW,
    "loss.per_row": "You return one loss per row; the loss is a single number: their mean.",
    # Activations other than ReLU where ReLU belongs.
    "relu.sigmoid": SIGMOID.format(where="Your relu"),
    "relu.tanh": TANH.format(where="Your relu"),
    "relu.leaky": LEAKY.format(where="Your relu"),
    "hidden_layer.sigmoid": SIGMOID.format(where="The hidden layer"),
    "hidden_layer.tanh": TANH.format(where="The hidden layer"),
    "hidden_layer.leaky": LEAKY.format(where="The hidden layer"),
    "forward.sigmoid": SIGMOID.format(where="forward"),
    "forward.tanh": TANH.format(where="forward"),
    "forward.leaky": LEAKY.format(where="forward"),
    # node_value: something other than the weighted sum.
    "node_value.mean": "The products are averaged (np.mean): a node's value is their sum, "
    "inputs[0] * weights[0] + inputs[1] * weights[1] + ..., plus the bias.",
    "node_value.first_input_skipped": "The first input is left out: the loop starts at index "
    "1 (as in 1-based notes); Python counts from 0, so go over range(len(inputs)).",
    "node_value.sums_multiplied": "sum(inputs) * sum(weights) is not the weighted sum: multiply "
    "each input by its own weight, then add the products (np.dot(inputs, weights)) and the bias.",
    "node_value.bias_per_input": "The bias is added once per input (inside the sum of the "
    "products); add it once, after summing inputs[i] * weights[i].",
    # biases=None, the optional argument.
    "hidden_layer.none_biases": NONE_BIASES,
    "forward.none_biases": NONE_BIASES,
    # forward's layers.
    "forward.first_layer_skipped": "The first layer is skipped: the loop starts at layer 1; "
    "inputs go through weights[0] first, then every other layer in order.",
    "forward.last_layer_skipped": "The output layer never runs: the loop stops one layer "
    "short (range(len(weights) - 1)); the last layer is applied too, without relu.",
    "forward.reversed_layers": "The layers run in reverse order: inputs go through weights[0] "
    "first and weights[-1] last.",
    "forward.softmax_on_output": SOFTMAX_OUTPUT,
    "forward.bias_after_relu": "The biases of a hidden layer are added after ReLU; add them to "
    "values @ weights first, then apply relu to the sum.",
    "forward.transposed": TRANSPOSED,
    "forward.weights_first": TRANSPOSED,
    # softmax and the loss.
    "softmax.log_softmax": "You return log-probabilities (log-softmax): softmax returns the "
    "probabilities themselves, exp(z - max) / sum(exp(z - max)), each row summing to 1.",
    "loss.softmax_twice": "softmax is applied twice (to probabilities that already went "
    "through softmax): apply it once to the raw scores, then take -log of the label's "
    "probability.",
    "loss.all_pairs": "probs[:, labels] picks every label for every row (an m x m array); "
    "pick one entry per row with probs[np.arange(m), labels].",
    "relu.np_max": "np.max(0, x) is the maximum of the array 0 along axis x, not an "
    "elementwise maximum: use np.maximum(0, x).",
    "hidden_layer.none_biases_nan": NONE_BIASES_NAN,
    "forward.none_biases_nan": NONE_BIASES_NAN,
    "forward.none_biases_no_layers": NONE_BIASES,
    "hidden_layer.none_biases_inputs": "biases is optional (None when left out), and the "
    "zeros your code puts in its place have one entry per input (len(weights)), not one per "
    "node (weights.shape[1]): add the biases only when they are given (if biases is not "
    "None).",
    "hidden_layer.bias_column": "The biases are made a column (reshape(-1, 1), as b in W x + "
    "b): with rows of inputs they broadcast into a square; keep them shape (n_out,), added "
    "to inputs @ weights along the last axis.",
    "forward.inputs_every_layer": "Every layer is fed the original inputs: each layer takes "
    "the previous layer's output (values = relu(values @ w + b)).",
    "softmax.global_max": "The shift is the whole array's maximum (np.max(z) without an "
    "axis): a row far below it gives exp(...) = 0 everywhere and 0 / 0. Subtract each row's "
    "maximum: z.max(axis=-1, keepdims=True).",
    "softmax.no_keepdims": "The row maximum and the row sum are taken without keepdims=True, "
    "so they broadcast along the wrong axis for rows: use axis=-1, keepdims=True.",
    "forward.relu_shifted": "ReLU comes one layer late: the first layer stays linear and the "
    "output layer gets ReLU. Every layer but the last applies relu; the last one is linear.",
    "forward.bias_of_next_layer": "A hidden layer takes the next layer's biases (biases[l + 1], "
    "an index shifted by one from 1-based notes): layer l adds biases[l], the vector of its "
    "own width.",
    "loss.labels_one_based": "The labels are read as 1-based (labels - 1, as Octave's y(i) in "
    "1..K): label 0 picks the last class. They are 0-based class indices: pick column "
    "labels[i] itself.",
    "softmax.sum_no_keepdims": "The row sum is taken without keepdims=True: the m row sums "
    "divide the columns instead of the rows (an error unless there are as many rows as "
    "columns, wrong values when there are); use e.sum(axis=-1, keepdims=True).",
    "softmax.int_dtype": INT_DTYPE,
    "loss.max_not_added_back": "log-sum-exp of the shifted scores needs the maximum added "
    "back: log(sum(exp(s))) = max + log(sum(exp(s - max))); or subtract it from s[label] too.",
    "loss.float_labels": FLOAT_LABELS,
    "loss.float_labels_take": FLOAT_LABELS,
    "relu.step": "You return the step (1 where x > 0, else 0), ReLU's slope: ReLU returns x "
    "itself where x > 0, np.maximum(0, x).",
    "hidden_layer.no_biases": "The biases are never added: when biases is given, the layer "
    "is relu(inputs @ weights + biases).",
    "forward.relu_on_inputs": "ReLU is applied to each layer's input instead of its output: "
    "each hidden layer is relu(values @ w + b), and the last layer stays linear.",
    "forward.relu_first_only": "Only the first layer applies ReLU: every hidden layer (all but "
    "the last) passes its sums through relu.",
    "softmax.axis_1": "axis=1 only works for rows: a single score vector (1-D) has no axis 1; "
    "use axis=-1 with keepdims=True, which works for both.",
    "loss.rows_by_labels": "log_probs[labels] picks whole rows by the labels; pick one entry "
    "per row with log_probs[np.arange(m), labels].",
    "forward.one_based_loop": "The loop runs over range(1, len(weights)) as in 1-based notes: "
    "weights[0] is never used and the output layer runs twice (once with relu); go through "
    "weights[0], ..., weights[-1] once each.",
    "forward.softmax_on_output_rows": SOFTMAX_OUTPUT,
    "loss.last_row_skipped": "The loop over the examples stops one short (range(len(labels) "
    "- 1)), so the last row's loss is left out of the mean.",
    "loss.log10": "The loss uses log10 (or log2): cross-entropy uses the natural log, np.log.",
}

# Switches that are another way of writing a misconception: the misconception each shows.
FLAVOUR_OF = {
    "softmax.sum_no_keepdims": "softmax.no_keepdims",
    "forward.relu_shifted": "forward.relu_on_output",
    "relu.abs_doubled": "relu.abs",
    "relu.int_dtype": "type.int_dtype",
    "hidden_layer.int_dtype": "type.int_dtype",
    "forward.int_dtype": "type.int_dtype",
    "node_value.no_sum_bias_appended": "node_value.no_sum",
    "node_value.rounded_3": "node_value.rounded",
    "forward.first_two_layers": "forward.fixed_layer_count",
    "loss.math_softmax_then_log": "loss.math_overflow",
    "forward.first_and_last": "forward.skipped_layers",
    "hidden_layer.weights_first": "hidden_layer.transposed",
    "forward.only_2d_raises": "forward.only_2d",
    "loss.no_softmax_math_log": "loss.no_softmax_probs",
    "loss.raw_scores_max": "loss.raw_scores",
    "loss.unstable_log_clipped": "loss.unstable_log",
    "loss.unstable_log_tiny_eps": "loss.unstable_log",
    "loss.unstable_softmax": "loss.unstable_log",
    "loss.one_hot_argmax": "loss.one_hot_labels",
    "loss.one_hot_labels_rows": "loss.one_hot_labels",
    "forward.none_biases_no_layers": "forward.none_biases",
    "hidden_layer.none_biases_inputs": "hidden_layer.none_biases",
    "loss.large_epsilon_1e4": "loss.large_epsilon",
    "forward.bias_again": "hidden_layer.bias_twice",
    "relu.abs_precedence": "relu.abs",
    "forward.no_output_bias": "forward.no_biases",
    "loss.whole_array": "softmax.whole_array",
    "forward.bias_after_relu": "hidden_layer.bias_after_relu",
    "hidden_layer.none_biases_nan": "hidden_layer.none_biases",
    "forward.none_biases_nan": "forward.none_biases",
    "softmax.int_dtype": "type.int_dtype",
    "loss.float_labels_take": "loss.float_labels",
    "forward.one_based_loop": "forward.first_layer_skipped",
    "forward.softmax_on_output_rows": "forward.softmax_on_output",
    "forward.transposed": "hidden_layer.transposed",
    "forward.weights_first": "hidden_layer.transposed",
}


def misconception(key: str) -> str:
    """The misconception a switch shows (a flavour's is its family's)."""
    return FLAVOUR_OF.get(key, key)


MISTAKES = tuple(
    Mistake(deviations._exercise(key), deviations.variant(key), hint, key)
    for key, hint in HINTS.items()
)  # fmt: skip

# The catalogue's student-style examples, and the misconception each one shows.
EXAMPLES = {
    "relu.scalar_only": relu_scalar_max,
    "relu.abs": relu_abs,
    "relu.in_place": relu_in_place,
    "node_value.no_bias": node_value_no_bias,
    "node_value.no_sum": node_value_no_sum,
    "hidden_layer.no_relu": hidden_layer_no_relu,
    "hidden_layer.bias_after_relu": hidden_layer_bias_after_relu,
    "hidden_layer.transposed": hidden_layer_transposed,
    "forward.relu_on_output": forward_relu_on_output,
    "forward.no_relu": forward_no_relu,
    "forward.no_biases": forward_no_biases,
    "forward.skipped_layers": forward_first_and_last_only,
    "forward.flattened": forward_flattened,
    "softmax.no_shift": softmax_unstable,
    "softmax.wrong_axis": softmax_wrong_axis,
    "softmax.whole_array": softmax_whole_array,
    "loss.summed": loss_summed,
    "loss.no_softmax_probs": loss_no_softmax,
    "loss.unstable_softmax": loss_unstable,
    "loss.per_row": loss_per_row,
}
