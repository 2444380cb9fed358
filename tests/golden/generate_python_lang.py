"""Record what CPython prints for the pure-Python programs of the runtime's language tests (no torch).

Run from the repository root:

    /usr/bin/python3 tests/golden/generate_python_lang.py

It (re)writes python_lang.json next to this script: for every program below, its stdout and its error
({type, message, line}) or null; the stdout printed before an error is kept. Then "formats": format(value, spec) for
3000 random format specs and "percents": '<%…>' % (value,) for 2000 random conversions (seeded), each with the
resulting string or the error. A program that starts with

    # expect: NotImplementedError line N: CONSTRUCT

is outside the runtime's subset: it is run whole to check that it is working Python, and the stdout recorded is that of
its lines before line N, where the runtime must raise NotImplementedError naming CONSTRUCT.

The output file is committed; do not edit it by hand.
"""

import builtins
import contextlib
import io
import json
import os
import random
import re
import sys

GENERATOR = "tests/golden/generate_python_lang.py"
OUT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_lang.json")
FILENAME = "<program>"
EXPECT = re.compile(r"^# expect: NotImplementedError line (\d+): (.+)\n")

PROGRAMS = {
    # --- float repr ---------------------------------------------------------------------------------------------
    "float-repr-basics": "print(0.1, 0.2, 0.1 + 0.2, 1.0, -1.5, 100.0, 1/3, 2/3)\n",
    "float-repr-exponents": (
        "for e in range(-8, 20, 3):\n"
        "    print(e, 10.0 ** e, 1.5 * 10.0 ** e)\n"
        "print(1e-5, 1e16, 1e15, 123456789012345678.0, 0.0001, 0.00001234)\n"
    ),
    "float-repr-special": (
        "print(float('inf'), -float('inf'), float('nan'), -0.0, 0.0, 5e-324, 1.7976931348623157e308)\n"
        "print(float('1e-5'), float(' 2.5 '), float('-inf'), float(3), float(True))\n"
    ),
    "float-repr-tutorial": (
        "output0 = 0.2975*1 - 0.2548*2 - 0.1119*3 + 0.2710\n"
        "print(output0)\n"
        "print(-0.2167*1 + 0.1201*2 - 0.1179*3  - 0.0448*1  - 0.3925*2  - 0.1946*3 + 0.2215)\n"
    ),
    "float-repr-in-containers": "print([0.1, 1e-5, -0.0], (1.0,), {'a': 2.5}, str(1e16), repr(0.3))\n",
    "float-literals": "print(1_000.5, .5, 5., 1e3, 1E-2, 0x1f, 0o17, 0b101, 1_000_000)\n",
    # --- int and float arithmetic ---------------------------------------------------------------------------------
    "int-arithmetic": "print(7 + 3, 7 - 10, 7 * 3, 7 / 2, 6 / 3, 2 ** 10, 2 ** 100, -2 ** 2, (-2) ** 3)\n",
    "true-division-types": "print(type(6 / 3), 6 / 3, 1 / 4, 7 / -2, -7 / 2, 10 / 3)\n",
    "floor-division-negatives": (
        "for a in [7, -7]:\n"
        "    for b in [2, -2]:\n"
        "        print(a, b, a // b, a % b, divmod(a, b))\n"
    ),
    "float-floor-division": (
        "for a in [7.5, -7.5, 0.0, -0.0]:\n"
        "    for b in [2, -2.0]:\n"
        "        print(a, b, a // b, a % b)\n"
        "print(5 % 0.3, -5 % 0.3, 1e300 // 1e-300)\n"
    ),
    "power-negative-exponents": "print(2 ** -1, 10 ** -5, (-2) ** -3, 0.9 ** 4, 2 ** 0.5, 4 ** 0.5, 1 ** -1, 0.5 ** 2)\n",
    "power-floats": "print(2.0 ** 3, 1.1 ** 10, 10 ** 20, 10.0 ** 20, 3 ** 3 ** 2, 2 ** -2 ** 2)\n",
    "power-fractional": (
        "print(2 ** -0.5, 10 ** 0.25, 3 ** 1.5, 0.5 ** 0.3, 7 ** (1 / 3), 1e-3 ** 2.5, 5 ** -1.5, 2.0 ** 0.1, -8 ** (1 / 3))\n"
        "print([round((i + 1) ** 0.5, 6) for i in range(5)], [(i + 1) ** -0.5 for i in range(6)])\n"
        "print([1.1 ** (k / 4) for k in range(-6, 7, 3)], (-2.0) ** 3, (-2.0) ** 2001, 1.0001 ** 10000.5)\n"
    ),
    "big-ints": "x = 2 ** 200\nprint(x, x // 3, x % 1000007, -x // 7, x * x - 1)\nprint(len(str(3 ** 500)))\n",
    "int-true-division-exact": "print(10 ** 30 / 7, (2 ** 53 + 1) / 3, (2 ** 60 + 1) / 2 ** 60, 2 ** 2000 / 3 ** 1000, -(10 ** 25) / 3)\n",
    "error-int-division-overflow": "print(10 ** 400 / 10 ** 399)\nprint(10 ** 400 / 3)\n",
    "error-int-digit-limit": "print(len(str(10 ** 4299)), hex(10 ** 5000)[:5], int('1' * 4300) % 7)\nprint(10 ** 4300)\n",
    "error-int-parse-digit-limit": "x = int('1' * 4301)\n",
    "int-float-mix": "print(1 + 2.0, 3 * 0.5, 10 - 0.1, 2 * True, True + True, False * 3.5, 1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53)\n",
    "comparisons-chained": "x = 5\nprint(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 3 <= 3 < 4 != 5, 1 < 2 < 3 < 2)\n",
    "comparisons-mixed": "print(1 < 1.5, 2 > 1.99, 0.1 + 0.2 == 0.3, [1, 2] < [1, 3], (1, 2) < (1, 2, 0), 'abc' < 'abd', 'B' < 'a')\n",
    "unary": "x = 3\nprint(-x, +x, -(-x), -0.0, not x, not 0, ~5, -True)\n",
    "bitwise": "print(6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2)\n",
    "augmented-assignment": (
        "x = 10\nx += 5\nx -= 3\nx *= 2\nprint(x)\nx /= 4\nprint(x)\nx //= 2\nprint(x)\nx **= 3\nprint(x)\n"
        "y = 17\ny %= 5\nprint(y)\ns = 'ab'\ns += 'cd'\ns *= 2\nprint(s)\n"
    ),
    "augmented-list-in-place": "a = [1]\nb = a\na += [2, 3]\nprint(a, b, a is b)\nc = (1,)\nc += (2,)\nprint(c)\n",
    "bool-arithmetic": "print(True + 1, True * 2.5, sum([True, True, False]), True == 1, int(True), float(False))\n",
    "boolean-operators": "print(0 or 5, 3 and 0, None or 'x', [] or [1], 1 and 2 and 3, 0 and 1 / 0, 1 or 1 / 0)\n",
    "is-and-in": (
        "a = [1, 2, 3]\nb = a\nprint(a is b, a is not [1, 2, 3], None is None, 2 in a, 4 not in a)\n"
        "print('ell' in 'hello', 'a' in {'a': 1}, 3 in range(5), 2.0 in [1, 2])\n"
    ),
    # --- round, abs, min, max, sum ------------------------------------------------------------------------------
    "round-half-even": "print([round(x) for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 3.5, 1e20]])\n",
    "round-ndigits": "print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-1.25, 1), round(3.14159, 3))\n",
    "round-negative-ndigits": "print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))\n",
    "round-types": "print(round(3.7), type(round(3.7)), round(3.7, 0), round(5, 2), round(-0.4, 0), round(0.5, None))\n",
    "abs-min-max-sum": (
        "print(abs(-3), abs(-2.5), abs(-0.0), min(3, 1, 2), max([4, 9, 2]), min('b', 'a'), max(1, 2.5))\n"
        "print(sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10), sum([]), max([], default=0), min([3, 1], key=abs))\n"
    ),
    "max-key": "words = ['pear', 'fig', 'banana']\nprint(max(words, key=len), min(words, key=len), sorted(words, key=len, reverse=True))\n",
    # --- formatting ---------------------------------------------------------------------------------------------
    "fstring-float-specs": (
        "x = 0.125\n"
        "print(f'{x:.2f} {x:.1f} {0.375:.2f} {2.675:.2f} {1.005:.2f} {x:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f}')\n"
        "print(f'{3.14159:.4f}|{-3.14159:.3f}|{1e-5:.6f}|{123456.789:.1f}|{1e22:.2f}')\n"
    ),
    "fstring-exponent-specs": "x = 12345.6789\nprint(f'{x:e} {x:.2e} {x:E} {1e-5:.3e} {0.0:e} {-1e100:.1e} {x:.0e}')\n",
    "fstring-general-specs": (
        "for v in [0.0001, 0.00001, 1234567.0, 123.456, 1e16, 0.5, 100.0, 1e-10]:\n"
        "    print(f'{v:g} {v:.3g} {v:.10g} {v:G} {v:.3}')\n"
    ),
    "fstring-width-align": (
        "x = 3.14159\nname = 'conv'\n"
        "print(f'[{x:10.3f}] [{x:<10.2f}] [{x:^10.1f}] [{x:>10}] [{name:>8}] [{name:<8}] [{name:^9}] [{name:*^9}]')\n"
        "print(f'[{42:5}] [{42:<5}] [{42:^6}] [{42:05}] [{-42:06}] [{-4.5:08.2f}] [{name:.2}]')\n"
    ),
    "fstring-sign-grouping-percent": (
        "print(f'{1234567:,} {1234567.891:,.2f} {1234567:_} {5:+} {-5:+} {5: } {0.256:.1%} {0.5:%} {1234:+,}')\n"
        "print(f'{255:x} {255:X} {255:#x} {5:b} {8:o} {255:#o} {65:c} {1e6:,.0f} {-0.0:.1f} {1234:010,}')\n"
    ),
    "fstring-nested-and-conversions": (
        "width = 8\nprec = 3\nx = 2 / 3\ns = 'hi'\n"
        "print(f'{x:{width}.{prec}f}|{s!r}|{s!s}|{[1, 2]}|{x=}|{width + 1}|{{literal}}|{\"q\"}')\n"
        "print(f'{x!r:>25}', f'{None}', f'{True}', f'{1e-5}', f'{10**20}')\n"
    ),
    "fstring-expressions": (
        "a = [1, 2, 3]\nd = {'k': 2}\n"
        "print(f'{len(a)} items, first {a[0]}, sum {sum(a)}, {d[\"k\"] * 2}, {a[1:]}, {\"yes\" if a else \"no\"}')\n"
        "print(f\"\"\"multi\n{a[-1]}\"\"\", F'{1+1}', rf'\\n{1}')\n"
    ),
    "format-huge-precision": "print(len(format(1.5, '.100000f')), len(f'{2.5:.5000e}'), f'{0.1:.30f}', f'{1e-300:.1100e}'[-12:], len(f'{1:>100000}'))\n",
    "error-format-precision-too-big": "print(format(1.5, '.10000000000f'))\n",
    "format-builtin": "print(format(0.125, '.2f'), format(12, '>4'), format('x', '^5'), format(3.0), format(1e-5, 'g'), format(7, '08b'))\n",
    "str-format-method": (
        "print('{} + {} = {}'.format(1, 2.5, 3.5), '{0}{1}{0}'.format('a', 'b'), '{x:.2f}'.format(x=1 / 3))\n"
        "print('{:>6}|{:<4}|{:^5}'.format('a', 'b', 'c'), '{!r}'.format('q'), '{{}}'.format())\n"
    ),
    "percent-formatting": (
        "x = 3.14159\n"
        "print('%.3f' % x, '%d items' % 5, '%s and %r' % ('a', 'b'), '%5.1f|%-6d|%06.2f' % (x, 42, x), '%e' % 12345.678)\n"
        "print('%g %g %x %o %%' % (0.0001, 1e-5, 255, 8), '%+d %i' % (5, 3.9), '%(a)s' % {'a': 1}, '%c' % 65)\n"
    ),
    # --- print ------------------------------------------------------------------------------------------------------
    "print-sep-end": (
        "print('a', 'b', sep='-')\nprint('x', end='')\nprint('y')\nprint(1, 2, 3, sep='', end='!\\n')\n"
        "print()\nprint('one', 'two', sep='\\n')\nprint(*[1, 2, 3])\nprint(*'abc', sep=',')\n"
    ),
    "print-containers": (
        "print([1, 'two', 3.0, None, True, [4, (5,)]], ('a',), (), [], {}, {'a': [1], 2: 'b'})\n"
        "print(str([1, 'a']), repr('it\\'s'), repr('say \"hi\"'), repr('both \\' and \"'), 'tab\\there', repr('tab\\t\\n'))\n"
    ),
    "print-none-and-bools": "print(None, True, False, [None], str(None), repr(True))\n",
    "strings-escapes": "print('a\\tb', 'c\\\\d', 'e\\'f', \"g\\\"h\", '\\x41\\u00e9', 'ok\\\n'+'joined', r'raw\\n')\n",
    "strings-triple-quoted": "s = '''line one\nline two'''\nprint(s)\nprint(len(s), s.splitlines())\nt = \"\"\"x\"y\"\"\"\nprint(t)\n",
    "strings-concatenation": "s = 'conv' '1d'\nprint(s, 'a' + 'b', 'ab' * 3, 3 * 'x', ('p'\n    'q'))\n",
    "string-methods": (
        "s = '  Conv1d Layer  '\n"
        "print(s.strip(), s.lower(), s.upper(), s.lstrip(), s.rstrip() + '|', s.replace('Layer', 'net'))\n"
        "print('a,b,,c'.split(','), 'a b  c'.split(), ', '.join(['x', 'y']), 'abc'.startswith('ab'), 'abc'.endswith('bc'))\n"
        "print('hello'.find('l'), 'hello'.count('l'), 'ab'.center(6, '*'), 'ab'.ljust(4, '.'), '7'.zfill(3), 'hi there'.title())\n"
        "print('abc'.index('c'), '123'.isdigit(), 'a1'.isdigit(), 'x'.join('abc'), 'a-b-c'.split('-', 1))\n"
    ),
    "string-indexing": "s = 'convolution'\nprint(s[0], s[-1], s[2:5], s[::2], s[::-1], s[-4:], s[:100], len(s))\n",
    # --- lists, tuples, dicts -------------------------------------------------------------------------------------
    "list-methods": (
        "a = [3, 1, 2]\na.append(5)\na.extend([7, 0])\na.insert(1, 9)\nprint(a)\n"
        "print(a.pop(), a.pop(0), a)\na.remove(2)\na.sort()\nprint(a, a.index(5), a.count(1))\n"
        "a.reverse()\nprint(a, a.copy(), len(a))\na.clear()\nprint(a)\n"
    ),
    "list-sort-key-reverse": "a = [3, -1, 2, -5]\na.sort(key=abs)\nprint(a)\na.sort(reverse=True)\nprint(a, sorted('bca'), sorted([2, 1], reverse=True))\n",
    "list-slicing": (
        "a = list(range(10))\n"
        "print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:-1], a[5:2], a[8:100], a[-100:2], a[1:8:2], a[8:1:-3])\n"
    ),
    "list-slice-assignment": "a = [0, 1, 2, 3, 4]\na[1:3] = ['x', 'y', 'z']\nprint(a)\na[::2] = [7, 8, 9]\nprint(a)\na[-1] = 'end'\nprint(a)\n",
    "list-operations": "a = [1, 2]\nb = a + [3]\nc = a * 2\nprint(a, b, c, [0] * 3, [[0] * 2] * 2, len(c), [1, 2] == [1, 2], [1] != [1.0])\n",
    "list-aliasing": "a = [1, 2]\nb = a\nb.append(3)\nc = list(a)\nc.append(4)\nprint(a, b, c)\n",
    "nested-lists": "grid = [[r * 3 + c for c in range(3)] for r in range(2)]\nprint(grid, grid[1][2], len(grid[0]))\ngrid[0][0] = 'x'\nprint(grid)\n",
    "tuples": "t = (1, 2, 3)\nu = 4, 5\nprint(t, u, t[1], t[-1], t[:2], len(t), t + u, t * 2, (1,), tuple([1, 2]), t.index(2), t.count(3))\n",
    "tuple-unpacking": (
        "a, b = 1, 2\na, b = b, a\nprint(a, b)\n(c, d), e = (3, 4), 5\nprint(c, d, e)\n"
        "first, *rest = [1, 2, 3, 4]\nprint(first, rest)\n*init, last = 'abc'\nprint(init, last)\n"
        "x = y = 7\nprint(x, y)\n[p, q] = 'pq'\nprint(p, q)\n"
    ),
    "dicts": (
        "d = {'a': 1, 'b': 2}\nd['c'] = 3\nd['a'] = 10\nprint(d, len(d), d['b'], 'c' in d, d.get('z'), d.get('z', 0))\n"
        "print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.items())\n"
        "for k, v in d.items():\n    print(k, v)\n"
        "print(d.pop('a'), d, dict(x=1, y=2), dict([('p', 1)]), {1: 'a', 1.0: 'b', True: 'c'})\n"
    ),
    "dict-iteration-order": "d = {}\nfor w in ['b', 'a', 'c', 'a']:\n    d[w] = d.get(w, 0) + 1\nprint(d, sorted(d), [k for k in d])\n",
    # --- control flow -------------------------------------------------------------------------------------------
    "if-elif-else": (
        "for x in [-2, 0, 3, 10]:\n    if x < 0:\n        print(x, 'negative')\n    elif x == 0:\n        print(x, 'zero')\n"
        "    elif x < 5:\n        print(x, 'small')\n    else:\n        print(x, 'large')\n"
    ),
    "for-range-forms": "print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), range(3), range(1, 10, 2), len(range(0, 10, 3)))\n",
    "for-break-continue-else": (
        "for i in range(10):\n    if i % 2 == 0:\n        continue\n    if i > 6:\n        break\n    print(i)\n"
        "for i in range(3):\n    pass\nelse:\n    print('done', i)\n"
        "for i in range(3):\n    if i == 1:\n        break\nelse:\n    print('never')\nprint('after', i)\n"
    ),
    "while-loops": (
        "n = 0\ntotal = 0\nwhile n < 5:\n    n += 1\n    total += n\nprint(n, total)\n"
        "while True:\n    n -= 1\n    if n == 2:\n        break\nprint(n)\n"
        "k = 3\nwhile k:\n    k -= 1\nelse:\n    print('while else', k)\n"
    ),
    "enumerate-zip": (
        "names = ['w', 'b']\nvalues = [0.5, -0.25]\n"
        "for i, (n, v) in enumerate(zip(names, values)):\n    print(i, n, v)\n"
        "for i, c in enumerate('ab', start=1):\n    print(i, c)\n"
        "print(list(zip([1, 2, 3], 'ab')), list(enumerate([7, 8])), list(zip()))\n"
    ),
    "reversed-sorted": "print(list(reversed([1, 2, 3])), list(reversed(range(4))), ''.join(reversed('abc')), sorted([3, 1, 2]), sorted((2.5, 1, -3)))\n",
    "nested-loops": "for i in range(3):\n    row = ''\n    for j in range(3):\n        row += '*' if j <= i else '.'\n    print(row)\n",
    "one-line-blocks": "for i in range(2): print(i)\nif True: print('yes'); print('also')\nx = 1; y = 2; print(x + y)\n",
    "conditional-expression": "for x in [1, -1, 0]:\n    print('pos' if x > 0 else 'neg' if x < 0 else 'zero')\n",
    "truthiness": "for v in [0, 1, 0.0, -0.5, '', 'a', [], [0], (), None, {}, {'a': 1}]:\n    print(repr(v), bool(v), 'T' if v else 'F')\n",
    "line-continuation": (
        "total = 1 + \\\n    2 + \\\n    3\nvalues = [\n    1,\n    2,  # a comment\n    3,\n]\n"
        "print(total, values, (\n    'a'\n    'b'\n))\n"
    ),
    "comments-and-blank-lines": "# a comment\n\nx = 1  # trailing\n\n\n    # indented comment\nif x:\n\n    # inside\n    print(x)\n",
    # --- comprehensions -----------------------------------------------------------------------------------------
    "list-comprehensions": (
        "print([x * x for x in range(5)], [x for x in range(10) if x % 3 == 0], [c.upper() for c in 'abc'])\n"
        "print([(i, j) for i in range(3) for j in range(i)], [x for row in [[1, 2], [3]] for x in row if x > 1])\n"
        "print([[j for j in range(i)] for i in range(3)], [a + b for a, b in zip([1, 2], [10, 20])])\n"
    ),
    "comprehension-scope": "x = 'outer'\nsquares = [x for x in range(3)]\nprint(x, squares)\n",
    # --- functions ------------------------------------------------------------------------------------------------
    "functions-defaults": (
        "def out_len(l_in, k, stride=1, padding=0, dilation=1):\n"
        "    return (l_in + 2 * padding - dilation * (k - 1) - 1) // stride + 1\n"
        "print(out_len(5, 3), out_len(5, 3, padding=1), out_len(10, 3, 2), out_len(l_in=7, k=2, dilation=2))\n"
    ),
    "functions-varargs": (
        "def f(a, *args, scale=1, **kw):\n    return a * scale, args, kw\n"
        "print(f(1), f(1, 2, 3), f(2, scale=3), f(1, x=5))\nargs = [4, 5]\nprint(f(*args), f(*args, **{'scale': 2}))\n"
    ),
    "functions-return-none-and-tuples": (
        "def nothing():\n    pass\ndef pair(x):\n    return x, x * 2\ndef early(x):\n    if x:\n        return 'yes'\n    print('fell through')\n"
        "print(nothing(), pair(3), early(1), early(0))\na, b = pair(4)\nprint(a + b)\n"
    ),
    "functions-recursion": "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fact(20), fact(30), [fib(i) for i in range(12)])\n",
    "functions-closures-and-globals": (
        "scale = 10\ndef make(k):\n    def inner(x):\n        return x * k + scale\n    return inner\n"
        "f = make(3)\nprint(f(2))\nscale = 100\nprint(f(2))\n"
    ),
    "functions-local-scope": "x = 1\ndef f():\n    x = 2\n    return x\nprint(f(), x)\n",
    "functions-as-values": "def double(x):\n    return 2 * x\nops = [double, abs, str]\nprint([op(-3) for op in ops], double.__name__, sorted([-3, 2, -1], key=double))\n",
    "functions-mutable-default": "def add(x, acc=[]):\n    acc.append(x)\n    return acc\nprint(add(1), add(2))\n",
    # --- builtins -----------------------------------------------------------------------------------------------
    "int-float-str-conversions": (
        "print(int(3.9), int(-3.9), int('42'), int(' -7 '), int('1_000'), int('ff', 16), int(True), float('3.5'), str(3), str(3.0))\n"
        "print(int(2.5e20), float(2 ** 60), str(-0.0), int(-0.9), int('0x1f', 16), int('101', 2))\n"
    ),
    "len-and-types": "print(len('abc'), len([1, 2]), len((1,)), len({'a': 1}), len(range(10)), type(1), type(1.0), type('s'), type([]), type(True))\n",
    "isinstance": "print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance(1.0, (int, float)), isinstance('a', str), isinstance([], list))\n",
    "all-any-map-filter": "print(all([1, 2]), all([]), any([0, 0]), any([0, 1]), list(map(abs, [-1, 2])), list(map(str, range(3))), list(filter(None, [0, 1, 2])))\n",
    "chr-ord-hex-bin": "print(chr(65), ord('a'), hex(255), bin(5), hex(-1), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, -1))\n",
    "list-tuple-constructors": "print(list('abc'), list((1, 2)), list(range(3)), tuple('ab'), list({'x': 1}), list(), tuple())\n",
    "iter-next": "it = iter([1, 2])\nprint(next(it), next(it), next(it, 'done'))\n",
    # --- errors -------------------------------------------------------------------------------------------------
    "error-name": "print('before')\nx = 1\nprint(y)\nprint('after')\n",
    "error-name-in-function": "def f():\n    return undefined_thing + 1\nprint('calling')\nf()\n",
    "error-zero-division-int": "print(1)\nx = 10 // 0\n",
    "error-zero-division-true": "a = 1\nb = 0\nprint(a / b)\n",
    "error-zero-division-float": "print(1.5 / 0.0)\n",
    "error-zero-division-modulo": "print(5 % 0)\n",
    "error-float-modulo-zero": "print(5.0 % 0)\n",
    "error-float-floordiv-zero": "print(5.0 // 0)\n",
    "error-zero-negative-power": "print(0 ** -1)\n",
    "error-type-add": "print('total: ' + 5)\n",
    "error-type-add-numbers": "x = 1 + 'a'\n",
    "error-type-unsupported-operand": "print([1] - [1])\n",
    "error-type-not-callable": "x = 5\nx()\n",
    "error-type-not-subscriptable": "x = 5\nprint(x[0])\n",
    "error-type-not-iterable": "for i in 5:\n    print(i)\n",
    "error-type-unpack-non-iterable": "a, b = 1\n",
    "error-unpack-too-many": "a, b = [1, 2, 3]\n",
    "error-unpack-too-few": "a, b, c = (1, 2)\n",
    "error-type-compare": "print(1 < 'a')\n",
    "error-type-multiply-sequence": "print('a' * 2.5)\n",
    "error-type-list-index-float": "a = [1, 2]\nprint(a[1.0])\n",
    "error-index-out-of-range": "a = [1, 2, 3]\nprint(a[1])\nprint(a[3])\n",
    "error-tuple-index": "t = (1,)\nprint(t[5])\n",
    "error-string-index": "print('abc'[10])\n",
    "error-key": "d = {'a': 1}\nprint(d['b'])\n",
    "error-attribute": "x = [1]\nx.push(2)\n",
    "error-attribute-int": "x = 5\nprint(x.shape)\n",
    "error-value-int-parse": "print(int('abc'))\n",
    "error-value-float-parse": "print(float('1.2.3'))\n",
    "error-function-missing-argument": "def f(a, b):\n    return a + b\nprint(f(1))\n",
    "error-function-too-many-arguments": "def f(a, b=1):\n    return a + b\nprint(f(1, 2, 3))\n",
    "error-function-unexpected-keyword": "def f(a):\n    return a\nf(b=1)\n",
    "error-function-multiple-values": "def f(a, b):\n    return a\nf(1, a=2)\n",
    "error-unbound-local": "x = 1\ndef f():\n    print(x)\n    x = 2\nf()\n",
    "error-in-nested-call": "def inner(v):\n    return v[10]\ndef outer():\n    return inner([1])\nprint('start')\nouter()\n",
    "error-tuple-assignment": "t = (1, 2)\nt[0] = 5\n",
    "error-str-concat-list": "print([1] + (2,))\n",
    "error-max-empty": "print(max([]))\n",
    "error-list-remove": "a = [1]\na.remove(5)\n",
    "error-list-pop-empty": "a = []\na.pop()\n",
    "error-range-float": "for i in range(2.5):\n    pass\n",
    "error-len-int": "print(len(5))\n",
    "error-round-nan": "print(round(float('nan')))\n",
    "error-int-infinity": "print(int(float('inf')))\n",
    "error-after-output-in-loop": "for i in range(5):\n    print(i, 10 / (3 - i))\n",
    "error-format-spec": "print(f'{\"abc\":d}')\n",
    "error-precision-int": "print(f'{5:.2d}')\n",
    "error-line-multiline-list": "x = [1,\n     2,\n     undefined]\n",
    "error-line-multiline-call": "def f(a,\n      b):\n    return a +\\\n        b\nf(1,\n  'x')\n",
    "error-line-multiline-comprehension": "w = [i / 0\n     for i in range(3)]\n",
    "error-line-multiline-fstring": "v = f\"\"\"\n{1/0}\"\"\"\n",
    "error-line-multiline-subscript": "p = (\n  1,\n  2\n)[3]\n",
    "error-recursion": "def f(n):\n    return f(n + 1)\nf(0)\n",
    # --- syntax errors (nothing runs) -------------------------------------------------------------------------------
    "syntax-missing-colon": "print('never')\nif True\n    print(1)\n",
    "syntax-unclosed-paren": "print('never')\nx = (1, 2\ny = 3\n",
    "syntax-unexpected-indent": "x = 1\n    y = 2\n",
    "syntax-bad-dedent": "if True:\n        x = 1\n    y = 2\n",
    "syntax-missing-block": "for i in range(3):\nprint(i)\n",
    "syntax-missing-colon-def": "def f(x)\n    return x\n",
    "syntax-unexpected-indent-after-statement": "x = 1\nif x:\n    y = 2\n      z = 3\n",
    "syntax-assign-to-call": "f() = 1\n",
    "syntax-invalid": "x = = 1\n",
    "syntax-unterminated-string": "print('hello)\n",
    "syntax-leading-zero": "x = 012\n",
    "syntax-break-outside-loop": "print('never')\nif True:\n    break\n",
    "syntax-continue-in-function-in-loop": "for i in range(2):\n    def f():\n        continue\n",
    "syntax-return-outside-function": "x = 1\nreturn x\n",
    "syntax-unmatched-bracket": "x = [1, 2)\n",
    # --- outside the subset -----------------------------------------------------------------------------------------
    "outside-class": "# expect: NotImplementedError line 3: class\nprint('before')\nclass A:\n    pass\nprint(A)\n",
    "outside-try": (
        "# expect: NotImplementedError line 4: try\nx = 1\nprint(x)\ntry:\n    x = 1 / 0\nexcept ZeroDivisionError:\n"
        "    print('caught')\nfinally:\n    print('finally')\n"
    ),
    "outside-import-math": "# expect: NotImplementedError line 3: math\nprint('start')\nimport math\nprint(math.pi)\n",
    "outside-from-import-random": "# expect: NotImplementedError line 3: random\nprint(1)\nfrom random import random\n",
    "outside-lambda": "# expect: NotImplementedError line 3: lambda\nprint('a')\nf = lambda x: x + 1\nprint(f(1))\n",
    "outside-generator": "# expect: NotImplementedError line 3: generator\nprint('a')\nprint(sum(x * x for x in range(4)))\n",
    "outside-global": "# expect: NotImplementedError line 3: global\nprint('x')\nglobal y\ny = 1\nprint(y)\n",
    "outside-walrus": "# expect: NotImplementedError line 3: :=\nprint('x')\nprint((n := 3), n)\n",
    "outside-set-literal": "# expect: NotImplementedError line 3: set\nprint('x')\ns = {1, 2, 2}\nprint(s)\n",
    "outside-dict-comprehension": "# expect: NotImplementedError line 2: dict comprehension\nd = {k: k * 2 for k in range(3)}\nprint(d)\n",
    "outside-decorator": (
        "# expect: NotImplementedError line 4: decorator\ndef deco(f):\n    return f\n@deco\ndef g():\n    return 1\nprint(g())\n"
    ),
    "outside-del": "# expect: NotImplementedError line 4: del\nx = [1, 2]\nprint(x)\ndel x[0]\nprint(x)\n",
    "outside-assert": "# expect: NotImplementedError line 3: assert\nprint('checking')\nassert 1 + 1 == 2, 'math'\nprint('ok')\n",
    "outside-complex": "# expect: NotImplementedError line 3: complex\nprint(1)\nz = 2j\nprint(z)\n",
    "outside-match": (
        "# expect: NotImplementedError line 5: match\ndef match(x):\n    return x * 2\nprint(match(3))\nmatch match(1):\n"
        "    case 2:\n        print('two')\n"
    ),
    "outside-while-true-after-output": (
        "# expect: NotImplementedError line 5: class\nfor i in range(2):\n    print(i)\nprint('then')\nclass B:\n"
        "    x = 1\n"
    ),
}


