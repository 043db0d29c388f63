/**
 * Counting a person's actions (issue 12): every click and every keystroke is one action; a
 * Chinese character counts as one keystroke (as typed through an input method, one choice per
 * character); choosing a file is two (open the chooser, pick). The counter performs each action
 * with Playwright and counts it, so what is counted is what was done.
 *
 * `handCost(value)` is what a person needs to type or click one value into a portal control by
 * hand: text and dates one click plus one per character, a choice two clicks (open, choose), a tick box one, a list one click per item plus its characters,
 * files (a photo) the chooser opened and each file picked.
 */
import type { Locator } from 'playwright-core';
import type { PackDefinition } from '@lvzhi/shared';

export class ActionCounter {
  private counts = new Map<string, number>();
  total = 0;

  /** Adds `n` actions under `label` without performing them (e.g. a by-hand correction counted by rule). */
  add(label: string, n: number): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + n);
    this.total += n;
  }

  async click(target: Pick<Locator, 'click'>, label = 'click'): Promise<void> {
    await target.click();
    this.add(label, 1);
  }

  /** Clicks into a field and types `text` (one action per character, Chinese included). */
  async type(target: Locator, text: string, label = 'type'): Promise<void> {
    await target.click();
    await target.fill(text);
    this.add(label, 1 + [...text].length);
  }

  /** Clicks into a field and pastes `text` (click, Ctrl+V). */
  async paste(target: Locator, text: string, label = 'paste'): Promise<void> {
    await target.click();
    await target.fill(text);
    this.add(label, 2);
  }

  /**
   * Copies the whole text of a document (`source`: its text area in an open window) and pastes
   * it into `target`, with the real keyboard and clipboard: click into the document, select all,
   * copy, click into the target, paste (five actions).
   */
  async copyPaste(source: Locator, target: Locator, label = 'copy and paste'): Promise<void> {
    const from = source.page();
    await from.bringToFront();
    await source.click();
    await from.keyboard.press('Control+A');
    await from.keyboard.press('Control+C');
    const to = target.page();
    await to.bringToFront();
    await target.click();
    await to.keyboard.press('Control+V');
    this.add(label, 5);
  }

  /** Opens a native select and chooses (two clicks). */
  async select(target: Locator, value: string, label = 'select'): Promise<void> {
    await target.selectOption(value);
    this.add(label, 2);
  }

  /** Opens the file chooser and picks a file (two actions). */
  async chooseFile(target: Locator, file: string, label = 'file'): Promise<void> {
    await target.setInputFiles(file);
    this.add(label, 2);
  }

  byLabel(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

const CHOICE_CODE = /^[0-9A-Za-z]{1,3}$/;
const FILE = /\.(png|jpe?g|pdf|docx?)$/i;

/**
 * Actions a person needs to enter `value` into a portal control by hand; `choice`: the control
 * offers options (a select, radio group, cascader: two clicks, or one per level plus one).
 */
export function handCost(value: unknown, choice = false): number {
  if (value === null || value === undefined || value === '' || value === false) return 0;
  if (value === true) return 1;
  if (choice) return Array.isArray(value) ? 1 + value.length : 2;
  // files (a photo, an attachment): the chooser is opened and each file picked, as for one file
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && FILE.test(v))) return 1 + value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + (typeof v === 'string' && !CHOICE_CODE.test(v) ? 2 + [...v].length : 1), 1);
  const s = String(value);
  if (FILE.test(s)) return 2;
  if (CHOICE_CODE.test(s)) return 2;
  return 1 + [...s].length;
}

/** Keys of the dictionary whose values are choices (a select, radio group: two clicks by hand). */
export function choiceKeys(packs: readonly PackDefinition[]): Set<string> {
  const out = new Set<string>();
  for (const p of packs) for (const d of p.dictionary ?? []) if (d.optionSet || d.type === 'enum' || d.type === 'multienum') out.add(d.key);
  return out;
}
