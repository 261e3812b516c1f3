#!/usr/bin/env python3
"""Exploration for a binary32 gelu (not used by the library yet): relative error of Chebyshev interpolants of
H(a) = e^(a^2/2) Q(a), Q(a) = erfc(a/sqrt2)/2, on pieces of [0, 10], by degree (log2 of the worst relative error on a
grid of 400 points; mpmath at 30 digits). See reports/design-gelu-binary32.md.
Run:  python3 tools/gelu_h_pieces.py
"""
import mpmath as mp
mp.mp.dps = 30
def H(a): return mp.exp(a*a/2)*mp.erfc(a/mp.sqrt(2))/2
def cheb_err(lo, hi, deg, f=H, npts=400):
    # Chebyshev interpolant in v = a - c on [lo, hi], relative error measured on a grid
    c = (lo+hi)/2; h=(hi-lo)/2
    nodes=[c + h*mp.cos(mp.pi*(k+mp.mpf(1)/2)/(deg+1)) for k in range(deg+1)]
    vals=[f(t) for t in nodes]
    # fit monomial coefficients in v by solving Vandermonde (small degree ok at dps 30)
    A=mp.matrix([[ (t-c)**j for j in range(deg+1)] for t in nodes]); coef=mp.lu_solve(A, mp.matrix(vals))
    worst=0
    for i in range(npts+1):
        t=lo+(hi-lo)*mp.mpf(i)/npts; p=0
        for j in reversed(range(deg+1)): p=p*(t-c)+coef[j]
        worst=max(worst, abs(p/f(t)-1))
    return float(mp.log(worst,2))
pieces=[(0,1),(1,1.5),(1.5,2),(2,3),(3,4),(4,6),(6,8),(8,10)]
for lo,hi in pieces:
    print((lo,hi), [ (d, round(cheb_err(mp.mpf(lo),mp.mpf(hi),d),1)) for d in (6,7,8)])
