#!/usr/bin/env python3
"""Generates the constants of dev.kernels.internal.ActivationConstants (mpmath at 50 digits).

1. GELU_H: H(a) = e^(a^2/2) Q(a), Q(a) = erfc(a/sqrt2)/2 = 1 - Phi(a), as a degree-12 polynomial in
   y = (a - K)/(a + K), K = 5, over a in [0, 20] (y in [-1, 3/5]); Q(a) = e^(-a^2/2) H(a) is then relatively
   accurate deep into the tail, where gelu(x) = x Q(|x|) is subnormal.
2. Root windows of the derivatives that cross zero (GELU, tanh-GELU, SiLU): the derivative is written as
   d * W(d), d = x - x0 with the root x0 split in hi + lo, W a polynomial in d on [-w, w]; outside the window
   the direct binary64 formula loses at most log2(1/w) bits to cancellation.
Each fit is a Chebyshev fit (GELU_H: relative minimax by Lawson iterations), rounded to binary64 and re-measured (relative error) on a grid after rounding.
Run:  python3 tools/gencoef_activations.py > tools/gencoef_activations.out
"""
import mpmath as mp
import re

mp.mp.dps = 50

def hexd(v):
    return re.sub(r'\.?0+p', 'p', float(v).hex())

def measure(cr, g, a, b, n=2000):
    worst = mp.mpf(0)
    for i in range(n + 1):
        y = a + (b - a) * mp.mpf(i) / n
        p = mp.mpf(0)
        for c in reversed(cr):
            p = p * y + mp.mpf(c)
        gy = g(y)
        worst = max(worst, abs(p / gy - 1))
    return worst

def fit(name, g, a, b, deg):
    poly = mp.chebyfit(g, [a, b], deg + 1)
    cr = [float(c) for c in reversed(poly)]
    w = measure(cr, g, a, b)
    print(f"// {name}: degree {deg} on [{mp.nstr(a, 10)}, {mp.nstr(b, 10)}], max rel error after rounding "
          f"{mp.nstr(w, 3)} (2^{mp.nstr(mp.log(w, 2), 4)})")
    for i, c in enumerate(cr):
        print(f"    public static final double {name}{i} = {hexd(c)};")
    return cr

def split(v):
    hi = float(v)
    lo = float(v - mp.mpf(hi))
    return hi, lo

SQRT2PI = mp.sqrt(2 * mp.pi)

# ---- 1. Gaussian tail
K = mp.mpf(5)
A_MAX = mp.mpf(20)
def H(a):
    return mp.erfc(a / mp.sqrt(2)) * mp.exp(a * a / 2) / 2

def lawson_fit(name, g, a, b, deg, npts=400, iters=60):
    """Minimax in the relative error: Lawson's iteratively reweighted least squares on Chebyshev nodes of [a, b] (plus
    the ends), monomial basis in mpmath; coefficients rounded to binary64 and re-measured like fit()."""
    nodes = [a, b] + [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / npts) for k in range(npts)]
    gv = [g(y) for y in nodes]
    wt = [mp.mpf(1) / len(nodes)] * len(nodes)
    for _ in range(iters):
        A = mp.matrix([[mp.sqrt(w) * y ** j / gy for j in range(deg + 1)] for y, gy, w in zip(nodes, gv, wt)])
        c = mp.qr_solve(A, mp.matrix([mp.sqrt(w) for w in wt]))[0]
        err = [abs(sum(c[j] * y ** j for j in range(deg + 1)) / gy - 1) for y, gy in zip(nodes, gv)]
        wt = [w * e for w, e in zip(wt, err)]
        tot = sum(wt)
        wt = [w / tot for w in wt]
    cr = [float(c[j]) for j in range(deg + 1)]
    w = measure(cr, g, a, b, 4000)
    print(f"// {name}: degree {deg} on [{mp.nstr(a, 10)}, {mp.nstr(b, 10)}], relative minimax (Lawson), max rel error "
          f"after rounding {mp.nstr(w, 3)} (2^{mp.nstr(mp.log(w, 2), 4)})")
    for i, v in enumerate(cr):
        print(f"    public static final double {name}{i} = {hexd(v)};")
    return cr

