"""The ``marsad`` command line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import MarsadError

EXIT_CODES = """\
exit codes:
  0  every input was read and analysed
  1  some inputs failed (each named on stderr, one line each); all others were analysed and stored
  2  usage or configuration error; nothing was analysed
"""


def _date(s: str):
    from .io.readers import parse_date
    try:
        return parse_date(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}")


def _options(args):
    from .config import load_options
    return load_options(getattr(args, "config", None),
                        db=getattr(args, "db", None),
                        min_confidence=getattr(args, "min_confidence", None))


def cmd_analyze(args) -> int:
    from .api import Progress, analyze
    from .store import Store

    options = _options(args)
    failed = []
    for out in (args.json, args.html):
        if out and not Path(out).resolve().parent.is_dir():
            raise MarsadError("E_OUTPUT", f"{out}: its folder does not exist", "create the folder first")

    def on_error(e):
        failed.append(e)
        print(e.one_line(), file=sys.stderr, flush=True)

    with Store(options.db) as store:
        run = analyze(args.paths, published=args.published, options=options, store=store,
                      progress=Progress(enabled=not args.quiet), on_error=on_error,
                      exclude=[p for p in (args.json, args.html, options.db) if p])
        n_docs, n_stored = len(run.docs), store.count("documents")
    if args.json:
        Path(args.json).write_text(json.dumps(run.json, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.html:
        from .export.html import write_html
        write_html(run.json, {d.id: d.text for d in run.docs}, args.html)
    if not args.quiet:
        n_ev = sum(len(d.events) for d in run.docs)
        print(f"marsad: {n_docs} documents, {n_ev} events, {len(run.stories)} stories, "
              f"{len(run.input_errors)} inputs failed; {run.stored_new} new in {options.db} "
              f"({n_stored} documents stored)", file=sys.stderr)
    return 1 if run.failed else 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report
    report = evaluate(args.gold, _options(args), split=args.split)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_report(report))
    return 0


def cmd_inspect(args) -> int:
    from .io.readers import read_inputs
    from .text.inspect import format_inspect_text, inspect_text
    status = 0
    for item in read_inputs(args.paths, published=args.published):
        for e in item.errors:
            print(e.one_line(), file=sys.stderr)
        if item.document is None:
            status = 1
            continue
        d = item.document
        if args.json:
            print(json.dumps({"path": d.path, "id": d.id, **inspect_text(d.text, d.published)}, ensure_ascii=False))
        else:
            print(f"== {d.path} ({d.id})")
            print(format_inspect_text(d.text, d.published))
    return status


def cmd_train(args) -> int:
    if args.what == "ner":
        from .ner.train import main
        return main(args.rest)
    raise MarsadError("E_USAGE", f"nothing to train called {args.what!r}", "try: marsad train ner")


def cmd_evaluate_ner(args) -> int:
    from .ner.evaluate_ner import main
    return main(args.rest)


def cmd_geonames(args) -> int:
    from .geo.importer import main
    return main(args.rest)


def cmd_config(args) -> int:
    from .config import DEFAULT_CONFIG
    print(DEFAULT_CONFIG, end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad", description="Arabic conflict reports → sourced event records.",
                                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse reports: files, folders, .jsonl",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Read .txt, .html and .jsonl files (and folders of them), extract events, "
                                   "group reports into stories, write JSON/HTML and store everything in SQLite.")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument("--published", type=_date, help="publication date for inputs that carry none (YYYY-MM-DD)")
    a.add_argument("--json", metavar="FILE", help="write marsad-json/1 here")
    a.add_argument("--html", metavar="FILE", help="write the analyst's HTML report here")
    a.add_argument("--db", metavar="FILE", help="SQLite database (default marsad.db)")
    a.add_argument("--config", metavar="FILE", help="TOML config (see `marsad config`)")
    a.add_argument("--min-confidence", type=float, metavar="X", help="drop events below this confidence")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    a.set_defaults(fn=cmd_analyze)

    e = sub.add_parser("evaluate", help="score the pipeline against a marsad-gold/1 file")
    e.add_argument("--gold", required=True, metavar="GOLD.json")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--split", metavar="NAME", help="only documents whose 'split' is NAME (e.g. test)")
    e.add_argument("--config", metavar="FILE")
    e.set_defaults(fn=cmd_evaluate)

    i = sub.add_parser("inspect", help="show what the text layer sees")
    i.add_argument("paths", nargs="+", metavar="FILE")
    i.add_argument("--published", type=_date)
    i.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    i.set_defaults(fn=cmd_inspect)

    t = sub.add_parser("train", help="train a model (ner)")
    t.add_argument("what", choices=["ner"])
    t.add_argument("rest", nargs=argparse.REMAINDER)
    t.set_defaults(fn=cmd_train)

    en = sub.add_parser("evaluate-ner", help="score the NER model on TOKEN TAG files", add_help=False)
    en.add_argument("rest", nargs=argparse.REMAINDER)
    en.set_defaults(fn=cmd_evaluate_ner)

    g = sub.add_parser("geonames", help="import full GeoNames dumps", add_help=False)
    g.add_argument("rest", nargs=argparse.REMAINDER)
    g.set_defaults(fn=cmd_geonames)

    c = sub.add_parser("config", help="print the commented default config")
    c.set_defaults(fn=cmd_config)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.fn(args)
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `marsad inspect ... | head`: the reader left; not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
