/**
 * How a person fills each evaluation page with Playwright: clicking the widgets, typing, choosing
 * options by their visible text. Used by tests/e2e/eval-pages.e2e.test.ts to prove that each
 * page and its expected file agree, without the autofill engine. Text comes from the expected
 * file (`v`); the options a person picks are written here as the text they see, so the test
 * also proves the expected codes (e.g. 汉族 → "01").
 */
import type { Frame, Locator, Page } from 'playwright-core';

export type Values = Record<string, unknown>;
type Scope = Page | Frame;
export type PersonFill = (page: Page, v: Values) => Promise<void>;

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const s = (v: Values, k: string) => String(v[k]);

/** The form item whose label reads exactly `label`. */
function itemBy(scope: Scope, itemSel: string, labelSel: string, label: string): Locator {
  const re = new RegExp(`^[\\s*]*${label}[\\s:：*]*$`);
  return scope.locator(itemSel).filter({ has: scope.locator(labelSel).filter({ hasText: re }) }).first();
}

async function clickOption(page: Page, optionSel: string, text: string): Promise<void> {
  await page.locator(optionSel).filter({ hasText: exact(text) }).locator('visible=true').first().click();
}

// ------------------------------------------------------------- Element UI 2

async function element2(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.el-form-item', '.el-form-item__label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string) => {
    await item(l).locator('.el-select').click();
    await clickOption(page, '.el-select-dropdown__item', t);
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('姓名', 'xm');
  await item('性别').locator('.el-radio').filter({ hasText: '女' }).click();
  await select('民族', '汉族');
  await date('出生日期', 'csrq');
  await text('身份证号', 'sfzh');
  await select('政治面貌', '中共党员');
  await select('文化程度', '大学本科');
  await item('户籍所在地').locator('.el-cascader').click();
  for (const t of ['江苏省', '泰州市', '泰兴市', '青山镇']) await clickOption(page, '.el-cascader-node', t);
  await text('代表证号', 'dbzh');
  await text('选区', 'xq');
  await select('所属代表小组', '青山片代表小组');
  await item('代表小组长').locator('.el-switch').click();
  await select('代表构成', '农民');
  await date('当选日期', 'dxrq');
  await text('工作单位', 'gzdw');
  await text('职务', 'zw');
  await text('手机号码', 'sjhm');
  await text('个人简历', 'grjl');
}

// ------------------------------------------------------------- Ant Design Vue 4

async function antdv(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.ant-form-item', '.ant-form-item-label label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  const multi = async (l: string, names: unknown) => {
    await item(l).locator('.ant-select-selector').click();
    for (const n of names as string[]) {
      await page.keyboard.type(n);
      // a person types the name and takes the highlighted match with Enter (a click on the
      // virtual list's option races its re-render on a slow machine)
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').filter({ hasText: exact(n) }).waitFor();
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
  };
  await text('会议名称', 'hymc');
  await item('会议类型').locator('.ant-select-selector').click();
  await clickOption(page, '.ant-select-item-option', '主席团月例会');
  await date('开始时间', 'kssj');
  await date('结束时间', 'jssj');
  await text('会议地点', 'hydd');
  await text('主持人', 'zcr');
  await text('记录人', 'jlr');
  await text('出席人数', 'cxrs');
  await multi('出席人员', v['cxry']);
  await multi('列席人员', v['lxry']);
  await page.locator('.ant-tabs-tab').filter({ hasText: '议题及纪要' }).click();
  const rows = v['yt'] as Array<{ topic: string; presenter: string }>;
  for (const [i, r] of rows.entries()) {
    await page.getByRole('button', { name: '+ 添加议题' }).click();
    await page.getByPlaceholder('议题', { exact: true }).nth(i).fill(r.topic);
    await page.getByPlaceholder('汇报人', { exact: true }).nth(i).fill(r.presenter);
  }
  await text('通报和讨论情况', 'thqk');
  await text('发送', 'fs');
  await date('印发日期', 'yfrq');
}

// ------------------------------------------------------------- View UI Plus (iView)

async function iview(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.ivu-form-item', '.ivu-form-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Tab');
    await page.locator('.head').click();
  };
  const select = async (l: string, t: string) => {
    await item(l).locator('.ivu-select-selection').click();
    await clickOption(page, '.ivu-select-item', t);
  };
  await text('视察主题', 'sczt');
  await item('活动类型').locator('.ivu-radio-wrapper').filter({ hasText: exact('视察') }).click();
  await date('视察时间', 'scsj');
  await text('视察地点', 'scdd');
  await select('组织单位', '青山镇人大主席团');
  await text('带队领导', 'ddld');
  await item('参加代表').locator('.ivu-select-selection').click();
  for (const n of v['cjdb'] as string[]) {
    await page.keyboard.type(n);
    await clickOption(page, '.ivu-select-item', n);
    // as a person sees the name appear as a tag before typing the next one (a loaded run once
    // typed the next name while the list was still re-rendering, and the last pick was lost)
    await item('参加代表').locator('.ivu-tag').filter({ hasText: exact(n) }).first().waitFor();
  }
  await page.keyboard.press('Escape');
  await text('参加人数', 'cjrs');
  for (const m of v['scfs'] as string[]) await item('视察方式').locator('.ivu-checkbox-wrapper').filter({ hasText: exact(m) }).click();
  await text('视察情况', 'scqk');
  await text('意见建议', 'yjjy');
  await date('整改期限', 'zgqx');
  await text('交办单位', 'jbdw');
  await text('记录人', 'jlr');
  await date('填表日期', 'tbrq');
}

// ------------------------------------------------------------- TDesign Vue Next

async function tdesign(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.t-form__item', '.t-form__label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    // as a person waits for the calendar to show before typing: TDesign resets the box's text
    // when its panel mounts, and on a loaded machine the panel came after the typing
    await page.locator('.t-date-picker__panel').locator('visible=true').first().waitFor();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  const select = async (l: string, t: string) => {
    await item(l).locator('.t-select').click();
    await clickOption(page, '.t-select-option', t);
  };
  await text('登记编号', 'djbh');
  await date('收信日期', 'sxrq');
  await select('来信来源', '群众直接来信');
  await text('来信人姓名', 'xxr');
  await item('性别').locator('.t-radio').filter({ hasText: exact('男') }).click();
  await text('身份证号码', 'sfzh');
  await text('联系电话', 'lxdh');
  await text('联名人数', 'lmrs');
  await text('家庭住址', 'jtzz');
  await item('问题属地').locator('.t-cascader').click();
  for (const t of ['泰兴市', '青山镇', '东岗村']) await clickOption(page, '.t-cascader__item', t);
  await text('反映问题', 'fywt');
  await select('问题类别', '环境保护');
  await text('主要内容', 'zynr');
  await text('登记人', 'djr');
  await select('转交部门', '青山镇生态环境办公室');
  await page.keyboard.press('Escape');
  await date('转办日期', 'zbrq');
  await date('办理时限', 'blsx');
}

// ------------------------------------------------------------- Arco Design Vue

async function arco(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.arco-form-item', '.arco-form-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // Every select's popup stays in <body>; the one just opened is the last, a closing one may linger.
  const option = (t: string) => page.locator('.arco-select-option').filter({ hasText: exact(t) }).locator('visible=true').last().click();
  const select = async (l: string, t: string) => {
    await item(l).locator('.arco-select-view').click();
    await option(t);
    await page.waitForTimeout(300);
  };
  await text('建议编号', 'jybh');
  const d = item('提出日期').locator('input');
  await d.click();
  await d.fill(s(v, 'tcrq'));
  await d.press('Enter');
  await text('标题', 'bt');
  await item('类别').locator('label').filter({ hasText: exact('建议') }).click();
  await select('内容分类', '交通道路');
  await item('提出时间段').locator('label').filter({ hasText: exact('闭会期间') }).click();
  await text('届次会次', 'jc');
  await select('领衔代表', '孙丽华');
  await text('联系电话', 'lxdh');
  await item('附议人').locator('.arco-select-view').click();
  for (const n of v['fyr'] as string[]) {
    await page.keyboard.type(n);
    await option(n);
  }
  await page.keyboard.press('Escape');
  await text('情况及理由', 'qkly');
  await text('建议内容', 'jynr');
  await select('主办单位', '青山镇村镇建设办公室');
  await select('协办单位', '青山派出所');
  await page.keyboard.press('Escape');
}

// ------------------------------------------------------------- Naive UI

async function naive(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.n-form-item', '.n-form-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string) => {
    await item(l).locator('.n-base-selection').click();
    await clickOption(page, '.n-base-select-option', t);
  };
  await text('评议活动', 'pyhd');
  await select('被评议单位', '青山镇市场监督管理所');
  const d = item('测评日期').locator('input');
  await d.click();
  await d.fill(s(v, 'cprq'));
  await d.press('Enter');
  await select('测评人类别', '镇人大代表');
  await text('测评人', 'cpr');
  const grades: Record<number, string> = { 5: '优秀', 4: '良好', 3: '一般', 2: '较差', 1: '差' };
  for (const [l, k] of [['依法行政', 'yfxz'], ['服务态度', 'fwtd'], ['办事效率', 'bsxl'], ['廉洁自律', 'ljzl'], ['整改落实', 'zgls']] as const) {
    await item(l).locator('.n-radio').filter({ hasText: exact(grades[Number(v[k])]!) }).click();
  }
  await text('综合评分', 'zhpf');
  await item('综合评分').locator('input').press('Tab');
  await item('总体评价').locator('.n-radio-button').filter({ hasText: exact('满意') }).click();
  await text('意见和建议', 'yjjy');
}

// ------------------------------------------------------------- Vant 4 (phone)

