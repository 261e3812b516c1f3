#!/usr/bin/env python3
"""Generates the polynomial coefficients of dev.kernels.internal.MathConstants.

Each fit is a Chebyshev (near-minimax) fit in mpmath at 60 digits, then rounded to the
target precision (binary32 or binary64) and re-measured after rounding on a dense grid.
Run:  python3 tools/gencoef.py     (needs mpmath; prints Java hex-float constants)
"""
import mpmath as mp
import re
import struct

mp.mp.dps = 60

def to_f32(v):
    return struct.unpack('f', struct.pack('f', float(v)))[0]

def hexf(v, single):
    h = re.sub(r'\.?0+p', 'p', float(v).hex())  # 0x1.xxxxxp+e, trailing zeros dropped
    return h + ('f' if single else '')

def fit(name, g, a, b, deg, single, weight=None):
    """fit g on [a,b] with a degree-`deg` polynomial; returns coefficients low->high."""
    poly, err = mp.chebyfit(g, [a, b], deg + 1, error=True)
    c = list(reversed(poly))
    rnd = (lambda v: to_f32(v)) if single else (lambda v: float(v))
    cr = [rnd(v) for v in c]
    # measure relative error of the rounded polynomial on a grid
    worst = mp.mpf(0)
    N = 4000
    for i in range(N + 1):
        x = a + (b - a) * mp.mpf(i) / N
        p = mp.mpf(0)
        for cc in reversed(cr):
            p = p * x + mp.mpf(cc)
        gx = g(x)
        w = weight(x) if weight else 1
        e = abs((p - gx) * w / gx) if gx != 0 else abs(p - gx)
        worst = max(worst, e)
    print(f"// {name}: degree {deg} on [{mp.nstr(a,8)}, {mp.nstr(b,8)}], max rel error after rounding "
          f"{mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst,2) if worst else -999, 4)})")
    for i, v in enumerate(cr):
        print(f"  C{i} = {hexf(v, single)}")
    return cr

LN2 = mp.log(2)
R = LN2 / 2

def expq(r):
    # Q(r) = (e^r - 1 - r) / r^2
    if abs(r) < mp.mpf('1e-20'):
        return mp.mpf(1) / 2 + r / 6
    return (mp.exp(r) - 1 - r) / r**2

print("// ---- binary32 exp: e^r = 1 + r + r^2 Q(r)")
fit("EXP_F Q", expq, -R * mp.mpf("1.0001"), R * mp.mpf("1.0001"), 5, True)

