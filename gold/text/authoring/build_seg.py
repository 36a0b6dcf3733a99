# Authoring record for gold/text (issue #3): kept to show how the gold set was made; paths are those
# of the annotation session (/tmp/gold); not part of the package or the test suite.
import sys, json, re, hashlib
sys.path.insert(0, '/tmp/gold'); sys.path.insert(0, '/work/main/src')
from show import article
from marsad.text.tokens import tokenize
KIND = {'c': 'conj', 'p': 'prep', 'd': 'det', 'f': 'fut', 'x': 'suffix', 's': 'stem'}
# hand corrections: article -> {arabic-token index: segmentation}; every other token was read and
# its segmentation (as printed by seg_show.py) accepted.
FIX = {
  '2015-08-11:101': {178: 'لـ/p'},
  '2015-07-22:1895': {178: 'ب/p+نكث', 212: 'ك/p+طابور', 214: 'و/c+ل/p+يساعدو+ه/x', 245: 'سيد+نا/x',
                      263: 'و/c+متمم', 271: 'ل/p+يعتقدوا', 286: 'استأمن+نا/x', 304: 'سبحان+ه/x',
                      371: 'وثق', 373: 'و/c+ائتمن+ه/x', 374: 'و/c+عامل+ه/x', 375: 'ك/p+أخ',
                      398: 'و/c+منحطة'},
  '2015-07-24:773': {17: 'ب/p+يد', 41: 'لـ/p', 74: 'مفاد+ها/x', 204: 'لـ/p'},
  '2015-07-25:1144': {68: 'ل/p+ارهاق', 84: 'و/c+جهاديين', 92: 'و/c+فر', 201: 'وفيرا', 247: 'و/c'},
  # held-out: annotated after the rules were last changed
  '2015-08-06:1855': {145: 'و/c+الذى', 151: 'الذى', 196: 'التى'},
  '2015-08-08:936': {53: 'و/c+مع+ي/x', 137: 'يعاون+هم/x', 235: 'فرضوا', 270: 'يؤم+ها/x'},
}
SPLIT = {'2015-08-11:101': 'dev', '2015-07-22:1895': 'dev', '2015-07-24:773': 'dev',
         '2015-07-25:1144': 'dev', '2015-08-06:1855': 'test', '2015-08-08:936': 'test'}
def parse(seg):
    out = []
    for piece in seg.split('+'):
        if '/' in piece:
            txt, k = piece.rsplit('/', 1)
        else:
            txt, k = piece, 's'
        out.append((txt, KIND[k]))
    return out
arts = []
for aid, fixes in FIX.items():
    t = article(aid)
    toks = [x for x in tokenize(t) if re.match(r'[\u0621-\u064A]', x.text)]
    rows = []
    for i, x in enumerate(toks):
        if i in fixes:
            parts = parse(fixes[i])
            assert ''.join(p for p, _ in parts) == x.text, (aid, i, x.text, parts)
            pos = x.start
            pp = []
            for txt, k in parts:
                pp.append([pos, pos + len(txt), k]); pos += len(txt)
        else:
            pp = [[p.start, p.end, p.kind] for p in x.parts]
        rows.append({'start': x.start, 'end': x.end, 'parts': pp})
    arts.append({'id': aid, 'split': SPLIT[aid], 'sha256': hashlib.sha256(t.encode()).hexdigest(),
                 'tokens': rows})
doc = {'format': 'marsad-segmentation-gold/1',
       'source': 'SaudiNewsNet; id = <zip date>:<index>; offsets into "content"; Arabic-letter tokens only',
       'conventions': 'parts cover the token; kinds conj (و ف), prep (ب ل ك, incl. لام التعليل/الأمر and the ل left of an elided article), det (ال; in للجيش the second ل), fut (س), stem, suffix (attached pronoun: ه ها هم هما هن ك كم نا ي). Verb subject endings (وا ت ون نا as subject) stay in the stem; taa marbuta before a suffix is written ت and stays in the stem (سياست+ها). Not split: الله الذي التي الذين الآن, names that begin with a clitic letter (لبنان فيصل بدر), lexicalised words (وزارة كتيبة).',
       'articles': arts}
json.dump(doc, open('/work/main/gold/text/segmentation.gold.json', 'w'), ensure_ascii=False)
print(sum(len(a['tokens']) for a in arts), 'tokens')
