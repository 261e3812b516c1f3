#!/usr/bin/env python3
"""Generates the constants of dev.kernels.internal.ActivationConstants (mpmath at 50 digits).

1. H(a) = e^(a^2/2) Q(a), Q(a) = erfc(a/sqrt2)/2 = 1 - Phi(a), as a polynomial in y = (a - K)/(a + K); Q(a) =
   e^(-a^2/2) H(a) is then relatively accurate deep into the tail, where gelu(x) = x Q(|x|) is subnormal.
   GELU_FWD_H (gelu): degree 9, K = 3.875, a in [0, 14.375], relative minimax. GELU_BWD_H (geluBackward): degree 9,
   K = 3.9375, a in [0, 20], minimax in the error relative to h(a) = H(a) - a/sqrt(2 pi) (section 2a). Earlier
   kernels used one degree-12 fit (K = 5, [0, 20], 2^-33.5) for both, 0.50-0.52 ULP at 1.15-1.2x the time.
2. Root windows of the derivatives that cross zero (GELU, tanh-GELU, SiLU): the derivative is written as
   d * W(d), d = x - x0 with the root x0 split in hi + lo, W a polynomial in d on [-w, w]; outside the window
   the direct binary64 formula loses at most log2(1/w) bits to cancellation.
Each fit is a Chebyshev fit (GELU_*_H: minimax by Lawson iterations), rounded to binary64 and re-measured (relative error) on a grid after rounding.
Run:  python3 tools/gencoef_activations.py > tools/gencoef_activations.out
"""
import mpmath as mp
import re

mp.mp.dps = 50

def hexd(v):
    return re.sub(r'\.?0+p', 'p', float(v).hex())

def measure(cr, g, a, b, n=2000, den=None):
    worst = mp.mpf(0)
    for i in range(n + 1):
        y = a + (b - a) * mp.mpf(i) / n
        p = mp.mpf(0)
        for c in reversed(cr):
            p = p * y + mp.mpf(c)
        gy = g(y)
        worst = max(worst, abs((p - gy) / (den(y) if den else gy)))
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
A_MAX = mp.mpf(20)
def H(a):
    return mp.erfc(a / mp.sqrt(2)) * mp.exp(a * a / 2) / 2

def lawson_fit(name, g, a, b, deg, npts=400, iters=60, den=None):
    """Minimax in the relative error (or in |P - g| / den when den is given): Lawson's iteratively reweighted least
    squares on Chebyshev nodes of [a, b] (plus the ends), monomial basis in mpmath; coefficients rounded to binary64 and
    re-measured like fit()."""
    den = den or g
    nodes = [a, b] + [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / npts) for k in range(npts)]
    gv = [g(y) for y in nodes]
    dv = [den(y) for y in nodes]
    wt = [mp.mpf(1) / len(nodes)] * len(nodes)
    for _ in range(iters):
        A = mp.matrix([[mp.sqrt(w) * y ** j / d for j in range(deg + 1)] for y, d, w in zip(nodes, dv, wt)])
        c = mp.qr_solve(A, mp.matrix([mp.sqrt(w) * gy / d for gy, d, w in zip(gv, dv, wt)]))[0]
        err = [abs((sum(c[j] * y ** j for j in range(deg + 1)) - gy) / d) for y, gy, d in zip(nodes, gv, dv)]
        wt = [w * e for w, e in zip(wt, err)]
        tot = sum(wt)
        wt = [w / tot for w in wt]
    cr = [float(c[j]) for j in range(deg + 1)]
    w = measure(cr, g, a, b, 4000, den)
    print(f"// {name}: degree {deg} on [{mp.nstr(a, 10)}, {mp.nstr(b, 10)}], minimax (Lawson) in |P - g| / "
          f"{'g' if den is g else 'den'}, max after rounding {mp.nstr(w, 3)} (2^{mp.nstr(mp.log(w, 2), 4)})")
    if den is not g:
        w = measure(cr, g, a, b, 4000)
        print(f"//   (its plain relative error: {mp.nstr(w, 3)}, 2^{mp.nstr(mp.log(w, 2), 4)})")
    for i, v in enumerate(cr):
        print(f"    public static final double {name}{i} = {hexd(v)};")
    return cr

