/**
 * The autofill engine on the evaluation corpus (tests/eval/README.md): pages written without
 * reading the engine, filled from their records with no portal mapping. The corpus is scored once
 * (tests/eval/score.ts, about two minutes); each figure reports from that one scoring (the timed
 * runs are empty, `scale` returns the figure), as the extension bench does for its own stamps.
 * Needs shared/dist/lvzhi-autofill.js (`npx tsx shared/scripts/build-autofill.ts`).
 */
import { defineBench } from './harness.ts';
import { EVAL_PAGES } from '../eval/corpus.ts';
import { scoreEvalCorpus, type CorpusScore } from '../eval/score.ts';

let scoring: Promise<CorpusScore> | undefined;
let score: CorpusScore | undefined;
const scoreOnce = async (): Promise<CorpusScore> => {
  score = await (scoring ??= scoreEvalCorpus());
  return score;
};
const figure = (pick: (s: CorpusScore) => number) => () => pick(score!);
const none = () => undefined;

export default [
  defineBench({
    name: 'autofill: eval corpus, fields right with no mapping',
    unit: 'fraction',
    goal: { value: 0.95, op: '>=', description: 'fields of unseen portal pages whose framework state holds the record value after a fill without a mapping (expected-null fields count right when left empty)' },
    runs: 10, warmup: 0, setup: scoreOnce, run: none,
    scale: figure((s) => s.total.fractionRight),
  }),
  defineBench({
    name: 'autofill: eval corpus, wrong values written',
    unit: 'fields',
    goal: { value: 0, op: '<=', description: 'never a value the record does not hold' },
    runs: 10, warmup: 0, setup: scoreOnce, run: none,
    scale: figure((s) => s.total.wrong),
  }),
  defineBench({
    name: 'autofill: eval corpus, false filled',
    unit: 'fields',
    goal: { value: 0, op: '<=', description: 'the report says filled only when the page state holds the value' },
    runs: 10, warmup: 0, setup: scoreOnce, run: none,
    scale: figure((s) => s.total.falseFilled),
  }),
  defineBench({
    name: 'autofill: eval corpus, pages passing their own submit after the fill',
    unit: 'pages',
    goal: { value: EVAL_PAGES.length, op: '>=', description: `all ${EVAL_PAGES.length} pages pass their own validation after the fill` },
    runs: 10, warmup: 0, setup: scoreOnce, run: none,
    scale: figure((s) => s.total.submitOk),
  }),
  defineBench({
    name: 'autofill: slowest eval page fill',
    unit: 'ms',
    goal: { value: 1500, op: '<=', description: 'Lvzhi.fill (scan, plan, apply), plus Lvzhi.fillMore after each 下一步 the clerk clicks, on the slowest page of the corpus' },
    runs: 10, warmup: 0, setup: scoreOnce, run: none,
    scale: figure((s) => s.total.slowestFillMs),
  }),
];