# format(value, spec) for random specs: every field of the mini-language against every kind of value, errors included.
FORMAT_VALUES = [
    "0", "1", "-1", "7", "-42", "255", "1234567", "-9876543210", "10**20", "True", "False", "0.0", "-0.0", "0.5",
    "1.5", "2.5", "-2.5", "0.125", "0.375", "2.675", "1e-05", "1.5e-07", "123.456", "-123.456", "1e+16", "1e+22",
    "1.7976931348623157e+308", "5e-324", "float('inf')", "float('-inf')", "float('nan')", "0.1", "1/3", "99999.5",
    "999999.5", "0.0001", "9.9999", "'ab'", "''", "'hello world'",
]


def random_spec(rng):
    spec = ""
    align = rng.choice(["", "<", ">", "^", "="])
    if align:
        spec += rng.choice(["", "*", "0", " ", "x"]) + align
    spec += rng.choice(["", "+", "-", " "])
    spec += "z" if rng.random() < 0.1 else ""
    spec += "#" if rng.random() < 0.2 else ""
    spec += "0" if rng.random() < 0.2 else ""
    spec += str(rng.randint(0, 15)) if rng.random() < 0.5 else ""
    spec += rng.choice([",", "_"]) if rng.random() < 0.2 else ""
    spec += "." + str(rng.randint(0, 12)) if rng.random() < 0.5 else ""
    return spec + rng.choice(["", "d", "e", "E", "f", "F", "g", "G", "n", "%", "x", "X", "b", "o", "c", "s"])


