// 执法检查登记 on amis (Baidu's JSON renderer, React 18), written as the 新增 page of a township
// congress's 代表履职平台 built on an amis low-code platform (爱速搭 and the in-house ones that copy it):
// the platform shell (top bar, menu, breadcrumb) is the host's, the page itself is one amis `page`
// schema with a horizontal `form` (labelWidth 110, `group` rows of two), rendered by amis's `render`
// with an env whose `fetcher` answers the form's APIs, in amis's default `cxd` theme.
// Form items as such platforms configure them: `input-text`, `textarea` (showCounter/maxLength),
// `radios` and `checkboxes` of sys dict codes (checkboxes posted joined, "1,2,4"), an
// `input-datetime-range` 检查时间 posting `startTime` / `endTime` (extraName, valueFormat
// YYYY-MM-DD HH:mm:ss), `input-date` with valueFormat YYYY-MM-DD (填表日期 defaulted to today), a
// `tree-select` of the dept tree by org code (source API), `select`s with `searchable` (带队领导 a
// single user id; 参加代表 `multiple` deputy ids from a `source` API answered after a short delay,
// posted joined "10031,10034"; 交办单位 a dept code), an `input-number` 参加人数, a `switch` posted 1/0,
// two `input-table`s (被检查单位 and 发现问题: addable/removable rows with needConfirm false, cells of
// input-text, select of dept codes, input-date, select of 整改状态 codes).
// Validation is amis's own: `required` (这是必填项), `validations` (maxLength, isInt/minimum) with
// `validationErrors`, and form `rules` for the cross-field checks (参加人数 against the chosen deputies,
// 整改期限 not before the inspection), shown as amis shows them under the items / in the toast.
// state() is the form's own data (`getComponentByName('page.inspectionForm').getValues()`, what the 提交
// button posts to the api); submit() runs the form's submit validation, as the 提交 button does.
import { createRoot } from 'react-dom/client';
import { render as renderAmis, toast, alert, confirm } from 'amis';
import 'amis/lib/themes/cxd.css';
import 'amis/sdk/iconfont.css';

// ------------------------------------------------------------- data the platform's APIs return

// sys_dept of the town by org code (the platform's 组织机构 tree).
interface Dept { label: string; value: string; children?: Dept[] }
const DEPT_TREE: Dept[] = [
  {
    label: '青山镇', value: '001', children: [
      { label: '青山镇人大主席团', value: '001001' },
      { label: '青山镇党政办公室', value: '001002' },
      { label: '青山镇农业农村服务中心', value: '001003' },
      { label: '青山镇社会事业服务中心', value: '001004' },
      { label: '青山镇村镇建设办公室', value: '001005' },
      { label: '青山镇应急管理办公室', value: '001006' },
      { label: '青山镇综合行政执法局', value: '001007' },
      {
        label: '县派驻机构', value: '001009', children: [
          { label: '青山镇市场监督管理所', value: '001009001' },
          { label: '青山派出所', value: '001009002' },
          { label: '青山镇自然资源所', value: '001009003' },
        ],
      },
    ],
  },
];
const flatDepts = (ds: Dept[]): Dept[] => ds.flatMap((d) => (d.children ? flatDepts(d.children) : [{ label: d.label, value: d.value }]));
const DEPT_OPTIONS = flatDepts(DEPT_TREE);

// sys_user of the platform: presidium members and staff (带队领导), by user id.
const LEADERS = [[10001, '周宏伟'], [10002, '钱永康'], [10003, '徐静'], [10004, '张华']].map(([value, label]) => ({ value, label }));
// the town's deputies (rd_deputy, by id), listed by deputy group as /api/rd/deputy/options returns them.
const DEPUTIES = [
  [10031, '王建国'], [10032, '李秀英'], [10033, '陈志强'], [10034, '黄立新'],
  [10041, '刘桂兰'], [10042, '赵德明'], [10043, '何春生'], [10044, '林永福'],
  [10051, '吴海燕'], [10052, '马玉梅'], [10053, '高建军'], [10054, '孙丽华'],
  [10061, '郑国平'], [10062, '王秀芳'], [10063, '刘军'], [10064, '陈玉兰'],
].map(([value, label]) => ({ value, label }));

// sys dict items (dictValue → dictLabel).
const dict = (rows: Array<[string, string]>) => rows.map(([value, label]) => ({ value, label }));
const CHECK_TYPES = dict([['1', '代表视察'], ['2', '执法检查'], ['3', '专题调研']]);
const CHECK_WAYS = dict([['1', '实地察看'], ['2', '听取汇报'], ['3', '座谈交流'], ['4', '查阅资料'], ['5', '走访群众'], ['6', '问卷调查']]);
const RECTIFY_STATUS = dict([['0', '待整改'], ['1', '整改中'], ['2', '已整改']]);

// ------------------------------------------------------------- the env: amis asks the platform for everything

type Payload = { status: number; msg: string; data: object };
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const saved: unknown[] = [];