# degree 12 is enough for results rounded to binary32 (2^-33.5 relative); degree 16 gave 2^-44.3 at 17% more time
print("// GELU_H: H(a) = e^(a^2/2) Q(a) in y = (a - 5)/(a + 5), a in [0, 20]")
lawson_fit("GELU_H", lambda y: H(K * (1 + y) / (1 - y)), mp.mpf(-1), (A_MAX - K) / (A_MAX + K), 12)
print(f"    INV_SQRT_2PI = {hexd(1 / SQRT2PI)}")

W = mp.mpf(1) / 32
def window(name, h, x0, deg):
    hi, lo = split(x0)
    print(f"// {name}: root x0 = {mp.nstr(x0, 25)}  hi = {hexd(hi)}  lo = {hexd(lo)}")
    def wfun(d):
        if abs(d) < mp.mpf('1e-30'):
            return mp.diff(h, x0)
        return h(x0 + d) / d
    fit(name, wfun, -W, W, deg)

# ---- 2a. exact GELU: f'(-a) = Q(a) - a phi(a) = e^(-a^2/2) (H(a) - a/sqrt(2 pi)); root in a > 0
hg = lambda a: H(a) - a / SQRT2PI
a0 = mp.findroot(hg, mp.mpf('0.75'))
window("GELU_W", hg, a0, 5)

# ---- 2b. tanh-GELU: f'(x) = s (1 + 2 x z'(x) (1 - s)), s = sigmoid(2 z), z = k (x + c x^3)
k = mp.mpf(float(mp.sqrt(2 / mp.pi)))   # the binary64 constants the kernel uses
c = mp.mpf(float(mp.mpf('0.044715')))
print(f"    GELU_TANH_K = {hexd(k)}  GELU_TANH_C = {hexd(c)}  3C = {hexd(3 * c)}")
def ht(x):
    z = k * (x + c * x ** 3)
    return 1 + 2 * x * k * (1 + 3 * c * x * x) / (1 + mp.exp(2 * z))
x0 = mp.findroot(ht, mp.mpf('-0.75'))
window("GELU_TANH_W", ht, x0, 5)

# ---- 2c. SiLU: f'(x) = s (1 + x (1 - s)), s = sigmoid(x)
hs = lambda x: 1 + x / (1 + mp.exp(x))
x0 = mp.findroot(hs, mp.mpf('-1.28'))
window("SILU_W", hs, x0, 5)

# ---- 3. siluBackward in binary32: h(x0 + d) = d + d^2 P(d) on [-w, w] (h'(x0) = 1 exactly: sigmoid(-x0) = -1/x0),
#      P in binary32 coefficients, x0 split in binary32 hi + lo; error measured on W(d) = h/d = 1 + d P(d)
import struct
def f32(v):
    return struct.unpack('f', struct.pack('f', float(v)))[0]
x0 = mp.findroot(hs, mp.mpf('-1.28'))
hi = f32(x0)
lo = f32(x0 - mp.mpf(hi))
print(f"// SILU_F_W: root hi = {hexd(hi)}f  lo = {hexd(lo)}f  h'(x0) = {mp.nstr(mp.diff(hs, x0), 20)}")
def pfun(d):
    if abs(d) < mp.mpf('1e-30'):
        return mp.diff(hs, x0, 2) / 2
    return (hs(x0 + d) / d - 1) / d
poly = mp.chebyfit(pfun, [-W, W], 3)
pc = [f32(c) for c in reversed(poly)]
worst = mp.mpf(0)
for i in range(2001):
    d = -W + 2 * W * mp.mpf(i) / 2000
    if d == 0:
        continue
    p = mp.mpf(0)
    for c in reversed(pc):
        p = p * d + mp.mpf(c)
    worst = max(worst, abs((1 + d * p) / (hs(x0 + d) / d) - 1))
print(f"// SILU_F_W: P degree 2 on [-{mp.nstr(W, 5)}, {mp.nstr(W, 5)}], max rel error of 1 + d P(d) after rounding "
      f"{mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
for i, c in enumerate(pc):
    print(f"    public static final float SILU_F_W{i + 1} = {hexd(c)}f;")
