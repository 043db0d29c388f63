/**
 * Daily reminders: an alarm every hour checks whether today's reminder went out (China date);
 * if not, it lists overdue and soon-due workflow steps and raises one browser notification.
 */
import { todayInChina } from '@lvzhi/shared';
import { openIndexedDbStore } from '@lvzhi/shared/dom';
import { RECORDS_DB, activePacks } from '../lib/staff-data.ts';
import { reminderFor, shouldRemind, workflowRows } from '@lvzhi/shared';
import { fromExtensionPage, REFUSED_SENDER } from '../lib/senders.ts';

export const REMINDER_ALARM = 'lvzhi.daily-reminder';
export const REMINDER_LAST_KEY = 'lvzhi.reminders.last';

export async function remindIfDue(now = new Date(), force = false): Promise<string | undefined> {
  const got = await chrome.storage.local.get(REMINDER_LAST_KEY);
  const last = typeof got[REMINDER_LAST_KEY] === 'string' ? (got[REMINDER_LAST_KEY] as string) : undefined;
  if (!force && !shouldRemind(last, now)) return undefined;
  // A connection of its own, closed at once: the worker must not hold the database open
  // (that would block a later upgrade of it).
  const [packs, store] = await Promise.all([activePacks(), openIndexedDbStore(RECORDS_DB)]);
  let records;
  try {
    records = (await store.list()).records;
  } finally {
    store.close();
  }
  const lang = (chrome.i18n?.getUILanguage?.() ?? 'zh').startsWith('en') ? 'en' : 'zh';
  const reminder = reminderFor(workflowRows(records, packs, now), lang);
  // Marked sent only once the notification exists (issue 13 part 11): a failed create (no
  // permission, icon missing, worker stopped) is retried at the next hourly alarm.
  const markSent = () => chrome.storage.local.set({ [REMINDER_LAST_KEY]: todayInChina(now) });
  if (!reminder) { await markSent(); return undefined; }
  const id = `lvzhi-reminder-${todayInChina(now)}`;
  await chrome.notifications.create(id, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL(chrome.runtime.getManifest().icons?.['128'] ?? 'icon128.plasmo.png'),
    title: reminder.title,
    message: reminder.message,
    priority: reminder.overdue > 0 ? 2 : 1,
  });
  await markSent();
  return id;
}

export function installReminders(): void {
  if (!chrome.alarms) return;
  void chrome.alarms.get(REMINDER_ALARM).then((a) => {
    if (!a) void chrome.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void remindIfDue().catch(() => undefined);
  });
  chrome.notifications?.onClicked.addListener((id) => {
    if (id.startsWith('lvzhi-reminder-')) void chrome.tabs.create({ url: chrome.runtime.getURL('sidepanel.html?view=workflows') });
  });
  chrome.runtime.onMessage.addListener((m: unknown, sender, send) => {
    if ((m as { type?: unknown } | null)?.type !== 'lvzhi.reminders.check') return false;
    if (!fromExtensionPage(sender)) { send(REFUSED_SENDER); return false; }
    remindIfDue(new Date(), true).then((id) => send({ ok: true, id }), (e: unknown) => send({ ok: false, error: String(e) }));
    return true;
  });
}
