# Authoring record for gold/text (issue #3): kept to show how the gold set was made; paths are those
# of the annotation session (/tmp/gold); not part of the package or the test suite.
import zipfile, json, sys
from pathlib import Path
sys.path.insert(0, '/work/main/src')
from marsad.text.sentences import split_sentences
D = Path('/work/shared/data/saudinewsnet')
_cache = {}
def article(aid):
    date, idx = aid.split(':')
    if date not in _cache:
        z = zipfile.ZipFile(D / f'{date}.zip')
        _cache[date] = json.loads(z.read(f'{date}.json'))
    return _cache[date][int(idx)]['content']
if __name__ == '__main__':
    for aid in sys.argv[1:]:
        t = article(aid)
        ss = split_sentences(t)
        print(f'=== {aid} len={len(t)} n={len(ss)}')
        for k, s in enumerate(ss):
            print(f'{k:02d} [{s.start}-{s.end}] {t[s.start:s.end]!r}')
