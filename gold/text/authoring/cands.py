# Authoring record for gold/text (issue #3): kept to show how the gold set was made; paths are those
# of the annotation session (/tmp/gold); not part of the package or the test suite.
import sys, random, re, json
sys.path.insert(0, '/tmp/gold'); sys.path.insert(0, '/work/main/src')
from show import article, D
import zipfile
from marsad.text.sentences import split_sentences
import os; random.seed(int(os.environ.get("SEED","20151")))
ids = []
for z in sorted(D.glob('*.zip')):
    date = z.stem
    arts = json.loads(zipfile.ZipFile(z).read(f'{date}.json'))
    for i, a in enumerate(arts):
        if 300 <= len(a['content']) <= 2500:
            ids.append(f'{date}:{i}')
random.shuffle(ids)
chosen = []
total = 0
for aid in ids:
    t = article(aid)
    n = len(split_sentences(t))
    chosen.append(aid); total += n
    if total >= 360: break
json.dump(chosen, open('/tmp/gold/sent_ids_%s.json" % os.environ.get("SEED","20151") + "', 'w'))
print(len(chosen), total)
TERM = re.compile(r'[.!?؟؛;…]+|\n+')
AR = re.compile(r'[\u0621-\u064A]')
for aid in chosen:
    t = article(aid)
    ends = {s.end for s in split_sentences(t)}
    for m in TERM.finditer(t):
        s, e = m.span()
        # system says boundary if some sentence ends in [s, e+3]
        sysb = any(x in ends for x in range(s, e + 3)) or (t[s] == '\n')
        before = t[max(0, s - 30):s]; after = t[e:e + 30]
        obvious = (m.group() in ('.', '؟', '!', '؛') and after[:1] in (' ', '\n', '') and
                   (after[1:2] == '' or AR.match(after[1:2] or 'x') or after[:1]=='\n') and
                   re.search(r'[\u0621-\u064A]{2,}[\u064B-\u0652]*$', before) is not None)
        if m.group().startswith('\n'):
            obvious = True
        if not obvious:
            print(f'{aid}\t{s}\t{"B" if sysb else "-"}\t{before!r} ⟦{m.group()}⟧ {after!r}')
