/**
 * DateInput: a date (or date and time) box that shows and takes dates as a Chinese office writes
 * them — 2024-05-14 or 2024年5月14日 — whatever the browser's language. The browser's own
 * `<input type=date>` follows the browser locale (05/14/2024 in an English Chrome) and cannot be
 * told otherwise, so this is a text box read by the core's `readTypedDate`.
 *
 * What the box shows is what the record holds: text that is not a date clears the value and says
 * so beside the box (it never keeps an older value out of sight). After leaving the box, an
 * accepted date is shown in the one form, 2024-05-14.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { readTypedDate, showDateValue } from '../core/index.ts';

export interface DateInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` with `withTime`. */
  value: string | undefined;
  onValue: (value: string | undefined) => void;
  withTime?: boolean;
  lang?: 'zh' | 'en';
  onKeyDown?: ((e: KeyboardEvent<HTMLInputElement>) => void) | undefined;
}

export function DateInput(props: DateInputProps): ReactNode {
  const { value, onValue, withTime = false, lang = 'zh', onBlur, ...rest } = props;
  const [text, setText] = useState(() => showDateValue(value, withTime));
  const [problem, setProblem] = useState<string | undefined>();
  // The value this box last gave: a different one came from elsewhere (a fill, a reset) and replaces the text.
  const mine = useRef(value);
  useEffect(() => {
    if (value === mine.current) return;
    mine.current = value;
    setText(showDateValue(value, withTime));
    setProblem(undefined);
  }, [value, withTime]);
  const errId = rest.id ? `${rest.id}-date-err` : undefined;
  const describedBy = [rest['aria-describedby'], problem ? errId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={rest.placeholder ?? (withTime ? '2024-05-14 09:00' : '2024-05-14')}
        value={text}
        aria-invalid={problem ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        data-date-input={withTime ? 'datetime' : 'date'}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const r = readTypedDate(typed, withTime);
          const next = r.ok ? r.value : undefined;
          setProblem(r.ok ? undefined : lang === 'en' ? r.messageEn : r.message);
          if (next !== mine.current) {
            mine.current = next;
            onValue(next);
          }
        }}
        onBlur={(e) => {
          const r = readTypedDate(text, withTime);
          if (r.ok) setText(showDateValue(r.value, withTime));
          onBlur?.(e);
        }}
      />
      {problem && <span className="lvz-date-problem" id={errId} role="alert">{problem}</span>}
    </>
  );
}
