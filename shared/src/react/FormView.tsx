/**
 * FormView: renders any form definition over a `FormEngine`. Each field subscribes to its own
 * state (useSyncExternalStore), so a keystroke re-renders that field and the fields that depend on
 * it, nothing else. Definition text (labels, help, static text, options) is rendered as React
 * text — never as HTML. Chinese by default, English with `lang="en"`.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import SignaturePad from 'signature_pad';
import {
  isoInChina, searchRoster, personValue, rosterIdOf, isEmptyValue,
  type FormEngine, type FieldState, type CellState, type FieldIssue, type RosterEntry, type Option,
  type FieldDefinition, type ColumnFieldDefinition, type RecordContext, type PersonValue, type AttachmentValue, type SignatureValue,
} from '../core/index.ts';
import { FORM_CSS } from './styles.ts';
import { DateInput } from './DateInput.tsx';
import { FileButton } from './FileButton.tsx';

export type Lang = 'zh' | 'en';
type AnyField = FieldDefinition | ColumnFieldDefinition;

const T = {
  zh: { required: '必填', add: '添加一行', remove: '删除', up: '上移', down: '下移', clear: '清除', sign: '签名', resign: '重新签名', signedBy: '签名人', noRows: '暂无内容', total: '合计', average: '平均', pick: '输入姓名、拼音或首字母', other: '其他', choose: '请选择', file: '选择文件', row: '第 {n} 行', noMatch: '名册中没有匹配的人员', attic: '旧版本字段的值（已保留）', yes: '是' },
  en: { required: 'required', add: 'Add a row', remove: 'Remove', up: 'Move up', down: 'Move down', clear: 'Clear', sign: 'Sign', resign: 'Sign again', signedBy: 'Signed by', noRows: 'Nothing yet', total: 'Total', average: 'Average', pick: 'Name, pinyin or initials', other: 'Other', choose: 'Choose…', file: 'Choose a file', row: 'Row {n}', noMatch: 'No one in the roster matches', attic: 'Values from an earlier version (kept)', yes: 'Yes' },
} as const;
type Texts = { [K in keyof (typeof T)['zh']]: string };

interface ViewContext {
  engine: FormEngine;
  lang: Lang;
  t: Texts;
  rosters: Readonly<Record<string, readonly RosterEntry[]>>;
  optionsOf: RecordContext['optionsOf'];
  showAll: boolean;
  signerName?: string | undefined;
  idBase: string;
}

export interface FormViewProps {
  engine: FormEngine;
  optionsOf: RecordContext['optionsOf'];
  lang?: Lang;
  /** Roster entries by roster id, for person and people fields. */
  rosters?: Readonly<Record<string, readonly RosterEntry[]>>;
  /** Show "required" errors on untouched fields too (after a submit attempt). */
  showAllErrors?: boolean;
  /** Who signs a signature field when it names no signer field (the signed-in clerk). */
  signerName?: string;
  /** Values of removed fields kept from earlier versions (record.attic), shown read-only. */
  attic?: Readonly<Record<string, { value: unknown; fromVersion: number; reason: string }>>;
  /** Layout: 'auto' follows the container width; 'panel' forces the narrow layout. */
  layout?: 'auto' | 'panel' | 'page';
}

const labelOf = (f: { label?: string | undefined; labelEn?: string | undefined }, lang: Lang) => (lang === 'en' ? f.labelEn ?? f.label : f.label) ?? '';
const msgOf = (i: FieldIssue, lang: Lang) => (lang === 'en' ? i.messageEn : i.message);

