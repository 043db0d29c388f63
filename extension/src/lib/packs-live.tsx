/**
 * The studio's live preview: the form as staff will see it, rendered by the shared FormView over
 * a fresh FormEngine (defaults applied), re-made on every valid edit. A definition that the
 * engine cannot take (a half-typed edit) falls back to the read-only outline, and a render error
 * is caught here so that the editor never goes away with it.
 */
import { Component, useMemo, type ReactNode } from 'react';
import { FormEngine, formSchema, optionResolver, type FormDefinition, type PackDefinition } from '@lvzhi/shared';
import { FormView } from '@lvzhi/shared/react';
import { FormOutline } from './packs-preview.tsx';

class Boundary extends Component<{ fallback: ReactNode; resetKey: unknown; children: ReactNode }, { failed: unknown }> {
  override state: { failed: unknown } = { failed: undefined };
  static getDerivedStateFromError(error: unknown) { return { failed: error ?? true }; }
  override componentDidUpdate(prev: { resetKey: unknown }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: undefined });
  }
  override render() { return this.state.failed ? this.props.fallback : this.props.children; }
}

export function LivePreview({ form, packs }: { form: unknown; packs: readonly PackDefinition[] }) {
  const parsed = useMemo(() => formSchema.safeParse(form), [form]);
  const engine = useMemo(() => {
    if (!parsed.success) return undefined;
    try {
      return new FormEngine(parsed.data, { applyDefaults: true, ctx: { optionsOf: optionResolver(packs) } });
    } catch {
      return undefined;
    }
  }, [parsed, packs]);
  const optionsOf = useMemo(() => optionResolver(packs), [packs]);
  const outline = parsed.success ? <FormOutline form={parsed.data} /> : <p style={{ color: '#57606a' }}>表单定义尚不完整，修正左侧的问题后显示预览。</p>;
  if (!engine) return <div data-testid="studio-live-fallback">{outline}</div>;
  return (
    <div data-testid="studio-live" aria-label="表单实时预览" style={{ border: '1px dashed #d0d7de', padding: 8, borderRadius: 6 }}>
      <Boundary fallback={outline} resetKey={engine}>
        <FormView engine={engine} optionsOf={optionsOf} layout="panel" />
      </Boundary>
    </div>
  );
}

export type { FormDefinition };