async function answer(method: string, url: string, data: unknown): Promise<Payload> {
  const path = url.replace(/\?.*$/, '');
  if (path === '/api/system/dept/tree') { await delay(150); return { status: 0, msg: '', data: { options: DEPT_TREE } }; }
  if (path === '/api/system/dept/options') { await delay(150); return { status: 0, msg: '', data: { options: DEPT_OPTIONS } }; }
  if (path === '/api/rd/deputy/options') { await delay(600); return { status: 0, msg: '', data: { options: DEPUTIES } }; }
  if (path === '/api/rd/inspection/save' && method === 'post') { await delay(200); saved.push(data); return { status: 0, msg: '保存成功', data: { id: 2025070001 } }; }
  return { status: 404, msg: `接口不存在：${path}`, data: {} };
}

const env = {
  theme: 'cxd',
  locale: 'zh-CN',
  fetcher: async ({ url, method, data }: { url: string; method?: string; data?: unknown }) => ({ status: 200, headers: {}, data: await answer(String(method ?? 'get').toLowerCase(), url, data) }),
  isCancel: () => false,
  notify: (type: 'success' | 'error' | 'info' | 'warning', msg: string) => { toast[type] ? toast[type](msg) : toast.info(msg); },
  alert,
  confirm,
};

// ------------------------------------------------------------- the page schema (as the platform stores it)

const schema = {
  type: 'page',
  name: 'page',
  title: '执法检查登记',
  remark: '代表视察、执法检查和专题调研结束后由镇人大办公室登记',
  toolbar: [{ type: 'button', label: '返回列表', actionType: 'link', link: '#/rd/inspection/list' }],
  body: [
    {
      type: 'form',
      name: 'inspectionForm',
      title: '',
      mode: 'horizontal',
      labelWidth: 110,
      api: 'post:/api/rd/inspection/save',
      rules: [
        {
          rule: "${attendNum == COUNT(SPLIT(deputyIds, ','))}",
          message: '参加人数与所选参加代表人数不一致',
          name: 'attendNum',
        },
        {
          rule: '${!rectifyDeadline || !endTime || rectifyDeadline >= LEFT(endTime, 10)}',
          message: '整改期限不能早于检查时间',
          name: 'rectifyDeadline',
        },
      ],
      body: [
        { type: 'divider', title: '基本信息', titlePosition: 'left' },
        {
          type: 'input-text', name: 'checkName', label: '检查名称', required: true, placeholder: '请输入检查名称', clearable: true,
          validations: { maxLength: 100 }, validationErrors: { maxLength: '检查名称不能超过 $1 个字' },
        },
        {
          type: 'group',
          body: [
            { type: 'radios', name: 'checkType', label: '检查类型', required: true, options: CHECK_TYPES },
            {
              type: 'input-datetime-range', name: 'startTime', extraName: 'endTime', label: '检查时间', required: true,
              valueFormat: 'YYYY-MM-DD HH:mm:ss', displayFormat: 'YYYY-MM-DD HH:mm', startPlaceholder: '开始时间', endPlaceholder: '结束时间',
            },
          ],
        },
        {
          type: 'group',
          body: [
            { type: 'input-text', name: 'checkPlace', label: '检查地点', required: true, placeholder: '请输入检查地点', validations: { maxLength: 100 } },
            {
              type: 'tree-select', name: 'orgCode', label: '组织单位', required: true, placeholder: '请选择组织单位',
              source: '/api/system/dept/tree', searchable: true, onlyLeaf: true, initiallyOpen: false,
            },
          ],
        },
        {
          type: 'group',
          body: [
            { type: 'select', name: 'leaderId', label: '带队领导', placeholder: '请选择带队领导', searchable: true, clearable: true, options: LEADERS },
            { type: 'checkboxes', name: 'checkWays', label: '检查方式', options: CHECK_WAYS, columnsCount: 3 },
          ],
        },
        {
          type: 'group',
          body: [
            {
              type: 'select', name: 'deputyIds', label: '参加代表', required: true, multiple: true, searchable: true, checkAll: false,
              placeholder: '请选择参加代表', source: '/api/rd/deputy/options',
            },
            {
              type: 'input-number', name: 'attendNum', label: '参加人数', required: true, min: 1, precision: 0, suffix: '人',
              validations: { isInt: true, minimum: 1 }, validationErrors: { isInt: '请输入整数', minimum: '参加人数至少为 $1 人' },
            },
          ],
        },
        { type: 'divider', title: '检查情况', titlePosition: 'left' },
        {
          type: 'input-table', name: 'unitList', label: '被检查单位', required: true, addable: true, removable: true, needConfirm: false,
          addBtnLabel: '新增', addBtnIcon: false, minLength: 1,
          columns: [
            { type: 'input-text', name: 'unitName', label: '单位名称', required: true, placeholder: '请输入单位名称' },
            { type: 'input-text', name: 'unitAddress', label: '地址', placeholder: '请输入地址' },
            { type: 'input-text', name: 'unitLeader', label: '负责人', placeholder: '请输入负责人' },
          ],
        },
        {
          type: 'textarea', name: 'checkContent', label: '检查情况', required: true, minRows: 4, maxRows: 10, maxLength: 2000, showCounter: true,
          placeholder: '请填写检查的基本情况',
        },
        {
          type: 'input-table', name: 'problemList', label: '发现问题', addable: true, removable: true, needConfirm: false,
          addBtnLabel: '新增', addBtnIcon: false,
          columns: [
            { type: 'input-text', name: 'problemDesc', label: '问题描述', required: true, placeholder: '请输入问题描述' },
            { type: 'select', name: 'dutyDept', label: '责任单位', placeholder: '请选择', source: '/api/system/dept/options' },
            { type: 'input-date', name: 'rectifyLimit', label: '整改时限', valueFormat: 'YYYY-MM-DD', displayFormat: 'YYYY-MM-DD' },
            { type: 'select', name: 'rectifyStatus', label: '整改状态', options: RECTIFY_STATUS, value: '0' },
          ],
        },
        {
          type: 'textarea', name: 'opinion', label: '意见建议', required: true, minRows: 4, maxRows: 10, maxLength: 2000, showCounter: true,
          placeholder: '请填写检查组的意见和建议',
        },
        { type: 'divider', title: '交办督办', titlePosition: 'left' },
        {
          type: 'group',
          body: [
            { type: 'input-date', name: 'rectifyDeadline', label: '整改期限', valueFormat: 'YYYY-MM-DD', displayFormat: 'YYYY-MM-DD', placeholder: '请选择整改期限' },
            { type: 'select', name: 'handleDept', label: '交办单位', placeholder: '请选择交办单位', searchable: true, clearable: true, source: '/api/system/dept/options' },
          ],
        },
        { type: 'switch', name: 'needSupervise', label: '跟踪督办', onText: '是', offText: '否', trueValue: 1, falseValue: 0, value: 0 },
        {
          type: 'group',
          body: [
            { type: 'input-text', name: 'recorder', label: '记录人', required: true, placeholder: '请输入记录人', validations: { maxLength: 20 } },
            { type: 'input-date', name: 'fillDate', label: '填表日期', required: true, valueFormat: 'YYYY-MM-DD', displayFormat: 'YYYY-MM-DD', value: 'today' },
          ],
        },
        { type: 'textarea', name: 'remark', label: '备注', minRows: 2, maxLength: 500, placeholder: '请输入备注' },
      ],
      actions: [
        { type: 'reset', label: '重置' },
        { type: 'submit', label: '提交', level: 'primary' },
      ],
    },
  ],
};