export function FormView(props: FormViewProps): ReactNode {
  const { engine, lang = 'zh' } = props;
  const idBase = useId().replace(/:/g, '');
  const ctx: ViewContext = useMemo(() => ({
    engine, lang, t: T[lang], rosters: props.rosters ?? {}, optionsOf: props.optionsOf, showAll: props.showAllErrors ?? false, signerName: props.signerName, idBase,
  }), [engine, lang, props.rosters, props.optionsOf, props.showAllErrors, props.signerName, idBase]);
  const form = engine.form;
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => { if (rootRef.current) installFormCss(rootRef.current); }, []);
  return (
    <div ref={rootRef} className={`lvz-form lvz-layout-${props.layout ?? 'auto'}`} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-form={form.id}>
      <h2 className="lvz-title">{lang === 'en' ? form.titleEn ?? form.title : form.title}</h2>
      {form.sections.map((s) => <Section key={s.id} ctx={ctx} id={s.id} />)}
      {props.attic && Object.keys(props.attic).length > 0 && (
        <section className="lvz-attic" aria-label={ctx.t.attic}>
          <h3>{ctx.t.attic}</h3>
          <dl>{Object.entries(props.attic).map(([k, a]) => <div key={k}><dt>{k}（v{a.fromVersion}）</dt><dd>{plainText(a.value)}</dd></div>)}</dl>
        </section>
      )}
    </div>
  );
}

/**
 * The form's stylesheet is installed once per document (or shadow root) and stays there. A
 * `<style>` rendered with every form would be a new stylesheet at each mount, and a new
 * stylesheet makes the browser recompute the style of the whole page, not just of the form.
 */
const installed = new WeakSet<Document | ShadowRoot>();
export function installFormCss(node: Element): void {
  const root = node.getRootNode();
  const scope = root instanceof ShadowRoot ? root : node.ownerDocument;
  if (installed.has(scope)) return;
  installed.add(scope);
  const win = node.ownerDocument.defaultView;
  if (win && 'adoptedStyleSheets' in scope && typeof win.CSSStyleSheet === 'function' && 'replaceSync' in win.CSSStyleSheet.prototype) {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(FORM_CSS);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
    return;
  }
  const style = node.ownerDocument.createElement('style');
  style.dataset['lvzhiForm'] = '';
  style.textContent = FORM_CSS;
  (scope instanceof ShadowRoot ? scope : node.ownerDocument.head ?? node.ownerDocument.documentElement).appendChild(style);
}

function useRevisionFor(engine: FormEngine): number {
  return useSyncExternalStore(useCallback((cb) => engine.subscribe(cb), [engine]), () => engine.getRevision());
}

function Section({ ctx, id }: { ctx: ViewContext; id: string }): ReactNode {
  const section = ctx.engine.form.sections.find((s) => s.id === id)!;
  // A section re-renders only when its visibility flips.
  const visible = useSyncExternalStore(useCallback((cb) => (section.visibleIf === undefined ? () => {} : ctx.engine.subscribe(cb)), [ctx.engine, section]), () => ctx.engine.isSectionVisible(id));
  if (!visible) return null;
  const title = ctx.lang === 'en' ? section.titleEn ?? section.title : section.title;
  return (
    <fieldset className="lvz-section" data-section={id}>
      <legend>{title}</legend>
      {section.description && <p className="lvz-help">{section.description}</p>}
      {section.fields.map((f) => <Field key={f.id} ctx={ctx} id={f.id} />)}
    </fieldset>
  );
}

function useField(engine: FormEngine, id: string): FieldState {
  return useSyncExternalStore(useCallback((cb) => engine.subscribeField(id, cb), [engine, id]), () => engine.getField(id));
}

const NO_ERRORS: string[] = [];
/** Types whose control is a group of inputs: labelled by aria-labelledby, not <label for>. */
const GROUP_TYPES: ReadonlySet<string> = new Set(['radio', 'checkboxes', 'multiselect', 'ratingMatrix', 'table', 'people', 'signature', 'attachment', 'photo']);