def format_cases(count=3000):
    rng = random.Random(5)
    cases = []
    for _ in range(count):
        value, spec = rng.choice(FORMAT_VALUES), random_spec(rng)
        try:
            outcome = {"result": format(eval(value), spec)}
        except Exception as exc:  # noqa: BLE001 -- the error is the expected outcome
            outcome = {"error": {"type": type(exc).__name__, "message": str(exc)}}
        cases.append(dict(value=value, spec=spec, **outcome))
    return cases


PERCENT_VALUES = FORMAT_VALUES[:-3] + ["'ab'", "''", "[1, 2]", "None", "'x'"]


def percent_cases(count=2000):
    """'<%...>' % (value,) for random conversions: flags, width, precision and every conversion type."""
    rng = random.Random(3)
    cases = []
    for _ in range(count):
        conversion = "%" + "".join(rng.sample("-+ 0#", rng.randint(0, 2)))
        conversion += str(rng.randint(0, 12)) if rng.random() < 0.5 else ""
        conversion += "." + str(rng.randint(0, 10)) if rng.random() < 0.5 else ""
        conversion += rng.choice("diouxXeEfFgGcrsa%")
        source = "%r %% (%s,)" % ("<" + conversion + ">", rng.choice(PERCENT_VALUES))
        try:
            outcome = {"result": eval(source)}
        except Exception as exc:  # noqa: BLE001 -- the error is the expected outcome
            outcome = {"error": {"type": type(exc).__name__, "message": str(exc)}}
        cases.append(dict(source=source, **outcome))
    return cases