print(f"    INV_SQRT_2PI = {hexd(1 / SQRT2PI)}")

# gelu forward alone: a clamped at 14.375, past the root 14.35607 of a Q(a) = 2^-150 (beyond it x Phi(x) rounds to -0
# or is x), and H only needs ~2^-27 (0.09 ULP of the binary32 result): degree 9 and the centre that minimises its error
K_FWD = mp.mpf('3.875')
A_MAX_FWD = mp.mpf('14.375')
print(f"// GELU_FWD_H: H(a) in y = (a - {K_FWD})/(a + {K_FWD}), a in [0, {A_MAX_FWD}]; root of a Q(a) = 2^-150: "
      f"{mp.nstr(mp.findroot(lambda a: a * mp.erfc(a / mp.sqrt(2)) / 2 - mp.mpf(2) ** -150, mp.mpf(14.3)), 12)}")
lawson_fit("GELU_FWD_H", lambda y: H(K_FWD * (1 + y) / (1 - y)), mp.mpf(-1), (A_MAX_FWD - K_FWD) / (A_MAX_FWD + K_FWD),
           9, iters=200)

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

# geluBackward alone: for x < 0 it needs h(a) = H(a) - a/sqrt(2 pi) relatively accurate, not H, so H is fitted in
# |P - H| / |h| (h clipped at its value on the edge of the root window, inside which d W(d) is used): beyond a ~ 2 the
# term a/sqrt(2 pi) dominates h and H may be coarser. Degree 9 and the centre that minimises that error.
K_BWD = mp.mpf('3.9375')
hedge = min(abs(hg(a0 + W)), abs(hg(a0 - W)))
print(f"// GELU_BWD_H: H(a) in y = (a - {K_BWD})/(a + {K_BWD}), a in [0, {A_MAX}], weighted by max(|h(a)|, {mp.nstr(hedge, 6)})")
lawson_fit("GELU_BWD_H", lambda y: H(K_BWD * (1 + y) / (1 - y)), mp.mpf(-1), (A_MAX - K_BWD) / (A_MAX + K_BWD), 9,
           iters=200, den=lambda y: max(abs(hg(K_BWD * (1 + y) / (1 - y))), hedge))

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

# ---- 3. siluBackward in binary32: h(x0 + d) = d + d^2 P(d) on [-WF, WF] (h'(x0) = 1 exactly: sigmoid(-x0) = -1/x0),
#      P in binary32 coefficients, x0 split in binary32 hi + lo; error measured on W(d) = h/d = 1 + d P(d).
#      WF = 1/2, wider than the binary64 windows: outside it the plain exp's rounding (about 2^-24 of e, relative) moves
#      g silu'(-a) = g e sigmoid(a) h, h = 1 - a sigmoid(a), by sigmoid(a) (1 + a sigmoid(-a) / h) of it, at most 1.05
#      there (1.56 at 1/4 from x0, where the exhaustive sweep found 3.26 ULP; 7 at 1/32).
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
WF = mp.mpf(1) / 2
poly = mp.chebyfit(pfun, [-WF, WF], 8)
pc = [f32(c) for c in reversed(poly)]
worst = mp.mpf(0)
for i in range(2001):
    d = -WF + 2 * WF * mp.mpf(i) / 2000
    if d == 0:
        continue
    p = mp.mpf(0)
    for c in reversed(pc):
        p = p * d + mp.mpf(c)
    worst = max(worst, abs((1 + d * p) / (hs(x0 + d) / d) - 1))
print(f"// SILU_F_W: P degree 7 on [-{mp.nstr(WF, 5)}, {mp.nstr(WF, 5)}], max rel error of 1 + d P(d) after rounding "
      f"{mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
for i, c in enumerate(pc):
    print(f"    public static final float SILU_F_W{i + 1} = {hexd(c)}f;")