function Field({ ctx, id }: { ctx: ViewContext; id: string }): ReactNode {
  const s = useField(ctx.engine, id);
  const [touched, setTouched] = useState(false);
  if (!s.visible) return null;
  const f = s.field;
  const domId = `${ctx.idBase}-${id}`;
  const errId = `${domId}-err`;
  const helpId = `${domId}-help`;
  const showMissing = s.missing && (touched || ctx.showAll);
  const errors: string[] = s.issues.length === 0 && !showMissing ? NO_ERRORS : [...s.issues.filter((i) => i.code !== 'required' || ctx.showAll || touched).map((i) => msgOf(i, ctx.lang)), ...(showMissing ? [ctx.lang === 'en' ? `${labelOf(f, 'en')} is required` : `请填写「${labelOf(f, 'zh')}」`] : [])];
  const invalid = errors.length > 0;
  const help = 'help' in f ? (ctx.lang === 'en' ? f.helpEn ?? f.help : f.help) : undefined;
  const describedBy = invalid ? (help ? `${errId} ${helpId}` : errId) : help ? helpId : undefined;
  const set = (v: unknown) => ctx.engine.setValue(id, v);
  const group = GROUP_TYPES.has(f.type);
  if (f.type === 'static') return <div className="lvz-field lvz-static" data-field={id}>{f.label && <div className="lvz-label">{labelOf(f, ctx.lang)}</div>}<p>{ctx.lang === 'en' ? f.textEn ?? f.text : f.text}</p></div>;
  const a11y = { id: domId, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, 'aria-required': s.required || undefined } as const;
  const labelText = labelOf(f, ctx.lang);
  const req = s.required ? <span className="lvz-req" aria-hidden="true"> *</span> : null;
  return (
    <div className={`lvz-field lvz-type-${f.type}${invalid ? ' lvz-invalid' : ''}`} data-field={id} onBlur={() => setTouched(true)}>
      {group ? <div className="lvz-label" id={`${domId}-label`}>{labelText}{req}</div> : <label className="lvz-label" htmlFor={domId}>{labelText}{req}</label>}
      {f.type === 'table'
        ? <TableField ctx={ctx} state={s} labelledBy={`${domId}-label`} />
        // Control is called, not mounted: it has no hooks, and 300 fewer components mount faster.
        : Control({ ctx, field: f, value: s.value, readOnly: s.readOnly, set, a11y, labelledBy: `${domId}-label`, summary: s.summary, name: id })}
      {help && <p className="lvz-help" id={helpId}>{help}</p>}
      {invalid && <p className="lvz-error" id={errId} role="alert">{errors.join('；')}</p>}
    </div>
  );
}

interface ControlProps {
  ctx: ViewContext;
  field: AnyField;
  value: unknown;
  readOnly: boolean;
  set: (v: unknown) => void;
  a11y: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; 'aria-required': true | undefined };
  labelledBy: string;
  name: string;
  summary?: FieldState['summary'] | undefined;
  onEnter?: (() => void) | undefined;
}

function optionLabel(o: Option, lang: Lang): string {
  return (lang === 'en' ? o.labelEn ?? o.label : o.label) ?? o.value;
}

