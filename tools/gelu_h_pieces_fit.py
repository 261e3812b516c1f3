#!/usr/bin/env python3
"""Pinned-H_k pieces of H(a) = e^(a^2/2) Q(a) for tools/GeluBinary32Probe.java: on each half-octave piece, H_k = H(c_k)
rounded to binary32 (1/2 exactly at c = 0) and R of degree 7 with H ~ H_k + v R(v), v = a - c_k, fitted by weighted
least squares with each coefficient rounded to binary32 in turn and the rest refitted. Prints the Java arrays.
Run:  python3 tools/gelu_h_pieces_fit.py
"""
import mpmath as mp, struct, re
mp.mp.dps = 40
def H(a): return mp.exp(a*a/2)*mp.erfc(a/mp.sqrt(2))/2
def f32(v): return struct.unpack('f', struct.pack('f', float(v)))[0]
def hexf(v): return re.sub(r'\.?0+p', 'p', float(v).hex())
pieces=[(0,1,0),(1,1.5,1.25),(1.5,2,1.75),(2,3,2.5),(3,4,3.5),(4,6,5),(6,8,7),(8,10,9)]
DEG=7; NP=100
C=[];HK=[];COEF=[]
for lo,hi,c in pieces:
    lo,hi,c=mp.mpf(lo),mp.mpf(hi),mp.mpf(c)
    hk = mp.mpf(f32(H(c))) if c!=0 else mp.mpf('0.5')
    a,b=lo-c,hi-c; m=(a+b)/2; h=(b-a)/2
    pts=[m + h*mp.cos(mp.pi*(k+mp.mpf(1)/2)/NP) for k in range(NP)]
    Hs=[H(c+v) for v in pts]
    fixed=[]
    for j in range(DEG+1):
        free=list(range(j, DEG+1))
        rows=[[ (v**(i+1))/Hv for i in free] for v,Hv in zip(pts,Hs)]
        rhs=[ (Hv-hk-sum(mp.mpf(fixed[i])*v**(i+1) for i in range(j)))/Hv for v,Hv in zip(pts,Hs)]
        A=mp.matrix(rows); y=mp.matrix(rhs)
        co=mp.lu_solve(A.T*A, A.T*y)
        fixed.append(f32(co[0]))
    cof=fixed
    worst=0
    for i in range(1601):
        v=a+(b-a)*mp.mpf(i)/1600; p=mp.mpf(0)
        for j in reversed(range(DEG+1)): p=p*v+mp.mpf(cof[j])
        val=hk+v*p; worst=max(worst, abs(val/H(c+v)-1))
    print('// piece [%s, %s) c=%s rel err %.1f' % (lo, hi, c, float(mp.log(worst,2))), flush=True)
    C.append(f32(c)); HK.append(f32(hk)); COEF.append(cof)
print('static final float[] GC = {' + ', '.join(hexf(v)+'f' for v in C) + '};')
print('static final float[] GH = {' + ', '.join(hexf(v)+'f' for v in HK) + '};')
print('static final float[][] GR = {')
for cof in COEF: print('    {' + ', '.join(hexf(v)+'f' for v in cof) + '},')
print('};')
