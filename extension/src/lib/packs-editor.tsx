/**
 * A CodeMirror 6 JSON editor with JSON Schema completion and linting (codemirror-json-schema)
 * plus the shared validator's located problems as lint marks. The text is the source of truth
 * upstream (the studio keeps it, and its draft); this component only reports changes.
 */
import { useEffect, useRef } from 'react';
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { autocompletion, closeBrackets, type CompletionSource } from '@codemirror/autocomplete';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { jsonCompletion, jsonSchemaLinter, stateExtensions, handleRefresh, updateSchema } from 'codemirror-json-schema';
import type { JSONSchema7 } from 'json-schema';
import type { StudioProblem } from './packs-studio-logic.ts';

export interface JsonEditorProps {
  value: string;
  schema: Record<string, unknown>;
  problems: readonly StudioProblem[];
  onChange(text: string): void;
}

export function JsonEditor({ value, schema, problems, onChange }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  const problemsRef = useRef(problems);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  problemsRef.current = problems;

  useEffect(() => {
    if (!host.current) return;
    const validator = new Compartment();
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(), foldGutter(), history(), highlightActiveLine(), bracketMatching(), closeBrackets(), indentOnInput(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          linter(jsonParseLinter(), { delay: 200 }),
          linter(jsonSchemaLinter(), { delay: 300, needsRefresh: handleRefresh }),
          validator.of(linter((): Diagnostic[] => problemsRef.current.map((p) => ({
            from: Math.min(p.from, v.state.doc.length), to: Math.min(Math.max(p.to, p.from), v.state.doc.length),
            severity: 'error', message: `${p.path}: ${p.message}`, source: '履职校验',
          })), { delay: 100 })),
          lintGutter(),
          autocompletion({ override: [jsonCompletion() as CompletionSource] }),
          stateExtensions(schema as JSONSchema7),
          EditorView.updateListener.of((u) => { if (u.docChanged) onChangeRef.current(u.state.doc.toString()); }),
          EditorView.theme({ '&': { height: '520px', fontSize: '13px', border: '1px solid #d0d7de' }, '.cm-scroller': { fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", monospace' } }),
        ],
      }),
    });
    view.current = v;
    return () => { v.destroy(); view.current = undefined; };
    // The editor is made once; value/schema changes arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) updateSchema(v, schema as JSONSchema7);
  }, [schema]);

  useEffect(() => {
    const v = view.current;
    if (v) forceLinting(v);
  }, [problems]);

  return <div ref={host} data-testid="studio-editor" />;
}