function Control(p: ControlProps): ReactNode {
  const { ctx, field: f, value, readOnly, set, a11y } = p;
  const str = typeof value === 'string' ? value : '';
  const onKeyDown = p.onEnter ? (e: KeyboardEvent) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing) { e.preventDefault(); p.onEnter!(); } } : undefined;
  const text = (type: string, extra: Record<string, unknown> = {}) => (
    <input {...a11y} name={p.name} type={type} value={str} readOnly={readOnly} placeholder={'placeholder' in f ? f.placeholder : undefined}
      onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} onKeyDown={onKeyDown} {...extra} />
  );
  switch (f.type) {
    case 'text': return text('text', f.maxLength ? { maxLength: f.maxLength * 2 } : {});
    case 'phone': return text('tel', { inputMode: 'tel', autoComplete: 'off' });
    case 'idcard': return text('text', { autoComplete: 'off', spellCheck: false, maxLength: 18 });
    // Year first, as offices write them, whatever the browser's language (not <input type=date>).
    case 'date': case 'datetime':
      return <DateInput {...a11y} name={p.name} value={str || undefined} withTime={f.type === 'datetime'} lang={ctx.lang} readOnly={readOnly} onValue={set} onKeyDown={onKeyDown} />;
    case 'textarea': return <textarea {...a11y} name={p.name} value={str} readOnly={readOnly} rows={f.rows ?? 3} placeholder={f.placeholder} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} />;
    case 'number': case 'score': return <NumberInput {...p} />;
    case 'checkbox': return <input {...a11y} name={p.name} type="checkbox" checked={value === true} disabled={readOnly} onChange={(e) => set(e.target.checked)} />;
    case 'select': {
      const options = ctx.optionsOf(f) ?? [];
      if (f.allowOther) {
        const listId = `${a11y.id}-list`;
        return <><input {...a11y} name={p.name} list={listId} value={str} readOnly={readOnly} onChange={(e) => set(e.target.value || undefined)} onKeyDown={onKeyDown} /><datalist id={listId}>{options.map((o) => <option key={o.value} value={o.value}>{optionLabel(o, ctx.lang)}</option>)}</datalist></>;
      }
      return (
        <select {...a11y} name={p.name} value={str} disabled={readOnly} onChange={(e) => set(e.target.value || undefined)}>
          <option value="">{ctx.t.choose}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{optionLabel(o, ctx.lang)}</option>)}
          {str && !options.some((o) => o.value === str) && <option value={str}>{str}</option>}
        </select>
      );
    }
    case 'radio': {
      const options = ctx.optionsOf(f) ?? [];
      return (
        <div role="radiogroup" aria-labelledby={p.labelledBy} aria-invalid={a11y['aria-invalid']} aria-describedby={a11y['aria-describedby']} aria-required={a11y['aria-required']} className="lvz-choices" id={a11y.id}>
          {options.map((o) => (
            <label key={o.value} className="lvz-choice"><input type="radio" name={`${a11y.id}-r`} value={o.value} checked={value === o.value} disabled={readOnly} onChange={() => set(o.value)} />{optionLabel(o, ctx.lang)}</label>
          ))}
        </div>
      );
    }
    case 'multiselect': case 'checkboxes': {
      const options = ctx.optionsOf(f) ?? [];
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div role="group" aria-labelledby={p.labelledBy} aria-invalid={a11y['aria-invalid']} aria-describedby={a11y['aria-describedby']} className="lvz-choices" id={a11y.id}>
          {options.map((o) => (
            <label key={o.value} className="lvz-choice"><input type="checkbox" value={o.value} checked={list.includes(o.value)} disabled={readOnly}
              onChange={(e) => set(e.target.checked ? options.map((x) => x.value).filter((v) => v === o.value || list.includes(v)) : list.filter((v) => v !== o.value))} />{optionLabel(o, ctx.lang)}</label>
          ))}
        </div>
      );
    }
    case 'person': return <PersonPicker {...p} field={f} />;
    case 'people': return <PeoplePicker {...p} field={f} />;
    case 'signature': return <SignatureControl {...p} field={f} />;
    case 'attachment': case 'photo': return <FileControl {...p} field={f} />;
    case 'ratingMatrix': return <MatrixControl {...p} field={f} />;
    case 'computed': return <output id={a11y.id} aria-live="polite" className="lvz-computed">{formatComputed(f, value)}</output>;
    default: return null;
  }
}

function formatComputed(f: Extract<AnyField, { type: 'computed' }>, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') {
    if (f.format === 'percent') return `${(v * 100).toFixed(f.precision ?? 1)}%`;
    return `${f.precision !== undefined ? v.toFixed(f.precision) : String(v)}${f.unit ? ` ${f.unit}` : ''}`;
  }
  return plainText(v);
}

function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(plainText).join('、');
  if (typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
  return JSON.stringify(v);
}

function NumberInput(p: ControlProps): ReactNode {
  const { value, set, a11y, readOnly } = p;
  const shown = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const [draft, setDraft] = useState(shown);
  const last = useRef(value);
  if (last.current !== value) { last.current = value; if (Number(draft) !== value) setDraft(shown); }
  const f = p.field as Extract<AnyField, { type: 'number' | 'score' }>;
  const input = (
    <input {...a11y} name={p.name} type="text" inputMode="decimal" value={draft} readOnly={readOnly} className="lvz-num"
      onChange={(e) => {
        const t = e.target.value.trim();
        setDraft(e.target.value);
        const n = Number(t);
        last.current = t === '' ? undefined : Number.isFinite(n) && /^-?\d*\.?\d+$/.test(t) ? n : t;
        set(last.current);
      }}
      onKeyDown={p.onEnter ? (e) => { if (e.key === 'Enter') { e.preventDefault(); p.onEnter!(); } } : undefined} />
  );
  const unit = 'unit' in f && f.unit ? f.unit : f.type === 'score' ? `/ ${f.max}` : undefined;
  // A wrapper only when there is a unit to show beside the input: fewer elements to mount.
  return unit === undefined ? input : <span className="lvz-number">{input}<span className="lvz-unit">{unit}</span></span>;
}