def lawson_fit(name, g, weight, full, exact, a, b, deg, what, npts=600, iters=300):
    """binary32 coefficients of P ~ g on [a, b], minimax in the relative error of full(x, P(x)) against exact(x) (not
    of P): Lawson's iteratively reweighted least squares on Chebyshev nodes with weight(x) = d full / d P / exact;
    coefficients rounded one at a time (lowest degree first) and the others refitted around them. Prints the relative
    error of the rounded full(x, P(x)) on a dense grid."""
    xs = [(a + b) / 2 - (b - a) / 2 * mp.cos(mp.pi * (i + mp.mpf(0.5)) / npts) for i in range(npts)]
    gs = [g(x) for x in xs]
    ws = [weight(x) for x in xs]
    fixed = []
    for k in range(deg + 1):
        m = deg + 1 - k
        rows = [[ws[i] * xs[i]**(k + j) for j in range(m)] for i in range(npts)]
        rhs = [ws[i] * (gs[i] - sum(c * xs[i]**j for j, c in enumerate(fixed))) for i in range(npts)]
        lam = [mp.mpf(1) / npts] * npts
        for _ in range(iters):
            A = mp.matrix(m, m)
            B = mp.matrix(m, 1)
            for i in range(npts):
                for p in range(m):
                    B[p] += lam[i] * rows[i][p] * rhs[i]
                    for q in range(m):
                        A[p, q] += lam[i] * rows[i][p] * rows[i][q]
            c = mp.lu_solve(A, B)
            err = [abs(sum(rows[i][p] * c[p] for p in range(m)) - rhs[i]) for i in range(npts)]
            s = sum(lam[i] * err[i] for i in range(npts))
            lam = [lam[i] * err[i] / s for i in range(npts)]
        fixed.append(mp.mpf(to_f32(c[0])))
    worst = mp.mpf(0)
    for i in range(4001):
        x = a + (b - a) * mp.mpf(i) / 4000
        if x == 0:
            continue
        p = sum(c * x**j for j, c in enumerate(fixed))
        worst = max(worst, abs((full(x, p) - exact(x)) / exact(x)))
    print(f"// {name}: degree {deg} on [{mp.nstr(a, 8)}, {mp.nstr(b, 8)}], max rel error of {what} after rounding "
          f"{mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
    for i, v in enumerate(fixed):
        print(f"  C{i} = {hexf(v, True)}")
    return fixed

print("// ---- binary32 exp, one fma shorter: e^r = 1 + r + r^2 P(r), P minimax in e^r's relative error")
lawson_fit("EXP_F P", expq, lambda r: r * r / mp.exp(r), lambda r, p: 1 + r + r * r * p, mp.exp,
           -R * mp.mpf("1.0001"), R * mp.mpf("1.0001"), 4, "e^r")

print("// ---- binary64 exp/expm1 core: e^r - 1 = r + r^2 Q(r)")
fit("EXP_D Q", expq, -R * mp.mpf('1.0001'), R * mp.mpf('1.0001'), 8, False)

print("// ---- shorter binary64 exp core for exact GELU and its derivative (their tail polynomials are 2^-27.45 and 2^-29.65): degree 5")
fit("EXP_D5 Q", expq, -R * mp.mpf('1.0001'), R * mp.mpf('1.0001'), 5, False)

smax = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
zmax = smax**2 * mp.mpf('1.0001')

def logt(z):
    # 2 atanh(s) = 2s + s R(z), R(z) = z T(z), z = s^2
    if z < mp.mpf('1e-30'):
        return mp.mpf(2) / 3 + 2 * z / 5
    s = mp.sqrt(z)
    return (2 * mp.atanh(s) - 2 * s) / (s * z)

def logp(f):
    # log1p(f) = f - f^2/2 + f^3 P(f); no division in the binary32 log
    if abs(f) < mp.mpf('1e-20'):
        return mp.mpf(1) / 3
    return (mp.log1p(f) - f + f * f / 2) / f**3

SQRT_HALF_F = mp.mpf(struct.unpack('f', struct.pack('I', 0x3f3504f3))[0])  # SQRT_HALF_BITS as a float
print("// ---- binary32 log: P(f), f = m - 1, m in [sqrt(1/2), sqrt 2), minimax in the relative error of log(m)")
lawson_fit("LOG_F P", logp, lambda f: f**3 / mp.log1p(f), lambda f, p: f - f * f / 2 + f**3 * p, mp.log1p,
           (SQRT_HALF_F - 1) * mp.mpf('1.0001'), (2 * SQRT_HALF_F - 1) * mp.mpf('1.0001'), 7, "log(m)", npts=400, iters=200)
print("// ---- binary64 log core: T(z)")
fit("LOG_D T", logt, mp.mpf(0), zmax, 5, False)

def fpfit(name, g, a, b, deg, fixed):
    """binary32 coefficients of a near-minimax fit of g on [a, b] (absolute error): least squares on Chebyshev
    nodes, rounding one coefficient at a time (lowest degree first) and refitting the others around it; `fixed`
    pins coefficients (degree -> value). Prints the absolute error of the rounded polynomial on a dense grid."""
    npts = 6 * (deg + 1)
    xs = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(0.5)) / npts) for k in range(npts)]
    gs = [g(x) for x in xs]
    fixed = dict(fixed)
    for k in range(deg + 1):
        if k in fixed:
            continue
        free = [j for j in range(deg + 1) if j not in fixed]
        A = mp.matrix(npts, len(free))
        rhs = mp.matrix(npts, 1)
        for i, x in enumerate(xs):
            rhs[i] = gs[i] - sum(fixed[j] * x**j for j in fixed)
            for col, j in enumerate(free):
                A[i, col] = x**j
        sol, _ = mp.qr_solve(A, rhs)
        fixed[k] = mp.mpf(to_f32(sol[free.index(k)]))
    cr = [fixed[j] for j in range(deg + 1)]
    worst = max(abs(sum(c * x**j for j, c in enumerate(cr)) - g(x))
                for x in (a + (b - a) * mp.mpf(i) / 2000 for i in range(2001)))
    print(f"// {name}: degree {deg} on [{mp.nstr(a, 8)}, {mp.nstr(b, 8)}], max abs error after rounding "
          f"{mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
    for i, v in enumerate(cr):
        print(f"  C{i} = {hexf(v, True)}")
    return cr

def erfc1(t):
    # erf(a)/a - 1 as a function of t = a^2
    if t < mp.mpf('1e-30'):
        return 2 / mp.sqrt(mp.pi) - 1 - 2 * t / (3 * mp.sqrt(mp.pi))
    a = mp.sqrt(t)
    return mp.erf(a) / a - 1

print("// ---- binary32 erf, |x| < 1: erf(a) = a + a c(t), c = S(t - 1/2), t = a^2 (centred: S's own rounding")
print("//      weighs |t - 1/2| <= 1/2, not t; S0 = c(1/2) rounded is pinned)")
fpfit("ERF_F S", lambda u: erfc1(u + mp.mpf(0.5)), mp.mpf(-0.5), mp.mpf(0.5), 6, {0: mp.mpf(to_f32(erfc1(mp.mpf(0.5))))})

# the centre: the binary32 nearest 2.3 (searched over +-2^14 ulps) whose erf lies closest to a binary32, so the
# pinned H0 = erf(centre) rounded is exact to ~1e-6 ulp; a - centre is exact for every a in [1, 4)
ERF_F_SAT = mp.mpf(to_f32(3.92))
base = struct.unpack('I', struct.pack('f', 2.3))[0]
def erf_grid_dist(bits):
    c = mp.mpf(struct.unpack('f', struct.pack('I', bits))[0])
    q = mp.erf(c) * 2**24
    return abs(q - mp.nint(q)), c
_, ERF_F_CENTER = min(erf_grid_dist(b) for b in range(base - 2**14, base + 2**14, 1))
print("// ---- binary32 erf, 1 <= |x| <= SAT: erf(a) = H(a - centre), H0 = erf(centre) rounded, pinned")
print(f"  CENTER = {hexf(float(ERF_F_CENTER), True)}  SAT = {hexf(float(ERF_F_SAT), True)}")
fpfit("ERF_F H", lambda v: mp.erf(v + ERF_F_CENTER), 1 - ERF_F_CENTER, ERF_F_SAT - ERF_F_CENTER, 15,
      {0: mp.mpf(to_f32(mp.erf(ERF_F_CENTER)))})

def tanhp(t):
    # tanh(a) = a + a t P(t), t = a^2: P(t) = (tanh(a)/a - 1)/t
    if t < mp.mpf('1e-30'):
        return -mp.mpf(1) / 3 + 2 * t / 15
    x = mp.sqrt(t)
    return (mp.tanh(x) / x - 1) / t

TANH_F_SMALL_MAX = mp.mpf('0.7')  # as binary32: 0x1.666666p-1
TANH_F_MID_MAX = mp.mpf('1.4')
print("// ---- binary32 tanh, |x| < 0.7: tanh(a) = a + a t P(t), t = a^2 (a t P <= 0.14 a: P's error weighs 7x less)")
fpfit("TANH_F P", tanhp, mp.mpf(0), mp.mpf(to_f32(TANH_F_SMALL_MAX))**2, 5, {})
# centre: the binary32 nearest 1.05 (+-2^14 ulps) whose tanh lies closest to a binary32; a - centre is exact on [0.7, 1.4]
base = struct.unpack('I', struct.pack('f', 1.05))[0]
def tanh_grid_dist(bits):
    c = mp.mpf(struct.unpack('f', struct.pack('I', bits))[0])
    q = mp.tanh(c) * 2**24
    return abs(q - mp.nint(q)), c
_, TANH_F_CENTER = min(tanh_grid_dist(b) for b in range(base - 2**14, base + 2**14, 1))
print("// ---- binary32 tanh, 0.7 <= |x| < 1.4: tanh(a) = H(a - centre), H0 = tanh(centre) rounded, pinned")
print(f"  CENTER = {hexf(float(TANH_F_CENTER), True)}")
fpfit("TANH_F H", lambda v: mp.tanh(v + TANH_F_CENTER), mp.mpf(to_f32(TANH_F_SMALL_MAX)) - TANH_F_CENTER,
      mp.mpf(to_f32(TANH_F_MID_MAX)) - TANH_F_CENTER, 8, {0: mp.mpf(to_f32(mp.tanh(TANH_F_CENTER)))})

def split(v, bits, single):
    """hi = v rounded to `bits` significant bits (so n*hi is exact for small n), lo = v - hi rounded."""
    e = mp.floor(mp.log(abs(v), 2))
    scale = mp.mpf(2) ** (bits - 1 - e)
    hi = mp.nint(v * scale) / scale
    lo = (to_f32 if single else float)(v - hi)
    return float(hi), lo

print("// ---- Cody-Waite splits of ln 2")
hi, lo = split(LN2, 16, True)
print(f"  LN2_HI_F = {hexf(hi, True)}  LN2_LO_F = {hexf(lo, True)}")
hi, lo = split(LN2, 42, False)
print(f"  LN2_HI_D = {hexf(hi, False)}  LN2_LO_D = {hexf(lo, False)}")
