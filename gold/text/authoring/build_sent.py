# Authoring record for gold/text (issue #3): kept to show how the gold set was made; paths are those
# of the annotation session (/tmp/gold); not part of the package or the test suite.
import sys, json, hashlib
sys.path.insert(0, '/tmp/gold'); sys.path.insert(0, '/work/main/src')
from show import article
from marsad.text.sentences import split_sentences
dev = json.load(open('/tmp/gold/sent_ids.json'))
test = json.load(open('/tmp/gold/sent_ids_777.json'))
# boundaries added by hand (offset of the first char of the ".." / "..." run, per article)
ADD = {
    '2015-07-26:1311': [655],
    '2015-07-22:1447': [71, 222, 268, 339, 419, 501, 535, 615, 714, 857, 903, 970, 1146, 1190, 1344,
                        1421, 1484, 1569, 1657, 1673, 1720, 1872, 1975, 2081, 2192, 2282, 2327, 2390,
                        2417, 2436, 2450],
    '2015-07-24:1385': [178], '2015-08-08:1094': [1086], '2015-08-06:1230': [138],
    '2015-07-22:1428': [497, 968, 1149], '2015-07-22:1401': [1493], '2015-07-26:441': [762],
}
REMOVE = {}
def build(ids, split):
    out = []
    for aid in ids:
        t = article(aid)
        ends = {s.end for s in split_sentences(t)}
        for off in ADD.get(aid, []):
            e = off
            while e < len(t) and t[e] in '.…':
                e += 1
            assert t[off] in '.…', (aid, off, t[off-5:off+5])
            ends.add(e)
        for off in REMOVE.get(aid, []):
            ends.discard(off)
        spans = []
        prev = 0
        for e in sorted(ends):
            seg = t[prev:e]
            st = len(seg) - len(seg.lstrip())
            s = prev + st
            ee = e
            while ee > s and t[ee - 1].isspace():
                ee -= 1
            if ee > s:
                spans.append([s, ee])
            prev = e
        out.append({'id': aid, 'split': split, 'length': len(t),
                    'sha256': hashlib.sha256(t.encode('utf-8')).hexdigest(), 'sentences': spans})
    return out
arts = build(dev, 'dev') + build(test, 'test')
doc = {
  'format': 'marsad-sentence-gold/1',
  'source': 'SaudiNewsNet (shared/data/saudinewsnet); id = <zip date>:<index in its JSON array>; offsets into the "content" field',
  'guideline': 'A sentence ends after . ! ? ؟ ؛ ; (with the closing quotes/brackets that follow) and at every line break; never at the comma ، ; not after abbreviations (د. م. أ.ف.ب), inside numbers, dotted dates, URLs; a mark followed by a comma (!!، ...) does not end a sentence; an ellipsis (.. ... …) ends one when what follows is a new sentence (judged by reading), not when it is a pause, an elision or a list separator.',
  'articles': arts,
}
json.dump(doc, open('/work/main/gold/text/sentences.gold.json', 'w'), ensure_ascii=False, indent=None)
for sp in ('dev', 'test'):
    print(sp, sum(len(a['sentences']) for a in arts if a['split'] == sp), 'sentences in', sum(1 for a in arts if a['split'] == sp), 'articles')
