# Authoring record for gold/text (issue #3): kept to show how the gold set was made; paths are those
# of the annotation session (/tmp/gold); not part of the package or the test suite.
import sys, json, re
sys.path.insert(0, '/tmp/gold'); sys.path.insert(0, '/work/main/src')
from show import article
from marsad.text.tokens import tokenize
ids = sys.argv[1:]
K = {'conj': 'c', 'prep': 'p', 'det': 'd', 'fut': 'f', 'stem': 's', 'suffix': 'x', 'num': 'n', 'punct': '.', 'other': 'o'}
for aid in ids:
    t = article(aid)
    toks = [x for x in tokenize(t) if re.match(r'[\u0621-\u064A]', x.text)]
    print(f'=== {aid} arabic tokens={len(toks)}')
    line = []
    for i, x in enumerate(toks):
        w = x.text
        cand = w[0] in 'وفبلكس' or w.startswith('ال') or re.search(r'(ه|ها|هم|هما|هن|كم|نا|ي|ك)$', w)
        seg = '+'.join(p.text + ('/' + K[p.kind] if p.kind != 'stem' else '') for p in x.parts)
        if cand:
            line.append(f'{i}:{seg}')
    print('  '.join(line))
