"""Grouped folds, dealt exactly as crate/src/evaluate/folds.rs deals them: groups by
descending size, then name; each into the fold with the fewest lines so far (lowest on a
tie). No group is ever in training and test at once."""
import collections


def assign(groups, k):
    sizes = collections.Counter(groups)
    load = [0] * k
    fold_of = {}
    for g, n in sorted(sizes.items(), key=lambda gn: (-gn[1], gn[0].encode("utf-8"))):
        f = min(range(k), key=lambda i: (load[i], i))
        load[f] += n
        fold_of[g] = f
    return fold_of
