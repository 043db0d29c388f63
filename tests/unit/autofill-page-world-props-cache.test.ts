/**
 * Widget props read through the page-world bridge (framework-state.ts, the extension's isolated
 * world) are kept for one scan: a scan asks the same picker more than once, and each read is a
 * synchronous event round trip with a JSON copy of its props. Kept only while a scan holds them,
 * never past a write. The bridge is the real one (eventBridgePageWorld); the page's side is a
 * stand-in on Node's own EventTarget that answers and counts each request (each crossing).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  componentOf, eventBridgePageWorld, forgetPropsReads, holdPropsReads, pageWorld, setPageWorld, type PageWorld,
} from '../../shared/src/dom/autofill/framework-state.ts';

const channel = { request: 'test-props-q', reply: 'test-props-a' };

/** An element as the bridge uses it: events on it, its window's CustomEvent, a tag name. */
class FakeElement extends EventTarget {
  tagName = 'DIV';
  ownerDocument = { defaultView: { CustomEvent } };
  crossings = 0;
  props: Record<string, unknown>;
  constructor(props: Record<string, unknown>) {
    super();
    this.props = props;
    // the page-world helper's part: answers synchronously on the same element
    this.addEventListener(channel.request, (e) => {
      const w = JSON.parse((e as CustomEvent<string>).detail) as { op: string; want?: string[] };
      if (w.op !== 'props') return;
      this.crossings++;
      this.dispatchEvent(new CustomEvent(channel.reply, { detail: JSON.stringify({ framework: 'vue', props: this.props }) }));
    });
  }
}
const el = (props: Record<string, unknown>) => new FakeElement(props) as unknown as Element & FakeElement;

let before: PageWorld;
beforeEach(() => { before = pageWorld(); setPageWorld(eventBridgePageWorld(channel)); });
afterEach(() => setPageWorld(before));

describe('props read through the page-world bridge, kept for one scan', () => {
  it('crosses once for two reads of the same element and keys in one scan', () => {
    const picker = el({ type: 'datetime', format: 'YYYY-MM-DD HH:mm' });
    const release = holdPropsReads();
    try {
      expect(componentOf(picker, ['type', 'format'])?.props.type).toBe('datetime');
      expect(componentOf(picker, ['type', 'format'])?.props.format).toBe('YYYY-MM-DD HH:mm');
      expect(picker.crossings).toBe(1);
      // other keys are another question (the helper picks the component by them): they cross
      componentOf(picker, ['multiple', 'mode']);
      expect(picker.crossings).toBe(2);
      // another element crosses for itself
      const other = el({ type: 'date' });
      expect(componentOf(other, ['type', 'format'])?.props.type).toBe('date');
      expect(other.crossings).toBe(1);
    } finally { release(); }
  });

  it('crosses again after a write, and reads what the page holds then', () => {
    const picker = el({ type: 'date' });
    const release = holdPropsReads();
    try {
      expect(componentOf(picker, ['type'])?.props.type).toBe('date');
      picker.props = { type: 'datetime' };
      forgetPropsReads(); // what apply does before each write
      expect(componentOf(picker, ['type'])?.props.type).toBe('datetime');
      expect(picker.crossings).toBe(2);
    } finally { release(); }
  });

  it('crosses again after a radio restored through the bridge (a write in the page world)', () => {
    const picker = el({ type: 'date' });
    const release = holdPropsReads();
    try {
      componentOf(picker, ['type']);
      pageWorld().restoreRadioModel([el({}) as unknown as HTMLInputElement], { framework: 'vue', value: 'a' });
      componentOf(picker, ['type']);
      expect(picker.crossings).toBe(2);
    } finally { release(); }
  });

  it('keeps nothing outside a scan, nor after its scan ended', () => {
    const picker = el({ type: 'date' });
    componentOf(picker, ['type']);
    componentOf(picker, ['type']);
    expect(picker.crossings).toBe(2);
    const release = holdPropsReads();
    componentOf(picker, ['type']);
    release();
    componentOf(picker, ['type']);
    expect(picker.crossings).toBe(4);
  });

  it('starts afresh with each scan', () => {
    const picker = el({ type: 'date' });
    const first = holdPropsReads();
    componentOf(picker, ['type']);
    first();
    picker.props = { type: 'daterange' };
    const second = holdPropsReads();
    try {
      expect(componentOf(picker, ['type'])?.props.type).toBe('daterange');
      expect(picker.crossings).toBe(2);
    } finally { second(); }
  });
});
