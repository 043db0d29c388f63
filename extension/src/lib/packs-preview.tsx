/**
 * A read-only outline of a form for the studio's live preview: sections and fields with their
 * labels, types and rules, in the order the form shows them. (The interactive FormView from
 * @lvzhi/shared/react did not exist when this was written; this outline stands in for it.)
 * Definition text is shown as text, never HTML.
 */
import type { CSSProperties } from 'react';
import type { FieldDefinition, FormDefinition } from '@lvzhi/shared';

const TYPE_ZH: Record<string, string> = {
  text: '文本', textarea: '多行文本', number: '数字', date: '日期', datetime: '日期时间', select: '下拉选择', radio: '单选',
  multiselect: '多选', checkboxes: '复选', checkbox: '勾选', phone: '电话', idcard: '身份证号', person: '人员', people: '多人',
  attachment: '附件', photo: '照片', table: '表格', computed: '计算', signature: '签名', score: '评分', ratingMatrix: '评分矩阵', static: '说明',
};

const box: CSSProperties = { border: '1px solid #d0d7de', borderRadius: 6, padding: '8px 12px', marginBottom: 10, background: '#fff' };

function Field({ field }: { field: FieldDefinition }) {
  const f = field as FieldDefinition & { label?: string; required?: boolean; help?: string; columns?: FieldDefinition[] };
  return (
    <li data-testid="preview-field" data-field-id={f.id} style={{ margin: '4px 0' }}>
      <span style={{ fontWeight: 500 }}>{f.label ?? f.id}</span>
      {f.required ? <span style={{ color: '#cf222e' }} title="必填"> *</span> : null}
      <span style={{ color: '#57606a', fontSize: 12 }}> · {TYPE_ZH[f.type] ?? f.type} · <code>{f.id}</code></span>
      {f.visibleIf !== undefined ? <span style={{ color: '#9a6700', fontSize: 12 }}> · 条件显示</span> : null}
      {f.help ? <div style={{ color: '#57606a', fontSize: 12 }}>{f.help}</div> : null}
      {Array.isArray(f.columns) ? (
        <ul style={{ paddingLeft: 18 }}>{f.columns.map((c) => <Field key={c.id} field={c} />)}</ul>
      ) : null}
    </li>
  );
}

export function FormOutline({ form }: { form: FormDefinition }) {
  return (
    <div data-testid="studio-preview" aria-label="表单预览">
      <h3 style={{ fontSize: 16, margin: '4px 0' }} data-testid="preview-title">{form.title} <span style={{ color: '#57606a', fontSize: 12 }}>版本 {form.version}</span></h3>
      {form.description ? <p style={{ color: '#57606a' }}>{form.description}</p> : null}
      {form.sections.map((s, i) => (
        <section key={s.id ?? i} style={box}>
          <h4 style={{ fontSize: 14, margin: '2px 0' }}>{s.title}</h4>
          <ul style={{ paddingLeft: 18, margin: 0 }}>{s.fields.map((f) => <Field key={f.id} field={f} />)}</ul>
        </section>
      ))}
    </div>
  );
}
