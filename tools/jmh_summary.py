#!/usr/bin/env python3
"""Summarises a JMH JSON result (-rf json) as ns/element per method and the ratios library vs the others.

usage: python3 tools/jmh_summary.py kernels-bench/target/jmh-result.json
Rows group the methods of one benchmark class at one parameter set; size (or shape rows x cols, or n) gives the
element count. Ratios > 1 mean the library is faster.
"""
import json, sys, re
from collections import OrderedDict

def elements(params):
    if 'size' in params: return int(params['size'])
    if 'n' in params: return int(params['n'])
    if 'shape' in params:
        r, c = params['shape'].split('x'); return int(r) * int(c)
    return 1

rows = OrderedDict()
for r in json.load(open(sys.argv[1])):
    cls, method = r['benchmark'].rsplit('.', 1)
    params = r.get('params', {})
    key = (cls.rsplit('.', 1)[1], tuple(sorted(params.items())))
    score = r['primaryMetric']['score']
    unit = r['primaryMetric']['scoreUnit']
    if unit != 'ns/op': raise SystemExit('expected ns/op, got ' + unit)
    rows.setdefault(key, {})[method] = score / elements(params)
    for sec, v in r.get('secondaryMetrics', {}).items():
        if sec in ('gc.alloc.rate.norm', '·gc.alloc.rate.norm'):
            rows[key][method + ' B/op'] = v['score']

print('| benchmark | params | library ns/elem | jdkVectorApi ns/elem | javaScalar ns/elem | vs jdkVectorApi | vs javaScalar | library B/op |')
print('|---|---|---|---|---|---|---|---|')
for (cls, params), m in rows.items():
    lib = m.get('library')
    def f(v): return '' if v is None else ('%.3f' % v)
    def ratio(o): return '' if lib is None or m.get(o) is None else '%.2fx' % (m[o] / lib)
    extra = {k: v for k, v in m.items() if k not in ('library', 'jdkVectorApi', 'javaScalar') and not k.endswith('B/op')}
    ps = ' '.join('%s=%s' % kv for kv in params)
    alloc = m.get('library B/op')
    print('| %s | %s | %s | %s | %s | %s | %s | %s |' % (cls, ps, f(lib), f(m.get('jdkVectorApi')), f(m.get('javaScalar')),
          ratio('jdkVectorApi'), ratio('javaScalar'), '' if alloc is None else '%.1f' % alloc))
    for k, v in extra.items():
        print('| %s | %s (%s) | %.3f | | | | | |' % (cls, ps, k, v))
