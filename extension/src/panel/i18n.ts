/** Panel texts, Chinese first, English available (switch in the panel header). */
export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '履职',
  tabRecords: '记录',
  tabFill: '填写',
  tabWorkflows: '流程',
  tabMinutes: '纪要',
  tabSettings: '设置',
  language: 'English',
  errorTitle: '出现错误，面板其余部分仍可使用',
  errorRetry: '重试',
  errorWhat: '出错的部分',
  portalTitle: '允许的门户网站',
  portalHint: '只有这些网站会显示履职悬浮按钮。添加时浏览器会请求访问该网站的权限。',
  portalAdd: '添加门户',
  portalInput: '门户地址，例如 https://oa.example.gov.cn/',
  portalAdded: '已添加',
  portalDenied: '未获得该网站的访问权限',
  portalInvalid: '不是有效的网站地址',
  portalRemove: '移除',
  portalNone: '还没有添加门户。',
  backupReminder: '卸载扩展会删除本机保存的全部记录，请定期备份。',
} as const;

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  appTitle: 'Lvzhi',
  tabRecords: 'Records',
  tabFill: 'Fill',
  tabWorkflows: 'Workflows',
  tabMinutes: 'Minutes',
  tabSettings: 'Settings',
  language: '中文',
  errorTitle: 'Something failed; the rest of the panel still works',
  errorRetry: 'Retry',
  errorWhat: 'Failed part',
  portalTitle: 'Allowed portals',
  portalHint: 'Only these sites show the Lvzhi launcher. Adding one asks the browser for access to it.',
  portalAdd: 'Add portal',
  portalInput: 'Portal address, e.g. https://oa.example.gov.cn/',
  portalAdded: 'Added',
  portalDenied: 'Access to that site was not granted',
  portalInvalid: 'Not a valid site address',
  portalRemove: 'Remove',
  portalNone: 'No portal added yet.',
  backupReminder: 'Uninstalling the extension deletes every record kept in this browser: back up regularly.',
};

export const TEXTS: Record<Lang, Record<TextKey, string>> = { zh, en };