// ------------------------------------------------------------------ people

function useRosterSearch(ctx: ViewContext, field: { roster?: string | undefined }, query: string): RosterEntry[] {
  const entries = ctx.rosters[rosterIdOf(field)] ?? [];
  return useMemo(() => (query.trim() ? searchRoster(entries, query, { limit: 8 }) : []), [entries, query]);
}

function Combobox(p: { ctx: ViewContext; field: Extract<AnyField, { type: 'person' | 'people' }>; a11y: ControlProps['a11y']; name: string; readOnly: boolean; initial: string; onPick: (v: PersonValue) => void; onFree: (text: string) => void; keepText: boolean; onBackspaceEmpty?: () => void; onEnterEmpty?: (() => void) | undefined }): ReactNode {
  const [text, setText] = useState(p.initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The list closes a moment after the box loses focus (so a click on an option still lands); a
  // return to the box within that moment cancels the close, or typing there would find the list shut.
  const closing = useRef<ReturnType<typeof setTimeout>>();
  const keepOpen = () => { if (closing.current) { clearTimeout(closing.current); closing.current = undefined; } };
  useEffect(() => keepOpen, []);
  const matches = useRosterSearch(p.ctx, p.field, open ? text : '');
  useEffect(() => { setText(p.initial); }, [p.initial]);
  const listId = `${p.a11y.id}-list`;
  const pick = (e: RosterEntry) => { p.onPick(personValue(e)); setText(p.keepText ? e.name : ''); setOpen(false); };
  const free = () => {
    const t = text.trim();
    if (t && (p.field.allowFreeText || (p.ctx.rosters[rosterIdOf(p.field)] ?? []).length === 0)) { p.onFree(t); setText(p.keepText ? t : ''); }
    setOpen(false);
  };
  return (
    <div className="lvz-combo">
      <input {...p.a11y} name={p.name} type="text" role="combobox" aria-expanded={open && matches.length > 0} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined} value={text} readOnly={p.readOnly} placeholder={p.ctx.t.pick} autoComplete="off"
        onFocus={keepOpen}
        onChange={(e) => { keepOpen(); setText(e.target.value); setOpen(true); setActive(0); }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, Math.max(0, matches.length - 1))); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
          else if (e.key === 'Escape') setOpen(false);
          else if (e.key === 'Enter') {
            e.preventDefault();
            if (!text.trim() && p.onEnterEmpty) { p.onEnterEmpty(); return; }
            const m = open ? matches[active] : undefined;
            const exact = matches.find((x) => x.name === text.trim());
            if (exact) pick(exact); else if (m) pick(m); else free();
          } else if (e.key === 'Backspace' && text === '' && p.onBackspaceEmpty) p.onBackspaceEmpty();
        }}
        onBlur={() => { if (p.keepText && text.trim() !== p.initial) { if (!text.trim()) p.onFree(''); else free(); } keepOpen(); closing.current = setTimeout(() => { closing.current = undefined; setOpen(false); }, 150); }} />
      {open && text.trim() && (
        <ul className="lvz-options" role="listbox" id={listId}>
          {matches.length === 0 && <li className="lvz-nomatch">{p.ctx.t.noMatch}</li>}
          {matches.map((m, i) => (
            <li key={m.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => { e.preventDefault(); pick(m); }}>
              {m.name}{m.group && <span className="lvz-sub">{m.group}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PersonPicker(p: ControlProps & { field: Extract<AnyField, { type: 'person' }> }): ReactNode {
  const v = p.value as PersonValue | undefined;
  return <Combobox ctx={p.ctx} field={p.field} a11y={p.a11y} name={p.name} readOnly={p.readOnly} initial={v?.name ?? ''} keepText
    onPick={(x) => p.set(x)} onFree={(t) => p.set(t ? { name: t } : undefined)} onEnterEmpty={p.onEnter} />;
}

function PeoplePicker(p: ControlProps & { field: Extract<AnyField, { type: 'people' }> }): ReactNode {
  const list = Array.isArray(p.value) ? (p.value as PersonValue[]) : [];
  const add = (x: PersonValue) => { if (!list.some((y) => (x.id ? y.id === x.id : y.name === x.name))) p.set([...list, x]); };
  return (
    <div className="lvz-people" role="group" aria-labelledby={p.labelledBy}>
      <ul className="lvz-chips" aria-live="polite">
        {list.map((x, i) => (
          <li key={`${x.id ?? ''}-${x.name}`} className="lvz-chip" data-person={x.name}>{x.name}
            {!p.readOnly && <button type="button" aria-label={`${p.ctx.t.remove} ${x.name}`} onClick={() => p.set(list.filter((_, j) => j !== i))}>×</button>}
          </li>
        ))}
      </ul>
      <span className="lvz-count">{list.length} {p.ctx.lang === 'zh' ? '人' : list.length === 1 ? 'person' : 'people'}</span>
      {!p.readOnly && <Combobox ctx={p.ctx} field={p.field} a11y={p.a11y} name={p.name} readOnly={false} initial="" keepText={false}
        onPick={add} onFree={(t) => add({ name: t })} onBackspaceEmpty={() => list.length && p.set(list.slice(0, -1))} />}
    </div>
  );
}

// ------------------------------------------------------------------ signature, files, matrix

function SignatureControl(p: ControlProps & { field: Extract<AnyField, { type: 'signature' }> }): ReactNode {
  const v = p.value as SignatureValue | undefined;
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [drawing, setDrawing] = useState(!v);
  const signer = (): string => {
    const sf = p.field.signerField ? p.ctx.engine.getData()[p.field.signerField] : undefined;
    if (sf && typeof sf === 'object' && 'name' in sf) return String((sf as PersonValue).name);
    return p.ctx.signerName ?? p.field.signerRole ?? labelOf(p.field, 'zh');
  };
  useEffect(() => {
    if (!drawing || !canvas.current || p.readOnly) return;
    const c = canvas.current;
    const ratio = Math.max(1, globalThis.devicePixelRatio || 1);
    c.width = c.offsetWidth * ratio || 320; c.height = c.offsetHeight * ratio || 120;
    c.getContext('2d')?.scale(ratio, ratio);
    const sp = new SignaturePad(c, { penColor: '#111' });
    pad.current = sp;
    const done = () => { if (!sp.isEmpty()) p.set({ image: sp.toDataURL('image/png'), signer: signer(), signedAt: isoInChina() } satisfies SignatureValue); };
    sp.addEventListener('endStroke', done);
    return () => { sp.removeEventListener('endStroke', done); sp.off(); pad.current = null; };
  }, [drawing, p.readOnly]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="lvz-signature" role="group" aria-labelledby={p.labelledBy} id={p.a11y.id}>
      {v && !drawing
        ? <figure><img src={v.image} alt={`${p.ctx.t.signedBy} ${v.signer}`} /><figcaption>{v.signer} · {v.signedAt.slice(0, 16).replace('T', ' ')}</figcaption></figure>
        : <canvas ref={canvas} className="lvz-pad" aria-label={`${labelOf(p.field, p.ctx.lang)}：${p.ctx.t.sign}`} />}
      {!p.readOnly && (
        <div className="lvz-actions">
          {v && !drawing && <button type="button" onClick={() => setDrawing(true)}>{p.ctx.t.resign}</button>}
          {drawing && <button type="button" onClick={() => { pad.current?.clear(); p.set(undefined); }}>{p.ctx.t.clear}</button>}
        </div>
      )}
    </div>
  );
}

function FileControl(p: ControlProps & { field: Extract<AnyField, { type: 'attachment' | 'photo' }> }): ReactNode {
  const list = Array.isArray(p.value) ? (p.value as AttachmentValue[]) : [];
  const accept = p.field.accept?.join(',') ?? (p.field.type === 'photo' ? 'image/*' : undefined);
  const read = (file: File) => new Promise<AttachmentValue>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve({ name: file.name, type: file.type || 'application/octet-stream', size: file.size, data: String(r.result) });
    r.readAsDataURL(file);
  });
  return (
    <div className="lvz-files" role="group" aria-labelledby={p.labelledBy}>
      <ul>{list.map((a, i) => (
        <li key={`${a.name}-${i}`}>
          {p.field.type === 'photo' && a.data?.startsWith('data:image/') && <img src={a.data} alt={a.name} className="lvz-thumb" />}
          <span>{a.name}（{Math.ceil(a.size / 1024)} KB）</span>
          {!p.readOnly && <button type="button" aria-label={`${p.ctx.t.remove} ${a.name}`} onClick={() => p.set(list.filter((_, j) => j !== i))}>×</button>}
        </li>
      ))}</ul>
      {!p.readOnly && <FileButton {...p.a11y} lang={p.ctx.lang} accept={accept} multiple={p.field.multiple} onFiles={async (files) => {
        const read_ = await Promise.all(files.map(read));
        p.set(p.field.multiple ? [...list, ...read_] : read_.slice(0, 1));
      }} />}
    </div>
  );
}

function MatrixControl(p: ControlProps & { field: Extract<AnyField, { type: 'ratingMatrix' }> }): ReactNode {
  const marks = (p.value && typeof p.value === 'object' ? p.value : {}) as Record<string, number>;
  const s = p.summary;
  return (
    <div className="lvz-matrix" role="group" aria-labelledby={p.labelledBy} aria-invalid={p.a11y['aria-invalid']} aria-describedby={p.a11y['aria-describedby']}>
      <table>
        <thead><tr><th scope="col" />{p.field.scale.map((m) => <th scope="col" key={m.value}>{labelOf(m, p.ctx.lang)}<br /><small>{m.value}</small></th>)}</tr></thead>
        <tbody>{p.field.criteria.map((c) => (
          <tr key={c.id}>
            <th scope="row" id={`${p.a11y.id}-${c.id}`}>{labelOf(c, p.ctx.lang)}{c.weight !== undefined && <small> ×{c.weight}</small>}</th>
            {p.field.scale.map((m) => (
              <td key={m.value}><input type="radio" name={`${p.a11y.id}-${c.id}`} aria-labelledby={`${p.a11y.id}-${c.id}`} aria-label={`${labelOf(m, p.ctx.lang)} ${m.value}`} checked={marks[c.id] === m.value} disabled={p.readOnly}
                onChange={() => p.set({ ...marks, [c.id]: m.value })} /></td>
            ))}
          </tr>
        ))}</tbody>
      </table>
      {s && <p className="lvz-summary" aria-live="polite">{p.ctx.t.total} {s.total} / {s.maxTotal}；{p.ctx.t.average} {s.average === null ? '—' : s.average.toFixed(2)}{s.weightedAverage !== null && s.weightedAverage !== s.average ? `（${s.weightedAverage.toFixed(2)}）` : ''}</p>}
    </div>
  );
}

// ------------------------------------------------------------------ tables

function TableField({ ctx, state, labelledBy }: { ctx: ViewContext; state: FieldState; labelledBy: string }): ReactNode {
  const table = state.field as Extract<FieldDefinition, { type: 'table' }>;
  const rows = state.rows ?? [];
  const wrap = useRef<HTMLDivElement>(null);
  const focusRow = (i: number) => requestAnimationFrame(() => {
    wrap.current?.querySelectorAll<HTMLElement>('tbody tr')[i]?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select')?.focus();
  });
  const add = () => { const i = ctx.engine.addRow(table.id); if (i >= 0) focusRow(i); };
  const full = table.maxRows !== undefined && rows.length >= table.maxRows;
  return (
    <div className="lvz-table" ref={wrap}>
      <table aria-labelledby={labelledBy}>
        <thead><tr><th scope="col" className="lvz-rownum">#</th>{table.columns.map((c) => <th scope="col" key={c.id}>{labelOf(c, ctx.lang)}{c.required && <span className="lvz-req" aria-hidden="true"> *</span>}</th>)}<th scope="col"><span className="lvz-sr">{ctx.t.remove}</span></th></tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={table.columns.length + 2} className="lvz-empty">{ctx.t.noRows}</td></tr>}
          {rows.map((r, i) => (
            <tr key={r.key} data-row={i}>
              <th scope="row" className="lvz-rownum">{i + 1}</th>
              {table.columns.map((c) => <Cell key={c.id} ctx={ctx} table={table.id} row={i} column={c} cell={r.cells[c.id]!} rowKey={r.key} onEnter={i === rows.length - 1 && !state.readOnly ? add : undefined} />)}
              <td className="lvz-rowactions">
                {!state.readOnly && <>
                  <button type="button" aria-label={`${ctx.t.up}（${ctx.t.row.replace('{n}', String(i + 1))}）`} disabled={i === 0} onClick={() => ctx.engine.moveRow(table.id, i, i - 1)}>↑</button>
                  <button type="button" aria-label={`${ctx.t.down}（${ctx.t.row.replace('{n}', String(i + 1))}）`} disabled={i === rows.length - 1} onClick={() => ctx.engine.moveRow(table.id, i, i + 1)}>↓</button>
                  <button type="button" aria-label={`${ctx.t.remove}（${ctx.t.row.replace('{n}', String(i + 1))}）`} onClick={() => ctx.engine.removeRow(table.id, i)}>×</button>
                </>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!state.readOnly && <button type="button" className="lvz-add" disabled={full} onClick={add}>＋ {table.addLabel ? (ctx.lang === 'en' ? ctx.t.add : table.addLabel) : ctx.t.add}</button>}
    </div>
  );
}

function Cell({ ctx, table, row, column, cell, rowKey, onEnter }: { ctx: ViewContext; table: string; row: number; column: ColumnFieldDefinition; cell: CellState; rowKey: string; onEnter: (() => void) | undefined }): ReactNode {
  const [touched, setTouched] = useState(false);
  const domId = `${ctx.idBase}-${table}-${rowKey}-${column.id}`;
  const errors = [...cell.issues.map((i) => msgOf(i, ctx.lang)), ...(cell.missing && (touched || ctx.showAll) ? [ctx.lang === 'en' ? 'required' : '必填'] : [])];
  const invalid = errors.length > 0;
  const set = (v: unknown) => ctx.engine.setCell(table, row, column.id, v);
  const label = `${labelOf(column, ctx.lang)}（${ctx.t.row.replace('{n}', String(row + 1))}）`;
  return (
    <td className={invalid ? 'lvz-invalid' : undefined} data-label={labelOf(column, ctx.lang)} data-column={column.id} onBlur={() => setTouched(true)}>
      {cell.visible && <>
        <Control ctx={ctx} field={column} value={cell.value} readOnly={cell.readOnly} set={set} labelledBy={`${domId}-label`} name={`${table}.${row}.${column.id}`} onEnter={onEnter}
          a11y={{ id: domId, 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `${domId}-err` : undefined, 'aria-required': cell.required || undefined }} />
        <LabelFor id={domId} text={label} />
        {invalid && <span className="lvz-error" id={`${domId}-err`} role="alert">{errors.join('；')}</span>}
      </>}
    </td>
  );
}

/** An accessible name for a cell's input without a visible label (tables show the column header). */
function LabelFor({ id, text }: { id: string; text: string }): ReactNode {
  return <label htmlFor={id} id={`${id}-label`} className="lvz-sr">{text}</label>;
}

/** Re-renders on every change (for summaries that list every issue). */
export function useFormRevision(engine: FormEngine): number {
  return useRevisionFor(engine);
}

export { isEmptyValue };