async function vant(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.van-field', '.van-field__label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // A person swipes the wheel to the option; tapping an option of the wheel does the same.
  const wheel = async (texts: string[]) => {
    const columns = page.locator('.van-popup:visible .van-picker-column');
    for (const [i, t] of texts.entries()) {
      await columns.nth(i).locator('.van-picker-column__item').filter({ hasText: exact(t) }).dispatchEvent('click');
      await page.waitForTimeout(350);
    }
    await page.locator('.van-popup:visible .van-picker__confirm').click();
    await page.locator('.van-popup:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.waitForTimeout(300);
  };
  const pick = async (l: string, t: string) => {
    await item(l).click();
    await wheel([t]);
  };
  const date = async (l: string, k: string) => {
    await item(l).click();
    await wheel(s(v, k).split('-'));
  };
  await text('登记编号', 'djbh');
  await date('来访日期', 'lfrq');
  await pick('接待形式', '代表接待日');
  await item('来访人数').locator('input').fill(s(v, 'lfrs'));
  await item('来访人数').locator('input').blur();
  for (const n of v['jdry'] as string[]) await item('接待人员').locator('.van-checkbox').filter({ hasText: exact(n) }).click();
  await text('来访人', 'lfr');
  await item('性别').locator('.van-radio').filter({ hasText: exact('女') }).click();
  await text('身份证号', 'sfzh');
  await text('联系电话', 'lxdh');
  await text('住址', 'zz');
  await item('是否重复访').locator('.van-switch').click();
  await text('来访事由', 'lfsy');
  await pick('问题类别', '农村农业');
  await text('反映内容', 'fynr');
  await pick('转交部门', '青山镇农业农村服务中心');
  await date('办理时限', 'blsx');
}

// ------------------------------------------------------------- Fusion Next

async function fusion(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.next-form-item', '.next-form-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string) => {
    await item(l).locator('.next-select').click();
    await clickOption(page, '.next-menu-item', t);
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('姓名', 'name');
  await item('性别').locator('.next-radio-wrapper').filter({ hasText: exact('男') }).click();
  await select('民族', '回族');
  await date('出生年月', 'birthday');
  await text('公民身份号码', 'idCard');
  await select('政治面貌', '中共党员');
  await select('学历', '大学专科');
  await item('代表层级').locator('.next-radio-wrapper').filter({ hasText: exact('镇级') }).click();
  await select('届次', '第十九届');
  await text('选区', 'area');
  await select('代表小组', '东岗片代表小组');
  await text('代表证号', 'card');
  await text('工作单位及职务', 'unitPosition');
  await text('手机号码', 'mobile');
  await date('当选日期', 'elected');
  await text('通讯地址', 'address');
  await text('邮政编码', 'postcode');
  await select('代表状态', '在任');
  await text('个人简历', 'resume');
}

// ------------------------------------------------------------- jQuery: select2 + bootstrap-select

async function select2Page(page: Page, v: Values): Promise<void> {
  const row = (id: string) => page.locator(`#${id}`).locator('xpath=..');
  const select2 = async (id: string, name: string) => {
    await row(id).locator('.select2-selection').click();
    const search = page.locator('.select2-container--open .select2-search__field');
    if (await search.isVisible()) await search.fill(name);
    await clickOption(page, '.select2-results__option', name);
  };
  const picker = async (id: string, names: string[]) => {
    await row(id).locator('button.dropdown-toggle').click();
    for (const n of names) await page.locator('.bootstrap-select.show .dropdown-menu li a').filter({ hasText: exact(n) }).click();
    if (await page.locator('.bootstrap-select.show').count()) await page.keyboard.press('Escape');
  };
  await page.getByLabel('建议编号').fill(s(v, 'jybh'));
  await picker('ddlJylx', ['建议']);
  await page.getByLabel('建议标题').fill(s(v, 'jybt'));
  await select2('ddlNrfl', '城乡建设');
  await page.getByLabel('提出日期').fill(s(v, 'tcrq'));
  await page.getByLabel('闭会期间').check();
  await select2('ddlLdb', '马玉梅');
  await page.getByLabel('联系电话').fill(s(v, 'lxdh'));
  for (const n of ['林永福', '高建军', '郑国平']) await select2('ddlFyr', n);
  await page.getByLabel('情况及理由').fill(s(v, 'qkly'));
  await page.getByLabel('建议内容').fill(s(v, 'jynr'));
  await picker('ddlZbdw', ['青山镇村镇建设办公室']);
  await picker('ddlXbdw', ['青山镇市场监督管理所', '青山镇财政所']);
  await page.getByLabel('答复期限').fill(s(v, 'dfqx'));
}

// ------------------------------------------------------------- Formily on @formily/next

async function formily(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.next-formily-item', '.next-formily-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    // The trigger is read-only; the popup's own input takes typed dates.
    await item(l).locator('input').click();
    const typed = page.locator('.next-date-picker-panel-input input').locator('visible=true').first();
    await typed.fill(s(v, k));
    await typed.press('Enter');
    await page.locator('h2').click();
  };
  const select = async (scope: Locator, t: string) => {
    await scope.locator('.next-select').click();
    await clickOption(page, '.next-menu-item', t);
  };
  const checks = async (l: string, k: string) => {
    for (const t of v[k] as string[]) await item(l).locator('.next-checkbox-wrapper').filter({ hasText: exact(t) }).click();
  };
  await text('检查主题', 'jczt');
  await date('检查日期', 'jcrq');
  await select(item('组织单位'), '青山镇人大主席团');
  await text('检查范围', 'jcfw');
  await text('带队领导', 'ddld');
  for (const n of v['cjdb'] as string[]) await select(item('参加代表'), n);
  await page.keyboard.press('Escape');
  await checks('参加执法单位', 'zfdw');
  await checks('检查项目', 'jcxm');
  const rows = v['jcdw'] as Array<{ mc: string; lb: string; jl: string }>;
  for (const [i, r] of rows.entries()) {
    await page.getByText('添加检查单位').click();
    const row = page.locator('.next-table-body tr.next-table-row').nth(i);
    await row.locator('input').first().fill(r.mc);
    await select(row, r.lb);
    await row.locator('.next-radio-wrapper').filter({ hasText: exact(r.jl) }).click();
  }
  await text('检查情况', 'jcqk');
  await text('整改意见', 'zgyj');
  await date('整改期限', 'zgqx');
  await text('交办单位', 'jbdw');
  await text('记录人', 'jlr');
}

// ------------------------------------------------------------- form-create on Element Plus

async function formCreate(page: Page, v: Values): Promise<void> {
  const item = (l: string, scope: Scope | Locator = page) => (scope as Page).locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).last();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
    await page.locator('h2').click();
  };
  await text('会议名称', 'hymc');
  await date('开始时间', 'kssj');
  await date('结束时间', 'jssj');
  await text('会议地点', 'hydd');
  await text('主持人', 'zcr');
  await text('主讲人', 'zjr');
  await text('记录人', 'jlr');
  await item('参训人员').locator('.el-select__wrapper').click();
  for (const n of v['cxry'] as string[]) await clickOption(page, '.el-select-dropdown__item', n);
  await page.locator('h2').click();
  const rows = v['kcap'] as Array<{ kc: string; skr: string; xs: number }>;
  for (const [i, r] of rows.entries()) {
    if (i === 0) await page.locator('._fc-group-add').click();
    else await page.locator('._fc-group-plus-minus:not(._fc-group-minus):not(._fc-group-add)').last().click();
    const row = page.locator('._fc-group-container').nth(i);
    await item('课程', row).locator('input').fill(r.kc);
    await item('授课人', row).locator('input').fill(r.skr);
    await item('学时', row).locator('input').fill(String(r.xs));
    await item('学时', row).locator('input').press('Tab');
  }
  await text('合计学时', 'hjxs');
  await item('合计学时').locator('input').press('Tab');
  await text('培训情况', 'pxqk');
  await text('发送', 'fs');
  await date('印发日期', 'yfrq');
}

// ------------------------------------------------------------- ASP.NET WebForms page in an iframe

async function aspnet(page: Page, v: Values): Promise<void> {
  const f = page.frame({ name: 'mainFrame' })!;
  const P = '#ctl00_ContentPlaceHolder1_';
  const my97 = async (id: string, k: string) => {
    const [y, m, d] = s(v, k).split('-');
    await f.locator(P + id).click();
    await f.locator('#WdateDiv .yy').selectOption(y!);
    await f.locator('#WdateDiv .mm').selectOption({ value: String(Number(m) - 1) });
    await f.locator('#WdateDiv td.Wday').filter({ hasText: exact(String(Number(d))) }).click();
  };
  await f.locator(P + 'txtXM').fill(s(v, 'xm'));
  await f.getByLabel('男', { exact: true }).check();
  await f.locator(P + 'ddlMZ').selectOption({ label: '汉族' });
  await my97('txtCSRQ', 'csrq');
  await f.locator(P + 'txtSFZH').fill(s(v, 'sfzh'));
  await f.locator(P + 'ddlZZMM').selectOption({ label: '群众' });
  await f.locator(P + 'ddlWHCD').selectOption({ label: '高中' });
  await f.locator(P + 'txtDBZH').fill(s(v, 'dbzh'));
  await f.locator(P + 'ddlDBT').selectOption({ label: '青山镇代表团' });
  await f.locator(P + 'txtXQ').fill(s(v, 'xq'));
  await f.locator(P + 'txtGZDW').fill(s(v, 'gzdw'));
  await f.locator(P + 'txtZW').fill(s(v, 'zw'));
  await f.locator(P + 'txtSJ').fill(s(v, 'sj'));
  await my97('txtDXRQ', 'dxrq');
  await f.getByLabel('企业负责人', { exact: true }).check();
  await f.locator(P + 'txtBZ').fill(s(v, 'bz'));
}

// ------------------------------------------------------------- two-step low-code wizard

async function wizard(page: Page, v: Values): Promise<void> {
  const row = (l: string) => page.locator('.row').filter({ has: page.locator('.lbl').filter({ hasText: exact(l) }) });
  const text = (l: string, k: string) => row(l).locator('input, textarea').first().fill(s(v, k));
  await text('登记编号', 'djbh');
  await page.getByRole('radio', { name: '网上来信' }).click();
  await row('来信人').locator('lz-field').locator('input').fill(s(v, 'xxr'));
  await text('身份证号码', 'sfzh');
  await text('联系电话', 'lxdh');
  await text('收信日期', 'sxrq');
  await page.getByRole('button', { name: '下一步' }).click();
  await text('反映问题', 'fywt');
  await row('问题类别').getByRole('combobox').click();
  await page.getByRole('option', { name: '城乡建设' }).click();
  await text('主要内容', 'zynr');
  await row('转交部门').locator('select:enabled').selectOption({ label: '青山镇村镇建设办公室' });
  await text('办理时限', 'blsx');
  await text('登记人', 'djr');
}

// ------------------------------------------------------------- RuoYi-Vue: el-dialog over the list

async function ruoyiMotion(page: Page, v: Values): Promise<void> {
  // The list's search form has 案由/领衔代表/议案类别 too; a person works in the dialog only.
  const dialog = page.locator('.el-dialog__wrapper:visible .el-dialog');
  const item = (l: string) => dialog.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string) => {
    await item(l).locator('.el-select').click();
    await clickOption(page, '.el-select-dropdown__item', t);
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('议案编号', 'motionNo');
  await select('提出会次', '第十九届人民代表大会第四次会议');
  await text('案由', 'motionTitle');
  await select('议案类别', '生态环境');
  await date('提出日期', 'proposeDate');
  await item('提出方式').locator('.el-radio').filter({ hasText: exact('代表联名') }).click();
  await item('领衔代表').locator('.el-select').click();
  await page.keyboard.type('周宏伟');
  await clickOption(page, '.el-select-dropdown__item', '周宏伟');
  for (const n of ['吴海燕', '黄立新', '何春生', '马玉梅', '林永福']) await item('附议代表').locator('.el-checkbox').filter({ hasText: exact(n) }).click();
  const num = item('联名人数').locator('input');
  await num.fill(s(v, 'signerNum'));
  await num.press('Tab');
  await select('承办单位', '青山镇村镇建设办公室');
  await text('案据', 'motionBasis');
  await text('方案', 'motionPlan');
  await select('主席团决定', '列入大会议程');
  await date('决定日期', 'decisionDate');
  await text('备注', 'remark');
}

// ------------------------------------------------------------- JeecgBoot: Ant Design Vue 4 modal