// ------------------------------------------------------------- mount, and window.__portal

const FIELDS = [
  'checkName', 'checkType', 'startTime', 'endTime', 'checkPlace', 'orgCode', 'leaderId', 'checkWays', 'deputyIds', 'attendNum',
  'unitList', 'checkContent', 'problemList', 'opinion', 'rectifyDeadline', 'handleDept', 'needSupervise', 'recorder', 'fillDate', 'remark',
] as const;
const TABLE_COLUMNS: Record<string, string[]> = {
  unitList: ['unitName', 'unitAddress', 'unitLeader'],
  problemList: ['problemDesc', 'dutyDept', 'rectifyLimit', 'rectifyStatus'],
};

interface AmisForm {
  getValues(): Record<string, unknown>;
  submit(fn?: unknown, throwErrors?: boolean): Promise<unknown>;
  props: { store: { errors: Record<string, string[]>; restError: string[] } };
}
interface AmisScoped { getComponentByName(name: string): AmisForm | undefined }
let scoped: AmisScoped | undefined;

const form = (): AmisForm => {
  const f = scoped?.getComponentByName('page.inspectionForm');
  if (!f) throw new Error('form not mounted');
  return f;
};

/** What the 提交 button posts: the form's data, table rows with their columns. */
function state(): Record<string, unknown> {
  const data = form().getValues();
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = data[k];
    const cols = TABLE_COLUMNS[k];
    if (cols) {
      out[k] = Array.isArray(v) ? v.map((row: Record<string, unknown>) => Object.fromEntries(cols.map((c) => [c, row?.[c] ?? null]))) : [];
    } else out[k] = v === undefined ? null : v;
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

/** The 提交 button's validation: form.submit() validates every item, then the form's rules. */
async function submit(): Promise<{ ok: boolean; errors: string[] }> {
  const f = form();
  let ok = true;
  try {
    await f.submit(undefined, true);
  } catch {
    ok = false;
  }
  const store = f.props.store;
  const errors = [
    ...Object.entries(store.errors).flatMap(([name, msgs]) => msgs.map((m) => `${name}: ${m}`)),
    ...store.restError,
  ];
  return { ok: ok && errors.length === 0, errors };
}

createRoot(document.getElementById('amis-root')!).render(
  renderAmis(schema, {
    scopeRef: (s: AmisScoped | null) => {
      if (!s) return;
      scoped = s;
      // ready once amis has mounted the form in the page's scope
      const ready = () => {
        if (s.getComponentByName('page.inspectionForm')) (window as unknown as { __portal: unknown }).__portal = { state, submit };
        else setTimeout(ready, 50);
      };
      ready();
    },
  }, env),
);