def error_line(exc):
    if isinstance(exc, SyntaxError):
        return exc.lineno
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run(source):
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, FILENAME, "exec"), {"__name__": "__main__", "__builtins__": builtins})
        except Exception as exc:  # noqa: BLE001 -- every Python error is a recorded outcome
            message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
            error = {"type": type(exc).__name__, "message": message, "line": error_line(exc)}
    return out.getvalue(), error


def record(name, source):
    expect = EXPECT.match(source)
    if not expect:
        stdout, error = run(source)
        return {"name": name, "source": source, "stdout": stdout, "error": error}
    line, construct = int(expect.group(1)), expect.group(2).strip()
    _, error = run(source)
    if error:
        sys.exit("%s: must be working Python, but raised %s" % (name, error))
    stdout, error = run("".join(source.splitlines(keepends=True)[: line - 1]))
    if error:
        sys.exit("%s: the lines before %d raised %s" % (name, line, error))
    return {"name": name, "source": source, "stdout": stdout,
            "error": {"type": "NotImplementedError", "line": line, "construct": construct}}


def main():
    sys.setrecursionlimit(1000)
    programs = [record(name, source) for name, source in PROGRAMS.items()]
    head = {
        "generator": GENERATOR,
        "python_version": "%d.%d.%d" % sys.version_info[:3],
        "note": "generated by CPython; do not edit",
    }
    formats = format_cases()
    percents = percent_cases()
    lines = ["{"] + ["  %s: %s," % (json.dumps(k), json.dumps(v)) for k, v in head.items()]
    for key, items, last in (("programs", programs, False), ("formats", formats, False), ("percents", percents, True)):
        lines.append('  "%s": [' % key)
        for i, item in enumerate(items):
            lines.append("    " + json.dumps(item, separators=(",", ":")) + ("," if i + 1 < len(items) else ""))
        lines.append("  ]" + ("" if last else ","))
    lines.append("}")
    with open(OUT_FILE, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d programs (%d end in an error), %d format() and %d %%-format cases"
          % (OUT_FILE, len(programs), sum(1 for p in programs if p["error"]), len(formats), len(percents)))


if __name__ == "__main__":
    main()