async function jeecgAppraisal(page: Page, v: Values): Promise<void> {
  // The list's query form has 评议活动/被评议单位 too; a person works in the modal only.
  const modal = page.locator('.ant-modal:visible');
  const item = (l: string) => modal.locator('.ant-form-item').filter({
    has: page.locator('.ant-form-item-label label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const num = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.fill(s(v, k));
    await input.press('Tab');
  };
  await text('评议活动', 'activityName');
  await item('被评议单位').locator('.ant-select-selector').click();
  await page.keyboard.type('司法所');
  await page.locator('.ant-select-tree-treenode').filter({ hasText: exact('青山镇司法所') }).locator('visible=true').first()
    .locator('.ant-select-tree-node-content-wrapper').click();
  await num('参评人数', 'joinNum');
  for (const m of ['民意测评', '召开座谈会', '听取述职']) await item('评议方式').locator('.ant-checkbox-wrapper').filter({ hasText: exact(m) }).click();
  await num('满意票数', 'satisfiedNum');
  await num('基本满意票数', 'basicSatisfiedNum');
  await num('不满意票数', 'dissatisfiedNum');
  await num('得分', 'score');
  await item('等次').locator('.ant-radio-button-wrapper').filter({ hasText: exact('良好') }).click();
  await text('主要意见和建议', 'opinion');
  await num('整改意见条数', 'rectifyNum');
  await text('整改落实情况', 'rectifyInfo');
  await text('备注', 'remark');
}

// ------------------------------------------------------------- JSP-era table page (jQuery Validation)

async function jspActivity(page: Page, v: Values): Promise<void> {
  await page.locator('#hdmc').fill(s(v, 'activity.hdmc'));
  await page.locator('#hdlx').selectOption({ label: '专题调研' });
  const [y, m, d] = s(v, 'activity.hdrq').split('-');
  await page.locator('#hdrq').click();
  await page.locator('#ui-datepicker-div .ui-datepicker-year').selectOption(y!);
  await page.locator('#ui-datepicker-div .ui-datepicker-month').selectOption({ value: String(Number(m) - 1) });
  await page.locator('#ui-datepicker-div td[data-handler="selectDay"] a').filter({ hasText: exact(String(Number(d))) }).click();
  await page.locator('#hddd').fill(s(v, 'activity.hddd'));
  await page.locator('#zzdw').selectOption({ label: '青山镇人大主席团' });
  // The names are bare text beside each box: a person ticks the box in the name's span.
  for (const n of ['王建国', '陈志强', '刘桂兰', '赵德明', '孙丽华']) await page.locator('#cjdbCell .cbItem').filter({ hasText: exact(n) }).locator('input').check();
  await page.locator('#cjrs').fill(s(v, 'activity.cjrs'));
  await page.locator('#hdnr').fill(s(v, 'activity.hdnr'));
  await page.locator('#hdcx').fill(s(v, 'activity.hdcx'));
  await page.locator('#djr').fill(s(v, 'activity.djr'));
}

// ------------------------------------------------------------- Layui 2: the add page in a layer iframe

async function layuiSuggestion(page: Page, v: Values): Promise<void> {
  const f = page.frames().find((fr) => fr.url().includes('layui/suggestion-add.html'))!;
  // An item is a layui-inline (two per row) or a whole layui-form-item, with its label as a child.
  const item = (l: string) => f.locator('.layui-inline, .layui-form-item').filter({
    has: f.locator('> .layui-form-label').filter({ hasText: new RegExp(`^\\s*${l}\\s*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string, search?: string) => {
    const title = item(l).locator('.layui-select-title input');
    await title.click();
    if (search) await title.fill(search);
    await item(l).locator('dl dd:not(.layui-hide)').filter({ hasText: exact(t) }).click();
  };
  const radio = (l: string, t: string) => item(l).locator('.layui-form-radio').filter({ hasText: exact(t) }).click();
  // 答复期限 is read-only: year → month → day in laydate's panel.
  const pick = async (l: string, k: string) => {
    const [y, m, d] = s(v, k).split('-').map(Number);
    await item(l).locator('input').click();
    const panel = f.locator('.layui-laydate').last();
    await panel.locator('.laydate-set-ym span[lay-type="year"]').click();
    await panel.locator(`.laydate-year-list li[lay-ym="${y}"]`).click();
    await panel.locator(`.laydate-month-list li[lay-ym="${m! - 1}"]`).click();
    await panel.locator(`td[lay-ymd="${y}-${m}-${d}"]`).click();
  };
  await text('建议编号', 'jybh');
  await select('届次', '第十九届');
  await text('建议标题', 'jybt');
  await radio('类型', '建议');
  await select('内容分类', '交通道路', '交通');
  await radio('提出时间', '闭会期间');
  // 提出日期 takes a typed date; the person clicks away to close the calendar.
  await text('提出日期', 'tcrq');
  await f.locator('legend').first().click();
  await select('领衔代表', '赵德明', '赵德明');
  await text('联系电话', 'lxdh');
  await text('工作单位', 'gzdw');
  for (const n of ['陈志强', '刘桂兰', '何春生']) await item('附议代表').locator('.layui-form-checkbox').filter({ hasText: exact(n) }).click();
  await text('存在问题及原因', 'wtyy');
  await text('具体建议', 'jtjy');
  await select('主办单位', '青山镇交通管理站', '交通');
  await select('协办单位', '青山镇财政所', '财政');
  await select('办理方式', '主办协办');
  await pick('答复期限', 'dfqx');
  await item('重点建议').locator('.layui-form-switch').click();
  await text('登记人', 'djr');
}

// ------------------------------------------------------------- antd (React): 信访事项登记

async function antdLetter(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.ant-form-item', '.ant-form-item-label label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  // The dropdown just opened is the visible one; options are picked by their text.
  const option = (t: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: exact(t) }).first().click();
  await text('登记编号', 'regNo');
  await item('信访形式').locator('.ant-radio-button-wrapper').filter({ hasText: exact('来访') }).click();
  await date('信访日期', 'petitionDate');
  await item('接待方式').locator('.ant-select').click();
  await option('代表接待日');
  for (const n of ['王建国', '孙丽华']) await item('接待人员').locator('.ant-checkbox-wrapper').filter({ hasText: exact(n) }).click();
  await text('姓名', 'name');
  await item('性别').locator('.ant-radio-wrapper').filter({ hasText: exact('男') }).click();
  await text('证件号码', 'idCard');
  await text('联系电话', 'phone');
  await text('住址', 'address');
  const rows = v['companions'] as Array<{ name: string; idCard: string; phone: string }>;
  for (const [i, r] of rows.entries()) {
    await page.getByRole('button', { name: '添加同行人员' }).click();
    const row = page.locator('.companion').nth(i);
    await row.getByPlaceholder('姓名').fill(r.name);
    await row.getByPlaceholder('身份证号码').fill(r.idCard);
    await row.getByPlaceholder('联系电话').fill(r.phone);
  }
  // 来访人数 is checked against the people listed, so the person types it after the rows.
  await text('来访人数', 'visitorNum');
  await item('来访人数').locator('input').press('Tab');
  await text('信访事项', 'matter');
  await item('问题类别').locator('.ant-select').click();
  await page.keyboard.type('农村');
  await option('农村农业');
  await item('问题属地').locator('.ant-select, .ant-cascader').first().click();
  for (const t of ['江苏省', '泰州市', '泰兴市', '青山镇', '东岗村']) {
    await page.locator('.ant-cascader-menu-item').filter({ hasText: exact(t) }).locator('visible=true').first().click();
  }
  await item('重复访').locator('.ant-switch').click();
  await text('主要诉求', 'content');
  await item('转送单位').locator('.ant-select').click();
  await page.keyboard.type('农经');
  await option('青山镇农经站');
  await page.keyboard.press('Escape');
  await date('办理时限', 'deadline');
  await text('登记人', 'registrar');
}

// ------------------------------------------------------------- RuoYi-Vue3: Element Plus el-dialog over the list

async function ruoyi3Inspection(page: Page, v: Values): Promise<void> {
  // The list's search form has 视察主题/视察类型/视察时间 too; a person works in the dialog only.
  const dialog = page.locator('.el-overlay-dialog .el-dialog');
  const item = (l: string) => dialog.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => page.locator('.el-select__popper:visible .el-select-dropdown__item').filter({ hasText: exact(t) }).first().click();
  await text('视察主题', 'inspectTitle');
  await item('视察类型').locator('.el-radio').filter({ hasText: exact('视察') }).click();
  // 组织单位: the dept tree opens collapsed; the person unfolds it down to the town's presidium.
  await item('组织单位').locator('.el-select__wrapper').click();
  const tree = page.locator('.el-tree-select__popper:visible');
  for (const t of ['泰兴市人大常委会', '乡镇人大']) await tree.locator('.el-tree-node__content').filter({ hasText: exact(t) }).locator('.el-tree-node__expand-icon').click();
  await tree.locator('.el-tree-node__content').filter({ hasText: exact('青山镇人大主席团') }).click();
  // 视察时间: both ends typed into the range editor, Enter takes them.
  const [from, to] = v['inspectTime'] as string[];
  const range = item('视察时间').locator('input.el-range-input');
  await range.nth(0).click();
  await range.nth(0).fill(from!);
  await range.nth(1).click();
  await range.nth(1).fill(to!);
  await range.nth(1).press('Enter');
  await text('视察地点', 'inspectPlace');
  await text('带队领导', 'leaderName');
  await item('交办单位').locator('.el-select__wrapper').click();
  await option('青山镇社会事业服务中心');
  await item('参加代表').locator('.el-select__wrapper').click();
  // The select keeps the typed keyword after a pick (reserve-keyword): each name replaces it.
  for (const n of ['陈志强', '刘桂兰', '吴海燕', '马玉梅', '林永福']) {
    await item('参加代表').locator('input.el-select__input').fill(n);
    await option(n);
  }
  await page.keyboard.press('Escape');
  const num = item('代表人数').locator('input');
  await num.fill(s(v, 'deputyNum'));
  await num.press('Tab');
  for (const m of ['实地察看', '听取汇报', '查阅资料']) await item('视察方式').locator('.el-checkbox').filter({ hasText: exact(m) }).click();
  await text('视察情况', 'inspectContent');
  await text('意见建议', 'suggestion');
  const d = item('整改期限').locator('input');
  await d.click();
  await d.fill(s(v, 'rectifyDeadline'));
  await d.press('Enter');
  await text('记录人', 'recorder');
}

// ------------------------------------------------------------- H+ style jQuery page (iCheck, bootstrap-datetimepicker)

async function hplusMeeting(page: Page, v: Values): Promise<void> {
  // Two label/control pairs can share a row: the control is the column right after its label.
  const ctl = (l: string) => page.locator('label.col-form-label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：]*$`) })
    .locator('xpath=following-sibling::div[1]');
  const text = (l: string, k: string) => ctl(l).locator('input, textarea').first().fill(s(v, k));
  const tick = (l: string, t: string) => ctl(l).locator('label.i-checks').filter({ hasText: exact(t) }).locator('ins.iCheck-helper').click();
  // The date-time inputs are read-only: decade → year → month → day (→ hour → minute) in the picker.
  const pick = async (l: string, k: string) => {
    const [date, time] = s(v, k).split(' ');
    const [y, m, d] = date!.split('-').map(Number);
    const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
    await ctl(l).locator('input').click();
    const dp = page.locator('.datetimepicker:visible');
    await dp.locator('.datetimepicker-days th.switch').click();
    await dp.locator('.datetimepicker-months th.switch').click();
    await dp.locator('.datetimepicker-years span.year').filter({ hasText: exact(String(y)) }).click();
    await dp.locator('.datetimepicker-months span.month').filter({ hasText: exact(months[m! - 1]!) }).click();
    await dp.locator('.datetimepicker-days td.day:not(.old):not(.new)').filter({ hasText: exact(String(d)) }).click();
    if (time) {
      const [hh, mm] = time.split(':').map(Number);
      await dp.locator('.datetimepicker-hours span.hour').filter({ hasText: exact(`${hh}:00`) }).click();
      await dp.locator('.datetimepicker-minutes span.minute').filter({ hasText: exact(`${hh}:${String(mm).padStart(2, '0')}`) }).click();
    }
  };
  await text('会议名称', 'meetingName');
  await tick('会议类型', '代表建议交办会');
  await pick('开始时间', 'startTime');
  await pick('结束时间', 'endTime');
  await text('会议地点', 'address');
  await ctl('主持人').locator('select').selectOption({ label: '王建国' });
  await text('记录人', 'recorder');
  for (const n of ['王建国', '李秀英', '黄立新', '沈一鸣', '罗建平', '谢伟东', '方丽君', '唐国庆']) await tick('出席人员', n);
  await text('实到人数', 'actualNum');
  await text('列席人员', 'nonVotingAttendees');
  const rows = v['agendaList'] as Array<{ topic: string; reporter: string }>;
  for (const [i, r] of rows.entries()) {
    if (i > 0) await page.getByRole('button', { name: '+ 添加议程' }).click();
    const row = page.locator('#agendaTable tbody tr').nth(i);
    await row.getByPlaceholder('议题').fill(r.topic);
    await row.getByPlaceholder('汇报人').fill(r.reporter);
  }
  await text('交办建议件数', 'assignNum');
  await text('会议情况', 'content');
  await text('发送范围', 'sendScope');
  await pick('印发日期', 'issueDate');
}

// ------------------------------------------------------------- Avue 3 (BladeX / Saber3): avue-form from option.column

async function avueAppraisal(page: Page, v: Values): Promise<void> {
  // The page's form items (not the cells of the child table, which have no labels); labels like 发放测评表(份) hold brackets.
  const item = (l: string) => itemBy(page, '.avue-form .el-form-item', '.el-form-item__label', l.replace(/[()]/g, '\\$&'));
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => page.locator('.el-select__popper:visible .el-select-dropdown__item').filter({ hasText: exact(t) }).first().click();
  const number = async (scope: Locator, n: unknown) => {
    const input = scope.locator('.el-input-number input').first();
    await input.fill(String(n));
    await input.press('Tab');
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('评议主题', 'appraisalTitle');
  await item('组织单位').locator('.el-select__wrapper').click();
  await option('青山镇人大主席团');
  await date('测评日期', 'appraisalDate');
  for (const m of ['民意测评', '座谈会', '走访', '查阅资料']) await item('评议方式').locator('.el-checkbox').filter({ hasText: exact(m) }).click();
  await item('调查组成员').locator('.el-select__wrapper').click();
  for (const n of ['李秀英', '赵德明', '孙丽华', '黄立新', '郑国平']) {
    await item('调查组成员').locator('input.el-select__input').fill(n);
    await option(n);
  }
  await page.keyboard.press('Escape');
  await number(item('发放测评表(份)'), v['sheetsIssued']);
  await number(item('收回测评表(份)'), v['sheetsReturned']);
  // 测评结果: the round + in the index column's header adds a row; every cell is an editor.
  const units: Record<number, string> = { 305: '青山镇农经站', 306: '青山镇农业农村服务中心', 310: '青山供电所', 304: '青山镇自然资源所' };
  const rows = v['resultList'] as Array<Record<string, number>>;
  const grid = item('测评结果');
  for (const [i, r] of rows.entries()) {
    await grid.locator('.el-table__header .el-button').click();
    const row = grid.locator('.el-table__body tr.el-table__row').nth(i);
    // (the last row's dropdown may still be fading out with the same names: the person looks at what the
    // row's select shows and picks again when the click went to the one leaving)
    const unit = units[r['unitId']!]!;
    for (let k = 0; k < 3; k++) {
      await row.locator('.el-select__wrapper').click();
      await option(unit);
      if (await row.locator('.el-select__wrapper').filter({ hasText: exact(unit) }).count()) break;
      await page.waitForTimeout(300);
    }
    const cells = row.locator('td');
    // columns: #, 被评议单位, 满意, 基本满意, 不满意, 综合得分, 名次
    for (const [c, k] of [[2, 'satisfiedNum'], [3, 'basicNum'], [4, 'dissatisfiedNum'], [5, 'score'], [6, 'ranking']] as const) await number(cells.nth(c), r[k]);
  }
  await item('人民满意单位').locator('.el-select__wrapper').click();
  await option('青山镇农经站');
  await page.keyboard.press('Escape');
  await number(item('督促整改意见(条)'), v['rectifyNum']);
  await text('主要意见建议', 'mainOpinion');
  await text('通报情况', 'noticeContent');
  await date('通报时间', 'noticeDate');
}

// ------------------------------------------------------------- Ant Design ProComponents (ProForm, ProFormList)

async function proformActivity(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.ant-form-item', '.ant-form-item-label label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: exact(t) }).first().click();
  await text('活动主题', 'activityName');
  await item('活动类型').locator('.ant-radio-button-wrapper').filter({ hasText: exact('联系选民') }).click();
  // 活动时间: both ends typed, Enter takes each.
  const [from, to] = v['activityTime'] as string[];
  const ends = item('活动时间').locator('input');
  await ends.nth(0).click();
  await ends.nth(0).fill(from!);
  await ends.nth(0).press('Enter');
  await ends.nth(1).fill(to!);
  await ends.nth(1).press('Enter');
  await text('活动地点', 'address');
  await item('组织单位').locator('.ant-select').click();
  await option('青山镇人大主席团');
  // 参加代表: 添加参加代表 adds a row; each row's select is searched by name.
  for (const [i, n] of ['陈志强', '吴海燕', '马玉梅', '高建军'].entries()) {
    await page.getByRole('button', { name: '添加参加代表' }).click();
    await item('参加代表').locator('.ant-select').nth(i).click();
    await page.keyboard.type(n);
    await option(n);
  }
  const num = item('参加人数').locator('input');
  await num.fill(s(v, 'attendNum'));
  await num.press('Tab');
  await text('活动内容', 'content');
  await text('活动成效', 'effect');
  await text('登记人', 'registrant');
}

// ------------------------------------------------------------- vxe-form + editable vxe-grids (vxe-table 4 / vxe-pc-ui 4)

async function vxeMeeting(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.vxe-form--item', '.vxe-form--item-title-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => page.locator('.vxe-select--panel.ani--enter .vxe-select-option').filter({ hasText: exact(t) }).first().click();
  // The date pickers take a typed value; Enter takes it.
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('会议名称', 'meetingName');
  await item('会议类型').locator('input').click();
  await option('党委扩大会议');
  await text('会议地点', 'address');
  await date('开始时间', 'startTime');
  await date('结束时间', 'endTime');
  await text('主持人', 'hostName');
  await item('记录人').locator('input').click();
  await option('徐静');
  await item('出席人员').locator('input').first().click();
  for (const n of ['蒋志华', '许立平', '顾红梅', '王建国', '钱伟', '曹磊', '朱海峰']) await option(n);
  await page.locator('.page-title').click();
  const num = item('出席人数').locator('input');
  await num.fill(s(v, 'attendNum'));
  await num.press('Tab');
  // A grid row: 新增 adds it with its first cell open; every other cell opens on a click.
  const grid = async (l: string, button: string, rows: Array<Record<string, string>>, cols: Array<string | ((cell: Locator, value: string) => Promise<void>)>, keys: string[]) => {
    for (const [i, r] of rows.entries()) {
      await item(l).getByRole('button', { name: button }).click();
      const tr = item(l).locator('.vxe-table--body-wrapper tr.vxe-body--row').nth(i);
      for (const [c, k] of keys.entries()) {
        const cell = tr.locator('td').nth(c + 1);
        await cell.click();
        const how = cols[c]!;
        if (typeof how === 'function') await how(cell, r[k]!);
        else await cell.locator('input').fill(r[k]!);
      }
      await page.locator('.page-title').click();
    }
  };
  await grid('会议议程', '新增议程', v['agendaList'] as Array<Record<string, string>>, ['input', 'input'], ['topic', 'reporter']);
  await grid('列席人员', '新增列席人员', v['nonVotingList'] as Array<Record<string, string>>, ['input', 'input'], ['name', 'unitPost']);
  await text('会议内容', 'content');
  // 采纳情况: the cell's click opens the select's panel (placed below the page's fold here); the person
  // moves down its options 采纳 / 部分采纳 / 未采纳 with the arrow keys and takes one with Enter.
  await grid('列席代表意见建议', '新增意见建议', v['opinionList'] as Array<Record<string, string>>, ['input', 'input', async (_cell, code) => {
    await page.locator('.vxe-select--panel.ani--enter .vxe-select-option').first().waitFor({ state: 'attached' });
    const presses = ['1', '2', '3'].indexOf(code) + 1; // 采纳 1, 部分采纳 2, 未采纳 3 in the panel's order
    for (let n = 0; n < presses; n++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }], ['deputyName', 'opinion', 'adoption']);
  await text('发送范围', 'sendScope');
  await date('印发日期', 'issueDate');
}

// ------------------------------------------------------------- JeecgBoot 2.x (Ant Design Vue 1.7)

async function jeecg2Enforcement(page: Page, v: Values): Promise<void> {
  // the 新增 modal (the list's search form behind it has 检查名称 / 检查类型 too)
  const modal = page.locator('.ant-modal-content');
  const re = (l: string) => new RegExp(`^[\\s*]*${l}[\\s:：*]*$`);
  const item = (l: string) => modal.locator('.ant-form-item').filter({ has: page.locator('.ant-form-item-label label').filter({ hasText: re(l) }) }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => clickOption(page, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-dropdown-menu-item', t);
  const select = async (l: string, t: string) => {
    await item(l).locator('.ant-select-selection').click();
    await option(t);
  };
  // the calendar popup has its own input: a person types the date there and presses Enter
  const typeInCalendar = async (value: string) => {
    const input = page.locator('.ant-calendar-picker-container .ant-calendar-input').locator('visible=true').first();
    await input.fill(value);
    await input.press('Enter');
    await page.locator('.ant-calendar-picker-container').locator('visible=true').first().waitFor({ state: 'hidden' });
  };
  const date = async (l: string, value: string) => {
    await item(l).locator('.ant-calendar-picker').click();
    await typeInCalendar(value);
  };
  await text('检查名称', 'checkTitle');
  await select('检查类型', '执法检查');
  // the range picker: both ends typed in the popup's two inputs, then 确定
  await item('检查时间').locator('.ant-calendar-picker').click();
  const ends = page.locator('.ant-calendar-picker-container .ant-calendar-range .ant-calendar-input');
  await ends.nth(0).fill(s(v, 'checkBeginTime').slice(0, 16));
  await ends.nth(1).fill(s(v, 'checkEndTime').slice(0, 16));
  await page.locator('.ant-calendar-picker-container .ant-calendar-ok-btn').click();
  await text('检查地点', 'checkPlace');
  await select('组织单位', '青山镇人大主席团');
  await text('带队领导', 'leaderName');
  await item('参加代表').locator('.ant-select-selection').click();
  for (const n of ['李秀英', '陈志强', '赵德明', '吴海燕', '马玉梅']) {
    await page.keyboard.type(n);
    await option(n);
    await item('参加代表').locator('.ant-select-selection__choice').filter({ hasText: exact(n) }).waitFor();
  }
  await page.keyboard.press('Escape');
  for (const w of ['实地察看', '听取汇报', '查阅台账', '座谈交流']) await item('检查方式').locator('.ant-checkbox-wrapper').filter({ hasText: exact(w) }).click();
  await text('检查情况', 'checkContent');
  await text('意见建议', 'opinion');
  await date('整改期限', s(v, 'rectifyDeadline'));
  await select('交办单位', '青山镇应急管理办公室');
  await text('记录人', 'recorder');
  await item('填表日期').locator('.ant-calendar-picker').click();
  await typeInCalendar(s(v, 'fillDate'));
  const rows = [
    { unit: '青山镇应急管理办公室', status: '整改中' },
    { unit: '青山镇村镇建设办公室', status: '未整改' },
    { unit: '青山镇市场监督管理所', status: '已整改' },
  ];
  const want = v['rdCheckProblemList'] as Array<{ problemDesc: string; rectifyLimit: string }>;
  const pane = modal.locator('.ant-tabs-tabpane-active');
  for (const [i, r] of rows.entries()) {
    await pane.getByRole('button', { name: /新\s*增/ }).click();
    const tr = pane.locator('.sub-table tbody tr').nth(i);
    await tr.locator('input').first().fill(want[i]!.problemDesc);
    await tr.locator('.ant-select-selection').first().click();
    await option(r.unit);
    await tr.locator('.ant-calendar-picker').click();
    await typeInCalendar(want[i]!.rectifyLimit);
    await tr.locator('.ant-select-selection').nth(1).click();
    await option(r.status);
  }
}

// ------------------------------------------------------------- DevExtreme 22.2 (jQuery, .NET OA)

async function devextremeReply(page: Page, v: Values): Promise<void> {
  // a group is a .dx-field-item too: the item is the one whose own label reads `l`
  const item = (l: string) => itemBy(page, '.dx-field-item:has(> .dx-field-item-label)', '.dx-field-item-label-text', l);
  // a person leaves each box with Tab: DevExtreme takes the value on change, and an invalid box's
  // message (from the empty submit) floats over the next row while the box has the focus
  const text = async (l: string, k: string) => {
    const box = item(l).locator('input.dx-texteditor-input, textarea').first();
    await box.fill(s(v, k));
    await box.press('Tab');
  };
  const option = (t: string) => clickOption(page, '.dx-overlay-content .dx-list-item', t);
  // DevExtreme closes a drop-down when the page scrolls, so a person types into a searchable box
  // to bring the name up instead of scrolling the list to it
  const select = async (l: string, t: string, search = false) => {
    await item(l).locator('.dx-texteditor-input').click();
    if (search) await page.keyboard.type(t);
    await option(t);
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('.dx-texteditor-input');
    await input.fill(s(v, k).slice(0, 10));
    await input.press('Enter');
  };
  const radio = (l: string, t: string) => item(l).locator('.dx-radiobutton').filter({ hasText: exact(t) }).click();
  await text('建议编号', 'SuggestionNo');
  await select('领衔代表', '吴海燕', true);
  await text('建议标题', 'Title');
  // 附议代表: 添加附议代表 opens a row whose 代表姓名 cell is in edit mode; a person picks the name
  for (const [i, n] of ['马玉梅', '孙丽华', '周宏伟'].entries()) {
    await page.getByRole('button', { name: '添加附议代表' }).click();
    const cell = page.locator('#coDeputyGrid .dx-data-row').nth(i).locator('td').first();
    await cell.locator('.dx-texteditor-input').click();
    await page.keyboard.type(n);
    await option(n);
    await page.locator('.dx-form-group-caption').filter({ hasText: '建议信息' }).click();
    await page.locator('#coDeputyGrid .dx-data-row').nth(i).locator('td').first().filter({ hasText: exact(n) }).waitFor();
  }
  await select('主办单位', '青山镇生态环境办公室', true);
  await item('协办单位').locator('.dx-tag-container').click();
  for (const u of ['青山镇村镇建设办公室', '青山镇财政所']) {
    await page.keyboard.type(u);
    await option(u);
    await item('协办单位').locator('.dx-tag').filter({ hasText: exact(u) }).waitFor();
    await item('协办单位').locator('input.dx-texteditor-input').fill('');
  }
  await page.keyboard.press('Escape');
  await radio('办理方式', '主协办');
  await date('交办日期', 'AssignDate');
  await text('承办人', 'Handler');
  await text('联系电话', 'HandlerTel');
  await select('沟通方式', '见面沟通');
  await date('答复日期', 'ReplyDate');
  await radio('办理结果', 'B类：正在解决或列入计划解决');
  await text('答复内容', 'ReplyContent');
  await text('签发人', 'Issuer');
  await select('公开属性', '主动公开');
}

// ------------------------------------------------------------- RuoYi 单体版 (Thymeleaf): laydate, select2, iCheck, layer + zTree

async function ruoyiThymeleafVisit(page: Page, v: Values): Promise<void> {
  // one form-group a field: the `col-sm-3 control-label` and the control column after it
  const ctl = (l: string) => page.locator('#form-visit-add .form-group').filter({
    has: page.locator('label.control-label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：]*$`) }),
  }).first();
  const text = (l: string, k: string) => ctl(l).locator('input[type=text], textarea').first().fill(s(v, k));
  const tick = (l: string, t: string) => ctl(l).locator('label.check-box, label.radio-box').filter({ hasText: exact(t) }).locator('ins.iCheck-helper').click();
  // the dates are read-only: laydate's year list → month list → day
  const pick = async (l: string, k: string) => {
    const [y, m, d] = s(v, k).split('-').map(Number);
    await ctl(l).locator('input.time-input').click();
    const panel = page.locator('.layui-laydate').last();
    // the panel takes clicks once it has settled: a click on the year title before that is lost,
    // and the person clicks it again
    for (let i = 0; i < 20 && !(await panel.locator('.laydate-year-list').isVisible()); i++) {
      await panel.locator('.laydate-set-ym span[lay-type="year"]').click();
      await page.waitForTimeout(100);
    }
    await panel.locator(`.laydate-year-list li[lay-ym="${y}"]`).click();
    await panel.locator(`.laydate-month-list li[lay-ym="${m! - 1}"]`).click();
    await panel.locator(`td[lay-ymd="${y}-${m}-${d}"]`).click();
    await panel.waitFor({ state: 'detached' });
  };
  await text('登记编号', 'visitNo');
  await pick('来访日期', 'visitDate');
  await ctl('接待方式').locator('select').selectOption({ label: '代表接待日接待' });
  for (const n of ['王建国', '刘桂兰']) await tick('接待人员', n);
  await text('来访人姓名', 'visitorName');
  await tick('性别', '女');
  await text('身份证号码', 'idCard');
  await text('联系电话', 'phone');
  await text('家庭住址', 'address');
  const rows = v['visitCompanionList'] as Array<{ name: string; idCard: string; phone: string }>;
  for (const [i, r] of rows.entries()) {
    await page.locator('#addCompanion').click();
    const row = page.locator('#companionTable tbody tr').nth(i);
    await row.getByPlaceholder('姓名').fill(r.name);
    await row.getByPlaceholder('身份证号码').fill(r.idCard);
    await row.getByPlaceholder('联系电话').fill(r.phone);
  }
  await text('来访人数', 'visitorNum');
  await text('来访事由', 'visitTitle');
  // select2: open, type to narrow, take the option
  await ctl('问题类别').locator('.select2-selection').click();
  await page.locator('.select2-container--open .select2-search__field').fill('环境');
  await page.locator('.select2-container--open .select2-results__option').filter({ hasText: exact('环境保护') }).click();
  await tick('是否重复访', '是');
  await text('反映的主要问题及诉求', 'visitContent');
  // 承办单位: the layer pop-up over the dept tree; open 镇属站所, click the unit, 确定
  await ctl('承办单位').locator('#treeName').click();
  const layerFrame = page.frameLocator('.layui-layer-iframe iframe');
  const group = layerFrame.locator('#tree li').filter({ has: layerFrame.locator('> a', { hasText: exact('镇属站所') }) });
  await group.locator('> span.switch').click();
  await group.locator('a').filter({ hasText: exact('青山镇村镇建设办公室') }).click();
  await page.locator('.layui-layer-iframe .layui-layer-btn0').click();
  await page.locator('.layui-layer-iframe').waitFor({ state: 'detached' });
  await pick('办理时限', 'limitDate');
  await text('登记人', 'registrar');
}

// ------------------------------------------------------------- View Design 4 (iView 4, Vue 2): the 新增 Modal over the list

async function viewdesignReply(page: Page, v: Values): Promise<void> {
  // the list's search form has a 建议标题 too: a person works in the modal only
  const item = (l: string) => itemBy(page, '.ivu-modal-wrap:not(.ivu-modal-hidden) .ivu-form-item', '.ivu-form-item-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string, timeout?: number) =>
    page.locator('.ivu-select-dropdown:visible .ivu-select-item').filter({ hasText: t }).first().click(timeout === undefined ? {} : { timeout });
  // a filterable select: type a part of the name, take the option. A click on the box while the
  // previous dropdown is still closing can close this one again (CI saw the option found, then
  // hidden): the person, seeing no list, opens it again
  const choose = async (l: string, typed: string, t: string) => {
    for (let attempt = 1; ; attempt++) {
      await item(l).locator('.ivu-select-selection').click();
      await item(l).locator('input.ivu-select-input').fill(typed);
      try {
        await option(t, 3000);
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
  };
  const date = async (l: string, typed: string) => {
    const input = item(l).locator('input.ivu-input');
    await input.click();
    await input.fill(typed);
    // iView takes a typed date when the box loses focus (Enter would take the panel's highlighted
    // day); the person then clicks the modal's title so the open panel does not cover the next row
    await input.press('Tab');
    await page.locator('.ivu-modal-wrap:not(.ivu-modal-hidden) .ivu-modal-header').click();
  };
  // the page opens with the 新增 dialog open, as the corpus's other modal pages
  await page.locator('.ivu-modal-wrap:not(.ivu-modal-hidden) .ivu-modal').waitFor();
  await text('建议编号', 'jybh');
  await choose('领衔代表', '陈志强', '陈志强');
  await text('建议标题', 'jybt');
  for (const n of ['刘桂兰', '马玉梅']) {
    await choose('附议代表', n, n);
    await item('附议代表').locator('.ivu-tag').filter({ hasText: exact(n) }).waitFor();
  }
  await page.keyboard.press('Escape');
  const num = item('附议人数').locator('input');
  await num.fill(s(v, 'fyrs'));
  await num.press('Tab');
  await choose('主办单位', '交通', '青山镇交通管理站');
  await item('办理方式').locator('.ivu-radio-wrapper').filter({ hasText: exact('主协办') }).click();
  for (const [typed, u] of [['派出所', '青山派出所'], ['社会事业', '青山镇社会事业服务中心']] as const) {
    await choose('协办单位', typed, u);
    await item('协办单位').locator('.ivu-tag').filter({ hasText: exact(u) }).waitFor();
  }
  await page.keyboard.press('Escape');
  const [from, to] = v['blqx'] as string[];
  await date('办理期限', `${from} - ${to}`);
  await text('承办人', 'cbr');
  await text('联系电话', 'lxdh');
  await item('沟通方式').locator('.ivu-checkbox-wrapper').filter({ hasText: exact('见面沟通') }).click();
  await date('答复日期', s(v, 'dfrq'));
  await item('办理结果').locator('.ivu-radio-wrapper').filter({ hasText: exact('A类（已解决或采纳）') }).click();
  await text('答复内容', 'dfnr');
  await text('签发人', 'qfr');
  await item('是否公开').locator('.ivu-switch').click();
}

// ------------------------------------------------------------- VForm 3 (variant-form) on Element Plus

async function vformSuggestion(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.el-form-item', '.el-form-item__label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // a filtered select's popper keeps its hidden options: the option the person sees is taken,
  // once the last dropdown has gone (承办单位 and 协办单位 list the same units)
  const option = (t: string) => clickOption(page, '.el-select__popper .el-select-dropdown__item', t);
  const open = async (l: string) => {
    await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'));
    await item(l).locator('.el-select__wrapper').click();
  };
  const select = async (l: string, t: string) => {
    await open(l);
    await option(t);
  };
  const multi = async (l: string, names: string[]) => {
    await open(l);
    for (const n of names) {
      await item(l).locator('input.el-select__input').fill(n);
      await option(n);
    }
    await page.keyboard.press('Escape');
  };
  const radio = (l: string, t: string) => item(l).locator('.el-radio').filter({ hasText: exact(t) }).click();
  // The dates are read-only (the designer's editable: false): the person opens the panel, goes up
  // to the years, and picks year, month and day.
  const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
  const date = async (l: string, k: string) => {
    const [y, m, d] = s(v, k).split('-').map(Number) as [number, number, number];
    await item(l).locator('input').click();
    const panel = page.locator('.el-picker__popper:visible .el-date-picker');
    await panel.locator('.el-date-picker__header-label').first().click();
    await panel.locator('.el-year-table td').filter({ hasText: exact(String(y)) }).click();
    await panel.locator('.el-month-table td').filter({ hasText: exact(months[m - 1]!) }).click();
    await panel.locator('.el-date-table td.available:not(.prev-month):not(.next-month)').filter({ hasText: exact(String(d)) }).click();
    await panel.waitFor({ state: 'hidden' });
  };
  await text('建议编号', 'jybh');
  await select('届次', '第十九届');
  await text('建议标题', 'jybt');
  await radio('建议类型', '建议');
  await select('建议类别', '农业农村');
  await radio('提出时段', '闭会期间');
  await date('提出日期', 'tcrq');
  await open('领衔代表');
  await item('领衔代表').locator('input.el-select__input').fill('黄立新');
  await option('黄立新');
  await text('联系电话', 'lxdh');
  await text('工作单位', 'gzdw');
  await multi('附议代表', ['王建国', '何春生', '郑国平']);
  const num = item('附议人数').locator('input');
  await num.fill(s(v, 'fyrs'));
  await num.press('Tab');
  await text('建议理由', 'jyly');
  await text('建议内容', 'jynr');
  await select('承办单位', '青山镇农业农村服务中心');
  await multi('协办单位', ['青山镇水利站', '青山镇财政所']);
  await radio('办理方式', '主协办');
  await date('答复期限', 'dfqx');
  await item('重点建议').locator('.el-switch').click();
  await radio('是否公开', '是');
  await text('登记人', 'djr');
}

// ------------------------------------------------------------- rich-text editors

/** Types a multi-line text into a rich-text editor as a clerk does: click into it, type each paragraph, Enter between. */
async function typeParagraphs(page: Page, editable: Locator, text: string): Promise<void> {
  await editable.click();
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

async function quillSuggestion(page: Page, v: Values): Promise<void> {
  // The list's search form has 建议标题/建议类别 too; a person works in the dialog only.
  const dialog = page.locator('.el-overlay-dialog .el-dialog');
  const item = (l: string) => dialog.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // the option in this select's own list (the list it names in aria-controls), not in one still fading out
  const option = async (l: string, t: string) => {
    const list = await item(l).locator('input.el-select__input').getAttribute('aria-controls');
    await page.locator(`[id="${list}"] .el-select-dropdown__item`).filter({ hasText: exact(t) }).first().click();
  };
  const select = async (l: string, t: string) => { await item(l).locator('.el-select__wrapper').click(); await option(l, t); };
  const multi = async (l: string, names: string[]) => {
    await item(l).locator('.el-select__wrapper').click();
    for (const n of names) {
      await item(l).locator('input.el-select__input').fill(n);
      await option(l, n);
    }
    await page.keyboard.press('Escape');
  };
  await text('建议编号', 'suggestionNo');
  const d = item('提出日期').locator('input');
  await d.click();
  await d.fill(s(v, 'proposeDate'));
  await d.press('Enter');
  await text('建议标题', 'suggestionTitle');
  await item('提出时段').locator('.el-radio').filter({ hasText: exact('大会期间') }).click();
  await select('大会会次', '第十七届人民代表大会第四次会议');
  await item('建议类型').locator('.el-radio').filter({ hasText: exact('建议') }).click();
  await select('建议类别', '交通运输');
  await select('代表团', '青山代表团');
  await select('领衔代表', '吴海燕');
  await text('联系电话', 'phonenumber');
  await text('工作单位', 'workUnit');
  await multi('附议代表', ['周宏伟', '马玉梅', '高建军']);
  await typeParagraphs(page, item('问题及理由').locator('.ql-editor'), s(v, 'reason'));
  await typeParagraphs(page, item('建议内容').locator('.ql-editor'), s(v, 'content'));
  await select('承办单位', '泰兴市交通运输局');
  await multi('协办单位', ['青山镇人民政府', '泰兴市财政局']);
}

async function wangeditorMeeting(page: Page, v: Values): Promise<void> {
  // The list's search form has 会议名称/会议类型 too; a person works in the dialog only.
  const dialog = page.locator('.el-overlay-dialog .el-dialog');
  const item = (l: string) => dialog.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = async (l: string, t: string) => {
    const list = await item(l).locator('input.el-select__input').getAttribute('aria-controls');
    await page.locator(`[id="${list}"] .el-select-dropdown__item`).filter({ hasText: exact(t) }).first().click();
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  await text('会议名称', 'meetingName');
  await item('会议类型').locator('.el-select__wrapper').click();
  await option('会议类型', '主席团会议');
  await text('会议地点', 'meetingPlace');
  await date('开始时间', 'startTime');
  await date('结束时间', 'endTime');
  await item('主持人').locator('.el-select__wrapper').click();
  await option('主持人', '王建国');
  await text('记录人', 'recorder');
  await item('出席人员').locator('.el-select__wrapper').click();
  for (const n of ['王建国', '李秀英', '陈志强', '刘桂兰', '孙丽华']) {
    await item('出席人员').locator('input.el-select__input').fill(n);
    await option('出席人员', n);
  }
  await page.keyboard.press('Escape');
  const num = item('出席人数').locator('input');
  await num.fill(s(v, 'attendeeNum'));
  await num.press('Tab');
  await text('列席人员', 'observers');
  await typeParagraphs(page, item('会议内容').locator('[contenteditable="true"]'), s(v, 'content'));
  await typeParagraphs(page, item('议定事项').locator('[contenteditable="true"]'), s(v, 'decisions'));
  await date('印发日期', 'issueDate');
}

// ------------------------------------------------------------- rich-text editors (TinyMCE, KindEditor)

/**
 * A clerk writing in a rich-text editor's iframe: a click into the editing area, then the text
 * typed paragraph by paragraph with Enter between them.
 */
async function typeParagraphsInFrame(page: Page, body: Locator, text: string): Promise<void> {
  await body.click();
  for (const [i, line] of text.split('\n').entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

async function tinymceInspection(page: Page, v: Values): Promise<void> {
  // The list's query form has 视察主题/活动类型 too; a person works in the modal only.
  const modal = page.locator('.ant-modal:visible');
  const item = (l: string) => modal.locator('.ant-form-item').filter({
    has: page.locator('.ant-form-item-label label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input').first().fill(s(v, k));
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  const select = async (l: string, t: string) => {
    await item(l).locator('.ant-select-selector').click();
    await clickOption(page, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', t);
  };
  const editor = (l: string, k: string) => typeParagraphsInFrame(page, item(l).frameLocator('iframe').locator('body'), s(v, k));
  await text('视察主题', 'inspectName');
  await select('活动类型', '视察');
  await date('视察日期', 'inspectDate');
  await date('开始时间', 'beginTime');
  await date('结束时间', 'endTime');
  await text('视察地点', 'inspectPlace');
  await select('组织单位', '青山镇人大主席团');
  await item('带队领导').locator('.ant-select-selector').click();
  await page.keyboard.type('王建国');
  await clickOption(page, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', '王建国');
  await item('参加代表').locator('.ant-select-selector').click();
  for (const n of ['李秀英', '刘桂兰', '孙丽华', '吴海燕', '何春生']) {
    await page.keyboard.type(n);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').filter({ hasText: exact(n) }).waitFor();
    await page.keyboard.press('Enter');
    await item('参加代表').locator('.ant-select-selection-item').filter({ hasText: exact(n) }).waitFor();
  }
  // Escape would close the modal: a person closes the list by clicking the modal's title
  await modal.locator('.ant-modal-title').click();
  await item('参加人数').locator('input').fill(s(v, 'deputyNum'));
  await item('参加人数').locator('input').press('Tab');
  for (const m of ['实地察看', '听取汇报', '走访群众']) await item('视察方式').locator('.ant-checkbox-wrapper').filter({ hasText: exact(m) }).click();
  await editor('视察情况', 'findings');
  await editor('意见建议', 'suggestions');
  await date('整改期限', 'rectifyDeadline');
  await select('交办单位', '青山镇民政办公室');
  await text('记录人', 'recorder');
  // 填表日期 holds today: a person clears it and types the record's date
  await date('填表日期', 'fillDate');
}

async function kindeditorLetter(page: Page, v: Values): Promise<void> {
  const text = (id: string, k: string) => page.locator(`#${id}`).fill(s(v, k));
  const select = (id: string, t: string) => page.locator(`#${id}`).selectOption({ label: t });
  // KindEditor hides the textarea and edits in the iframe of the .ke-container beside it
  const editor = (name: string, k: string) =>
    typeParagraphsInFrame(page, page.locator(`td:has(> textarea[name="${name}"]) .ke-container`).frameLocator('iframe.ke-edit-iframe').locator('body'), s(v, k));
  await text('xfbh', 'letter.xfbh');
  await text('lxrq', 'letter.lxrq');
  await select('lxly', '人大代表转交');
  await text('xm', 'letter.xm');
  await page.locator('input[name="letter.xb"][value="1"]').check();
  await text('sfzh', 'letter.sfzh');
  await text('lxdh', 'letter.lxdh');
  await text('yzbm', 'letter.yzbm');
  await text('txdz', 'letter.txdz');
  await text('lmrs', 'letter.lmrs');
  // 是否重复来信: the radios' text is bare beside each box
  await page.locator('input[name="letter.sfcf"][value="1"]').check();
  await select('wtsd', '东岗村');
  await select('xfmd', '求决');
  await select('wtlb', '农村农业');
  await text('lxbt', 'letter.lxbt');
  await editor('letter.lxnr', 'letter.lxnr');
  await editor('letter.nbyj', 'letter.nbyj');
  await select('clfs', '转交有关部门');
  await select('zjbm', '青山镇农业农村服务中心');
  await text('blsx', 'letter.blsx');
  await text('djr', 'letter.djr');
}

// ------------------------------------------------------------- RuoYi-Vue 3.x (Vue 2 + Element UI 2): vue-treeselect and el-transfer

async function ruoyi2Visit(page: Page, v: Values): Promise<void> {
  // The list's search form has 来访人/来访日期/问题类别 too; a person works in the dialog only.
  const dialog = page.locator('.el-dialog__wrapper:visible .el-dialog');
  const item = (l: string) => dialog.locator('.el-form-item').filter({
    has: page.locator('.el-form-item__label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const select = async (l: string, t: string) => {
    await item(l).locator('.el-select').click();
    await clickOption(page, '.el-select-dropdown__item', t);
  };
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  const radio = (l: string, t: string) => item(l).locator('.el-radio').filter({ hasText: exact(t) }).click();
  await text('登记编号', 'visitNo');
  await date('来访日期', 'visitDate');
  await select('接待方式', '代表接待日');
  const num = item('来访人数').locator('input');
  await num.fill(s(v, 'visitorNum'));
  await num.press('Tab');
  // 接待人员: in the left panel (待选人员) narrow by the filter box, tick the person; then →
  const transfer = item('接待人员').locator('.el-transfer');
  const left = transfer.locator('.el-transfer-panel').first();
  for (const n of ['李秀英', '周宏伟']) {
    await left.locator('.el-transfer-panel__filter input').fill(n);
    await left.locator('.el-transfer-panel__item').filter({ hasText: exact(n) }).click();
  }
  await transfer.locator('.el-transfer__buttons .el-button').filter({ has: page.locator('.el-icon-arrow-right') }).click();
  await text('来访人', 'visitorName');
  await radio('性别', '女');
  await text('身份证号', 'idCard');
  await text('联系电话', 'phone');
  await text('家庭住址', 'address');
  await item('问题属地').locator('.el-cascader').click();
  for (const t of ['青山镇', '南湖村']) await clickOption(page, '.el-cascader-node', t);
  await select('问题类别', '民政');
  await text('来访事由', 'visitTitle');
  await radio('是否重复访', '否');
  await text('反映内容', 'visitContent');
  await radio('处理方式', '转送有关部门');
  // 转交部门: open the treeselect, open the town and the branch (collapsed), click the department
  const tree = item('转交部门').locator('.vue-treeselect');
  await tree.locator('.vue-treeselect__control').click();
  const option = (name: string) => tree.locator('.vue-treeselect__option').filter({
    has: page.locator('.vue-treeselect__label').filter({ hasText: new RegExp(`^\\s*${name}\\s*(\\(\\d+\\))?\\s*$`) }),
  });
  await option('青山镇人民政府').locator('.vue-treeselect__option-arrow-container').click();
  await option('事业单位及站所').locator('.vue-treeselect__option-arrow-container').click();
  await option('社会事业服务中心').locator('.vue-treeselect__label').click();
  await tree.locator('.vue-treeselect__menu').waitFor({ state: 'detached' });
  await date('办理时限', 'limitDate');
}

// ------------------------------------------------------------- JeecgBoot 3: JSelectUserByDept

async function jeecgUserpickerActivity(page: Page, v: Values): Promise<void> {
  // The list's query form has 活动名称/活动类型 too; a person works in the 新增 modal only.
  const form = page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: '履职活动登记' }) });
  const item = (l: string) => form.locator('.ant-form-item').filter({
    has: page.locator('.ant-form-item-label label').filter({ hasText: new RegExp(`^[\\s*]*${l}[\\s:：*]*$`) }),
  }).first();
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const typed = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  // The picker: 部门用户选择 over the form, destroyed when closed.
  const picker = page.locator('.ant-modal:visible').filter({ has: page.locator('.ant-modal-title', { hasText: '部门用户选择' }) });
  const treeNode = (t: string) => picker.locator('.ant-tree-treenode').filter({ hasText: exact(t) });
  const expand = async (t: string) => {
    await treeNode(t).locator('.ant-tree-switcher').click();
    await picker.locator('.ant-tree-treenode-switcher-open').filter({ hasText: exact(t) }).waitFor();
  };
  const depart = (t: string) => treeNode(t).locator('.ant-tree-node-content-wrapper').click();
  // a person ticks the row whose 用户姓名 and 所属部门 are the ones meant (two users may share a name)
  const tick = (name: string, dept: string) => picker.locator('.ant-table-tbody tr.ant-table-row')
    .filter({ has: page.locator('td').filter({ hasText: exact(name) }) })
    .filter({ has: page.locator('td').filter({ hasText: exact(dept) }) })
    .locator('.ant-checkbox-input, .ant-radio-input').first().check();
  const confirm = async () => {
    await picker.locator('.ant-modal-footer .ant-btn-primary').click();
    await picker.waitFor({ state: 'detached' });
  };

  await text('活动名称', 'activityName');
  await item('活动类型').locator('.ant-select-selector').click();
  await clickOption(page, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', '代表接待日');
  await typed('活动日期', 'activityDate');
  await typed('开始时间', 'startTime');
  await typed('结束时间', 'endTime');
  await text('活动地点', 'address');
  await item('组织单位').locator('.ant-select-selector').click();
  await page.keyboard.type('人大主席团');
  await page.locator('.ant-select-tree-treenode').filter({ hasText: exact('青山镇人大主席团') }).locator('visible=true').first()
    .locator('.ant-select-tree-node-content-wrapper').click();
  // 记录人: search the user list by name, tick the one in the 人大主席团
  await item('记录人').getByRole('button').click();
  await picker.getByPlaceholder('请输入姓名').fill('徐静');
  await picker.locator('button.ant-btn-primary').filter({ hasText: /查\s*询/ }).click();
  await tick('徐静', '青山镇人大主席团');
  await confirm();
  // 参加代表: open the tree, click each group and tick its deputies
  await item('参加代表').getByRole('button').click();
  await expand('青山镇');
  await expand('镇人大代表小组');
  for (const [group, names] of [['青山片代表小组', ['王建国', '李秀英']], ['柳河片代表小组', ['赵德明']], ['南湾片代表小组', ['吴海燕']], ['东岗片代表小组', ['郑国平']]] as const) {
    await depart(group);
    for (const n of names) await tick(n, group);
  }
  await confirm();
  await item('参加代表').locator('.ant-select-selection-item').filter({ hasText: exact('郑国平') }).waitFor();
  await item('参加人数').locator('input').fill(s(v, 'attendNum'));
  await item('参加人数').locator('input').press('Tab');
  await text('活动内容', 'content');
  await text('活动成效', 'effect');
}

// ------------------------------------------------------------- AdminLTE 2 (Bootstrap 3): chosen and daterangepicker

async function chosenLetter(page: Page, v: Values): Promise<void> {
  // form-horizontal rows hold one or two label/control pairs: the control is the column right after its label.
  const ctl = (l: string) => page.locator('#letterForm label.control-label').filter({ hasText: new RegExp(`^[\\s*]*${l}\\s*$`) })
    .locator('xpath=following-sibling::div[1]');
  // after the empty submit jQuery Validation re-checks a field when it loses focus and its message goes,
  // moving the rows below: a person finishes a field before reaching for the next one
  const text = async (l: string, k: string) => {
    const input = ctl(l).locator('input, textarea').first();
    await input.fill(s(v, k));
    await input.blur();
  };
  const radio = (l: string, t: string) => ctl(l).locator('label.radio-inline').filter({ hasText: exact(t) }).locator('input').check();
  // chosen: open the box, type a few characters into its search field where it has one, click the result
  const choose = async (l: string, t: string, search?: string) => {
    const box = ctl(l).locator('.chosen-container');
    await box.locator('a.chosen-single').click();
    if (search) await box.locator('.chosen-search input').pressSequentially(search);
    await box.locator('li.active-result').filter({ hasText: exact(t) }).click();
  };
  await text('信访编号', 'xfjBh');
  // 来信日期 holds today's date: select it and type the date; the picker reads it on each key, Enter closes it
  const lxrq = ctl('来信日期').locator('input');
  await lxrq.click();
  await lxrq.press('ControlOrMeta+A');
  await lxrq.pressSequentially(s(v, 'xfjLxrq'));
  await lxrq.press('Enter');
  await choose('来信来源', '上级交办');
  await text('来信人姓名', 'xfjXm');
  await radio('性别', '女');
  await text('身份证号', 'xfjSfzh');
  await text('联系电话', 'xfjLxdh');
  await text('邮政编码', 'xfjYzbm');
  await text('工作单位', 'xfjGzdw');
  await text('联名人数', 'xfjLmrs');
  await text('家庭住址', 'xfjZz');
  await choose('问题属地', '柳河村', '柳河');
  await choose('问题类别', '城乡建设', '城乡');
  await radio('信访目的', '求决');
  await radio('是否重复来信', '是');
  await text('信访事项', 'xfjBt');
  await text('来信内容', 'xfjNr');
  await text('拟办意见', 'xfjNbyj');
  await choose('处理方式', '转送有关部门');
  await choose('登记人', '徐静');
  // 转办单位: the multiple chosen, a search typed for each department
  const zbdw = ctl('转办单位').locator('.chosen-container');
  for (const [t, q] of [['青山镇村镇建设办公室', '村镇建设'], ['青山镇自然资源所', '自然资源所']] as const) {
    await zbdw.locator('.chosen-choices').click();
    await zbdw.locator('input.chosen-search-input').pressSequentially(q);
    await zbdw.locator('li.active-result').filter({ hasText: exact(t) }).click();
  }
  // 办理期限 is read-only: the range picker's year / month dropdowns, the first day, the last day, 确定
  await ctl('办理期限').locator('input').click();
  const drp = page.locator('.daterangepicker:not(.single):visible');
  await drp.locator('.drp-calendar.left select.yearselect').selectOption('2025');
  await drp.locator('.drp-calendar.left select.monthselect').selectOption({ label: '六月' });
  await drp.locator('.drp-calendar.left td.available:not(.off)').filter({ hasText: exact('4') }).click();
  await drp.locator('.drp-calendar.right td.available:not(.off)').filter({ hasText: exact('3') }).click();
  await drp.locator('button.applyBtn').click();
}

// ------------------------------------------------------------- jQuery WeUI (WeChat H5, phone)

async function weuiVisit(page: Page, v: Values): Promise<void> {
  const cell = (l: string) => itemBy(page, '.weui-cell', '.weui-label', l);
  const text = (l: string, k: string) => cell(l).locator('input, textarea').first().fill(s(v, k));
  // the pop-up of picker / calendar / select, gone once closed
  const modal = page.locator('.weui-picker-container .weui-picker-modal');
  const closed = () => page.locator('.weui-picker-container').waitFor({ state: 'detached' });
  // A person swipes each wheel to the option; tapping the option does the same. Then 完成.
  const wheel = async (l: string, texts: string[]) => {
    await cell(l).locator('input.weui-input').click();
    const cols = modal.locator('.picker-items-col:not(.picker-items-col-divider)');
    for (const [i, t] of texts.entries()) {
      await cols.nth(i).locator('.picker-item').filter({ hasText: exact(t) }).dispatchEvent('click');
      await expectSelected(cols.nth(i), t);
    }
    await modal.locator('.close-picker').click();
    await closed();
  };
  const expectSelected = (col: Locator, t: string) => col.locator('.picker-item.picker-selected').filter({ hasText: exact(t) }).waitFor();
  // weui select: tick the rows, 确定 (a single select closes by itself)
  const choose = async (l: string, names: string[], multi: boolean) => {
    await cell(l).locator('input.weui-input').click();
    for (const n of names) await modal.locator('label.weui-cell').filter({ hasText: exact(n) }).click();
    if (multi) await modal.locator('.close-select').click();
    await closed();
  };
  // calendar: page back with the year and month arrows, tap the day
  const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
  const calendar = async (l: string, k: string) => {
    const [y, m, d] = s(v, k).split('/').map(Number) as [number, number, number];
    await cell(l).locator('input.weui-input').click();
    const year = modal.locator('.current-year-value');
    const month = modal.locator('.current-month-value');
    for (;;) {
      const cy = Number(await year.textContent());
      if (cy === y) break;
      await modal.locator(cy > y ? '.picker-calendar-prev-year' : '.picker-calendar-next-year').click();
      await year.filter({ hasText: String(cy > y ? cy - 1 : cy + 1) }).waitFor();
    }
    for (;;) {
      const cm = months.indexOf((await month.textContent())!.trim()) + 1;
      if (cm === m) break;
      await modal.locator(cm > m ? '.picker-calendar-prev-month' : '.picker-calendar-next-month').click();
      await month.filter({ hasText: exact(months[cm > m ? cm - 2 : cm]!) }).waitFor();
    }
    await modal.locator(`.picker-calendar-month-current .picker-calendar-day[data-date="${y}-${m - 1}-${d}"]`).click();
    await closed();
  };

  await text('登记编号', 'djbh');
  await calendar('来访日期', 'lfrq');
  await wheel('接待方式', ['代表接待日']);
  await wheel('来访方式', ['个人访']);
  await text('来访人数', 'lfrs');
  await choose('接待人员', ['赵德明', '吴海燕'], true);
  await text('来访人', 'lfrxm');
  await page.locator('.weui-cells_radio label.weui-check__label').filter({ hasText: exact('女') }).click();
  await text('身份证号', 'sfzh');
  await text('联系电话', 'lxdh');
  await text('家庭住址', 'jtzz');
  await wheel('问题属地', ['江苏省', '泰州市', '泰兴市']);
  await wheel('问题类别', ['城乡建设']);
  await text('来访事由', 'lfsy');
  await text('反映内容', 'fynr');
  await page.locator('.weui-cell_switch').filter({ hasText: '是否重复访' }).locator('.weui-switch').click();
  await choose('转交部门', ['青山镇村镇建设办公室'], false);
  await calendar('办理时限', 'blsx');
  await text('登记人', 'djr');
}

// ------------------------------------------------------------- Semi Design (React 18)

async function semiMeeting(page: Page, v: Values): Promise<void> {
  const item = (l: string) => itemBy(page, '.semi-form-field', '.semi-form-field-label-text', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // Semi's date and time pickers take typed text; Enter commits it, Escape closes the panel.
  const typed = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
    await page.keyboard.press('Escape');
  };
  const option = (t: string) => page.locator('.semi-select-option').filter({ hasText: exact(t) }).locator('visible=true').first().click();
  await text('会议名称', 'title');
  await item('会议类型').locator('.semi-radio').filter({ hasText: exact('主席团会议') }).click();
  await typed('会议时间', 'startTime');
  await typed('结束时间', 'endTime');
  await text('会议地点', 'place');
  await item('主持人').locator('.semi-select').click();
  await page.keyboard.type('王建国');
  await option('王建国');
  await text('记录人', 'recorder');
  await item('出席人员').locator('.semi-select').click();
  for (const n of ['王建国', '李秀英', '陈志强', '刘桂兰', '赵德明', '孙丽华']) {
    await page.keyboard.type(n);
    await option(n);
    await item('出席人员').locator('.semi-tag').filter({ hasText: exact(n) }).first().waitFor();
  }
  await page.keyboard.press('Escape');
  await text('出席人数', 'attendeeNum');
  for (const n of ['黄立新', '郑国平', '周宏伟']) await item('列席人员').locator('.semi-checkbox').filter({ hasText: exact(n) }).click();
  const rows = v['agenda'] as Array<{ topic: string; presenter: string }>;
  for (const [i, r] of rows.entries()) {
    await page.getByRole('button', { name: '新增议程' }).click();
    await page.getByPlaceholder('请输入议题', { exact: true }).nth(i).fill(r.topic);
    await page.getByPlaceholder('汇报人', { exact: true }).nth(i).fill(r.presenter);
  }
  await text('通报和讨论情况', 'content');
  await text('议定事项', 'decisions');
  // 发送: the tree opens collapsed; a person searches each unit in the dropdown's box and ticks it
  await item('发送').locator('.semi-tree-select').click();
  for (const n of ['镇党委', '镇人民政府', '镇人大主席团成员', '各代表小组']) {
    await page.locator('.semi-tree-select-popover .semi-input').locator('visible=true').first().fill(n);
    await page.locator('.semi-tree-option').filter({ hasText: exact(n) }).locator('visible=true').first().click();
  }
  await page.keyboard.press('Escape');
  await typed('印发日期', 'issueDate');
}

// ------------------------------------------------------------- OpenTiny Vue (TinyPro style): TinyDialogBox, TinyForm, TinyGrid

async function opentinyAppraisal(page: Page, v: Values): Promise<void> {
  const dialog = page.locator('.tiny-dialog-box');
  // labels like 发放测评表(份) hold brackets
  const item = (l: string) => itemBy(page, '.tiny-dialog-box .tiny-form-item', '.tiny-form-item__label', l.replace(/[()]/g, '\\$&'));
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  const option = (t: string) => page.locator('.tiny-select-dropdown:visible .tiny-option').filter({ hasText: exact(t) }).first().click();
  // a click on the dialog's title closes an open drop-down (Escape would close the dialog and reset the form)
  const away = () => dialog.locator('.tiny-dialog-box__title').click();
  const date = async (l: string, k: string) => {
    const input = item(l).locator('input');
    await input.click();
    await input.fill(s(v, k));
    await input.press('Enter');
  };
  // TinyNumeric takes its value on change (Tab), not while typing
  const number = async (scope: Locator, n: unknown) => {
    const input = scope.locator('input').first();
    await input.fill(String(n));
    await input.press('Tab');
  };
  await text('评议名称', 'appraisalName');
  await item('组织单位').locator('input').first().click();
  await page.locator('.tiny-tree-node__content:visible').filter({ hasText: exact('青山镇人大主席团') }).first().click();
  await date('测评日期', 'appraisalDate');
  for (const m of ['民主测评', '座谈会', '走访调查', '听取述职']) await item('评议方式').locator('.tiny-checkbox').filter({ hasText: exact(m) }).click();
  const members = item('评议组成员');
  await members.locator('.tiny-select').click();
  for (const n of ['王建国', '刘桂兰', '陈志强', '吴海燕', '何春生', '马玉梅']) {
    await members.locator('input.tiny-select__input').fill(n);
    await option(n);
  }
  await away();
  await number(item('发放测评表(份)'), v['sheetsIssued']);
  await number(item('收回测评表(份)'), v['sheetsReturned']);
  // 各单位测评结果: 新增单位 adds a row with its 被评议单位 editor open; a click on a cell opens its editor.
  const units: Record<string, string> = { ZS12: '青山镇社会保障服务中心', ZS08: '青山镇卫生院', ZS09: '青山镇中心学校', ZS11: '青山镇交通管理站' };
  const rows = v['resultList'] as Array<Record<string, string | number>>;
  const grid = item('各单位测评结果');
  for (const [i, r] of rows.entries()) {
    await grid.getByRole('button', { name: '新增单位' }).click();
    const cells = grid.locator('.tiny-grid-body__row').nth(i).locator('td');
    // columns: 序号, 被评议单位, 满意(票), 基本满意(票), 不满意(票), 平均得分, 名次, 操作
    await cells.nth(1).locator('.tiny-select').click();
    await option(units[r['unitCode'] as string]!);
    for (const [c, k] of [[2, 'satisfied'], [3, 'basicSatisfied'], [4, 'dissatisfied'], [5, 'avgScore'], [6, 'ranking']] as const) {
      await cells.nth(c).click();
      await number(cells.nth(c), r[k]);
    }
    await away();
  }
  await item('人民满意单位').locator('.tiny-select').click();
  await option('青山镇社会保障服务中心');
  await option('青山镇卫生院');
  await away();
  await number(item('督促整改意见(条)'), v['rectifyCount']);
  await text('主要意见和建议', 'mainOpinion');
  await text('通报内容', 'noticeContent');
  await date('通报日期', 'noticeDate');
}

// ------------------------------------------------------------- amis (cxd theme): a low-code platform's form

async function amisInspection(page: Page, v: Values): Promise<void> {
  // amis draws each item as [data-role=form-item] with its label in .cxd-Form-label; the input-tables'
  // cells are form items too, without labels.
  const item = (l: string) => itemBy(page, '[data-role="form-item"]', '.cxd-Form-label', l);
  const text = (l: string, k: string) => item(l).locator('input, textarea').first().fill(s(v, k));
  // a select's options sit in a popover whose overlay takes the next click anywhere on the page
  const option = (t: string) => page.locator('.cxd-PopOver .cxd-Select-option').filter({ hasText: exact(t) }).first();
  // a select in a table row opened while the last popover was still going: its click can be taken by
  // that popover's overlay, so the person clicks the select again when no option shows
  const choose = async (select: Locator, t: string) => {
    for (let i = 0; i < 3; i++) {
      await select.click();
      try { await option(t).waitFor({ state: 'visible', timeout: 3000 }); break; } catch { /* clicked again */ }
    }
    await option(t).click();
  };
  const away = async () => {
    // (the crumb may be above the viewport by now, and a click is refused there: a person scrolls up to it)
    await page.locator('.app-crumb').evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    await page.locator('.app-crumb').click({ force: true });
    await page.locator('.cxd-PopOver').waitFor({ state: 'detached' });
  };
  const typedDate = async (input: Locator, value: string) => {
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await away();
  };
  const addRow = (l: string) => item(l).getByRole('button', { name: '新增' }).last().click();
  const cell = (l: string, row: number, col: number) => item(l).locator('tbody tr').nth(row).locator('td').nth(col);

  await text('检查名称', 'checkName');
  await item('检查类型').locator('label.cxd-Checkbox').filter({ hasText: exact('执法检查') }).click();
  // 检查时间: the range picker's two inputs take typed date-times, 确认 keeps them
  const range = item('检查时间').locator('input.cxd-DateRangePicker-input');
  await range.nth(0).click();
  await range.nth(0).fill(s(v, 'startTime').slice(0, 16));
  await range.nth(1).click();
  await range.nth(1).fill(s(v, 'endTime').slice(0, 16));
  await page.locator('.cxd-PopOver button').filter({ hasText: '确认' }).click();
  await text('检查地点', 'checkPlace');
  await item('组织单位').locator('.cxd-TreeSelect').click();
  await page.locator('.cxd-PopOver .cxd-Tree-itemText').filter({ hasText: exact('青山镇人大主席团') }).click();
  await item('带队领导').locator('.cxd-Select').click();
  await option('周宏伟').click();
  for (const t of ['实地察看', '听取汇报', '查阅资料']) await item('检查方式').locator('label.cxd-Checkbox').filter({ hasText: exact(t) }).click();
  // 参加代表: the options arrive from the API; a multiple select ticks each option's checkbox
  await item('参加代表').locator('.cxd-Select').click();
  for (const n of ['陈志强', '刘桂兰', '何春生', '马玉梅', '王秀芳']) await option(n).locator('label').click();
  await away();
  await item('参加人数').locator('input').fill(s(v, 'attendNum'));

  const units = v['unitList'] as Array<{ unitName: string; unitAddress: string; unitLeader: string }>;
  for (const [i, r] of units.entries()) {
    await addRow('被检查单位');
    await cell('被检查单位', i, 0).locator('input').fill(r.unitName);
    await cell('被检查单位', i, 1).locator('input').fill(r.unitAddress);
    await cell('被检查单位', i, 2).locator('input').fill(r.unitLeader);
  }
  await text('检查情况', 'checkContent');
  const problems = v['problemList'] as Array<{ problemDesc: string; rectifyLimit: string }>;
  const duty = ['青山镇市场监督管理所', '青山镇农业农村服务中心'];
  const status = ['整改中', '待整改'];
  for (const [i, r] of problems.entries()) {
    await addRow('发现问题');
    await cell('发现问题', i, 0).locator('input').fill(r.problemDesc);
    await choose(cell('发现问题', i, 1).locator('.cxd-Select'), duty[i]!);
    await typedDate(cell('发现问题', i, 2).locator('input'), r.rectifyLimit);
    await choose(cell('发现问题', i, 3).locator('.cxd-Select'), status[i]!);
  }
  await text('意见建议', 'opinion');
  await typedDate(item('整改期限').locator('input'), s(v, 'rectifyDeadline'));
  await item('交办单位').locator('.cxd-Select').click();
  await option('青山镇农业农村服务中心').click();
  await text('记录人', 'recorder');
  await typedDate(item('填表日期').locator('input'), s(v, 'fillDate'));
}

export const PERSON_FILLS: Record<string, PersonFill> = {
  'element2-deputy': element2,
  'antdv-meeting': antdv,
  'iview-inspection': iview,
  'tdesign-letter': tdesign,
  'arco-suggestion': arco,
  'naive-appraisal': naive,
  'vant-visit': vant,
  'fusion-deputy': fusion,
  'select2-suggestion': select2Page,
  'formily-inspection': formily,
  'formcreate-training': formCreate,
  'aspnet-deputy': aspnet,
  'wizard-letter': wizard,
  'ruoyi-motion': ruoyiMotion,
  'jeecg-appraisal': jeecgAppraisal,
  'jsp-activity': jspActivity,
  'layui-suggestion': layuiSuggestion,
  'antd-letter': antdLetter,
  'ruoyi3-inspection': ruoyi3Inspection,
  'hplus-meeting': hplusMeeting,
  'avue-appraisal': avueAppraisal,
  'proform-activity': proformActivity,
  'vxe-meeting': vxeMeeting,
  'jeecg2-enforcement': jeecg2Enforcement,
  'devextreme-reply': devextremeReply,
  'ruoyi-thymeleaf-visit': ruoyiThymeleafVisit,
  'viewdesign-reply': viewdesignReply,
  'vform-suggestion': vformSuggestion,
  'tinymce-inspection': tinymceInspection,
  'kindeditor-letter': kindeditorLetter,
  'quill-suggestion': quillSuggestion,
  'wangeditor-meeting': wangeditorMeeting,
  'ruoyi2-visit': ruoyi2Visit,
  'jeecg-userpicker-activity': jeecgUserpickerActivity,
  'weui-visit': weuiVisit,
  'chosen-letter': chosenLetter,
  'semi-meeting': semiMeeting,
  'opentiny-appraisal': opentinyAppraisal,
  'amis-inspection': amisInspection,
};
