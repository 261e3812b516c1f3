#!/usr/bin/env python3
"""Exploration for a binary32 gelu (not used by the library; see reports/design-gelu-binary32.md), on the half-octave
pieces of [0, 10] of H(a) = e^(a^2/2) Q(a), Q(a) = erfc(a/sqrt2)/2 (mpmath at 40 digits):
1. the relative error of Chebyshev interpolants in v = a - centre, by degree (log2 of the worst on a grid);
2. the coefficients of tools/GeluBinary32Probe.java: per piece H_k = H(c_k) rounded to binary32 (1/2 exactly at
   c = 0) and R of degree 7 with H ~ H_k + v R(v), v = a - c_k, fitted by weighted least squares with each coefficient
   rounded to binary32 in turn and the rest refitted; printed as Java arrays after their measured errors.
Run:  python3 tools/gelu_h_pieces.py
"""
import mpmath as mp, struct, re
mp.mp.dps = 40
PIECES = [(0, 1, 0), (1, 1.5, 1.25), (1.5, 2, 1.75), (2, 3, 2.5), (3, 4, 3.5), (4, 6, 5), (6, 8, 7), (8, 10, 9)]

def H(a): return mp.exp(a*a/2)*mp.erfc(a/mp.sqrt(2))/2
def f32(v): return struct.unpack('f', struct.pack('f', float(v)))[0]
def hexf(v): return re.sub(r'\.?0+p', 'p', float(v).hex())

def horner(coef, v):
    p = mp.mpf(0)
    for c in reversed(coef): p = p*v + mp.mpf(c)
    return p

def worst_log2(approx, lo, hi, n):
    """log2 of the worst |approx(a)/H(a) - 1| on n + 1 evenly spaced points of [lo, hi]."""
    worst = max(abs(approx(lo + (hi - lo)*mp.mpf(i)/n)/H(lo + (hi - lo)*mp.mpf(i)/n) - 1) for i in range(n + 1))
    return float(mp.log(worst, 2))

def chebyshev_error(lo, hi, deg):
    c = (lo + hi)/2; h = (hi - lo)/2
    nodes = [c + h*mp.cos(mp.pi*(k + mp.mpf(1)/2)/(deg + 1)) for k in range(deg + 1)]
    A = mp.matrix([[(t - c)**j for j in range(deg + 1)] for t in nodes])
    coef = mp.lu_solve(A, mp.matrix([H(t) for t in nodes]))
    return worst_log2(lambda a: horner(coef, a - c), lo, hi, 400)

def pinned_fit(lo, hi, c, deg=7, npts=100):
    hk = mp.mpf(f32(H(c))) if c != 0 else mp.mpf('0.5')
    a, b = lo - c, hi - c; m = (a + b)/2; h = (b - a)/2
    pts = [m + h*mp.cos(mp.pi*(k + mp.mpf(1)/2)/npts) for k in range(npts)]
    Hs = [H(c + v) for v in pts]
    fixed = []
    for j in range(deg + 1):
        rows = [[(v**(i + 1))/Hv for i in range(j, deg + 1)] for v, Hv in zip(pts, Hs)]
        rhs = [(Hv - hk - sum(mp.mpf(fixed[i])*v**(i + 1) for i in range(j)))/Hv for v, Hv in zip(pts, Hs)]
        A = mp.matrix(rows)
        fixed.append(f32(mp.lu_solve(A.T*A, A.T*mp.matrix(rhs))[0]))
    return hk, fixed, worst_log2(lambda t: hk + (t - c)*horner(fixed, t - c), lo, hi, 1600)

print('# 1. Chebyshev interpolants: log2 of the worst relative error, by degree')
for lo, hi, _ in PIECES:
    print((lo, hi), [(d, round(chebyshev_error(mp.mpf(lo), mp.mpf(hi), d), 1)) for d in (6, 7, 8)])
print('# 2. pinned H_k + v R(v), R of degree 7, binary32 coefficients')
C, HK, COEF = [], [], []
for lo, hi, c in PIECES:
    hk, cof, err = pinned_fit(mp.mpf(lo), mp.mpf(hi), mp.mpf(c))
    print('// piece [%s, %s) c=%s rel err %.1f' % (lo, hi, c, err), flush=True)
    C.append(f32(c)); HK.append(f32(hk)); COEF.append(cof)
print('static final float[] GC = {' + ', '.join(hexf(v) + 'f' for v in C) + '};')
print('static final float[] GH = {' + ', '.join(hexf(v) + 'f' for v in HK) + '};')
print('static final float[][] GR = {')
for cof in COEF: print('    {' + ', '.join(hexf(v) + 'f' for v in cof) + '},')
print('};')
