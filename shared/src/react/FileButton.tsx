/**
 * FileButton: a file chooser that speaks the form's language. The browser's own file input says
 * "Choose File / No file chosen" in the browser's language, not the panel's; here a labelled
 * button (选择文件) opens the same input, which stays in the page (visually hidden, still
 * reachable by keyboard and by `setInputFiles`), and the chosen names (or 未选择文件) are shown.
 */
import { useState, type InputHTMLAttributes, type ReactNode } from 'react';

const T = {
  zh: { choose: '选择文件', none: '未选择文件', many: '已选择 {n} 个文件' },
  en: { choose: 'Choose a file', none: 'No file chosen', many: '{n} files chosen' },
} as const;

export interface FileButtonProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> {
  onFiles: (files: File[]) => void | Promise<void>;
  lang?: 'zh' | 'en';
  /** The button's text (default 选择文件). */
  label?: string;
  /** Show the chosen file names beside the button (default true). */
  showChosen?: boolean;
}

const HIDDEN = { position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, border: 0, opacity: 0, overflow: 'hidden', clipPath: 'inset(50%)' } as const;

export function FileButton(props: FileButtonProps): ReactNode {
  const { onFiles, lang = 'zh', label, showChosen = true, className, ...rest } = props;
  const t = T[lang];
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <span className={`lvz-file-button${className ? ` ${className}` : ''}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, position: 'relative' }}>
      <label className="button lvz-button" style={{ cursor: 'pointer', display: 'inline-block', padding: '4px 10px', border: '1px solid #8c959f', borderRadius: 6, background: '#f6f8fa' }}>
        {label ?? t.choose}
        <input {...rest} type="file" style={HIDDEN} onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          setChosen(files.map((f) => f.name));
          // Cleared so the same file can be chosen again (after fixing it).
          e.target.value = '';
          await onFiles(files);
        }} />
      </label>
      {showChosen && <span className="lvz-file-chosen" aria-live="polite">{chosen.length === 0 ? t.none : chosen.length === 1 ? chosen[0] : t.many.replace('{n}', String(chosen.length))}</span>}
    </span>
  );
}
