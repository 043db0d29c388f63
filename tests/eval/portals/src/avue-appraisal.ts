// 工作评议测评汇总登记 on Avue 3 (@smallwei/avue, the option-driven form/CRUD library on Element
// Plus) in the manner of a BladeX / Saber3 admin page: the menu's 评议管理 > 评议汇总 > 新增 page,
// an `el-card` holding `<avue-form ref="formRef" :option="option" v-model="form" @submit="handleSubmit">`
// whose whole layout, widgets and rules come from `option.group[].column`, as BladeX's generated
// `option/<module>.js` files write them:
// - dict columns with BladeX's `blade_dict_biz` shape (`dicData` of `{ dictKey, dictValue }` with
//   `props: { label: 'dictValue', value: 'dictKey' }`, what `dicUrl: '/api/blade-system/dict-biz/dictionary?code=…'`
//   returns): 评议类型 a radio defaulted to 工作评议, 评议方式 a checkbox group of codes;
// - 组织单位 a select of `blade_dept` ids (snowflake ids as strings, `{ id, deptName }`);
// - 调查组成员 a filterable multiple select of `blade_user` ids (`{ id, realName }`), at least three;
// - 测评日期 / 通报时间 `type: 'date'` with `valueFormat: 'YYYY-MM-DD'`;
// - 发放/收回测评表 `type: 'number'` (el-input-number, `precision: 0`), 收回 not more than 发放;
// - 测评结果 a `type: 'dynamic'` child table (Avue's 子表单: an inner avue-crud with cell editing, the
//   round + in the index column's header adds a row): 被评议单位 select of unit ids, 满意/基本满意/
//   不满意 votes, 综合得分, 名次, each row's votes not more than the sheets returned;
// - 人民满意单位 a multiple select of the same units; 督促整改意见 a number; textareas;
// - 填报人 the logged-in user's name, `disabled` (Saber fills it from `userInfo.real_name`).
// `submit` (the 提交 button, or `this.$refs.formRef.submit()`) runs Avue's own validate — Element
// Plus rules of each column plus the child table's cell rules — and emits the model without its
// `$`-prefixed display keys (`filterParams(form, ['$'])`), which is what state() returns.
// Labels follow county/township 工作评议 records (评议主题, 评议类型, 组织单位, 测评日期, 评议方式,
// 调查组成员, 发放测评表, 收回测评表, 测评结果 by unit with 满意/基本满意/不满意 votes and 名次,
// 人民满意单位, 督促整改意见, 主要意见建议, 通报情况, 通报时间).
import { createApp, getCurrentInstance, ref } from 'vue';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import * as ElementPlusIconsVue from '@element-plus/icons-vue';
import Avue from '@smallwei/avue';
import '@smallwei/avue/lib/index.css';

type Cb = (e?: Error) => void;
const biz = (rows: Array<[string, string]>) => rows.map(([dictKey, dictValue]) => ({ dictKey, dictValue }));
// blade_dict_biz: rd_appraisal_type, rd_appraisal_method
const APPRAISAL_TYPE = biz([['1', '工作评议'], ['2', '专题评议'], ['3', '述职评议'], ['4', '满意度测评']]);
const APPRAISAL_METHOD = biz([['1', '民意测评'], ['2', '座谈会'], ['3', '走访'], ['4', '查阅资料'], ['5', '听取汇报'], ['6', '问卷调查']]);
// blade_dept (the congress side), snowflake ids as the API serialises them.
const DEPTS = [
  { id: '1123598813738675201', deptName: '泰兴市人大常委会' },
  { id: '1123598813738675202', deptName: '泰兴市人大常委会代表工作委员会' },
  { id: '1123598813738675211', deptName: '青山镇人大主席团' },
  { id: '1123598813738675212', deptName: '柳河镇人大主席团' },
  { id: '1123598813738675213', deptName: '东岗镇人大主席团' },
];
// blade_user: deputies with accounts on the platform.
const USERS = ([['1712200000000001001', '王建国'], ['1712200000000001002', '李秀英'], ['1712200000000001003', '陈志强'], ['1712200000000001004', '刘桂兰'],
  ['1712200000000001005', '赵德明'], ['1712200000000001006', '孙丽华'], ['1712200000000001007', '周宏伟'], ['1712200000000001008', '吴海燕'],
  ['1712200000000001009', '黄立新'], ['1712200000000001010', '何春生'], ['1712200000000001011', '马玉梅'], ['1712200000000001012', '林永福'],
  ['1712200000000001013', '高建军'], ['1712200000000001014', '郑国平']] as const).map(([id, realName]) => ({ id, realName }));
// rd_appraised_unit: the stations and offices appraised, by unit id.
const UNITS = ([[301, '青山镇财政所'], [302, '青山派出所'], [303, '青山镇司法所'], [304, '青山镇自然资源所'], [305, '青山镇农经站'], [306, '青山镇农业农村服务中心'],
  [307, '青山镇市场监督管理所'], [308, '青山镇卫生院'], [309, '青山镇中心学校'], [310, '青山供电所'], [311, '青山镇交通管理站'], [312, '青山镇社会保障服务中心']] as const)
  .map(([unitId, unitName]) => ({ unitId, unitName }));

const App = {
  setup() {
    const { proxy } = getCurrentInstance()!;
    const form = ref<Record<string, unknown>>({});
    const formRef = () => (proxy as unknown as { $refs: Record<string, AvueForm> }).$refs['formRef']!;
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const unitCol = { label: '被评议单位', prop: 'unitId', type: 'select', width: 220, dicData: UNITS, props: { label: 'unitName', value: 'unitId' }, filterable: true,
      rules: [{ required: true, message: '请选择被评议单位', trigger: 'change' }] };
    const vote = (label: string, prop: string) => ({ label, prop, type: 'number', precision: 0, min: 0, controlsPosition: 'right', rules: [{ required: true, message: `请输入${label.replace(/\(.*\)/, '')}票数`, trigger: 'blur' }] });
    const option = {
      labelWidth: 130,
      submitText: '提 交',
      emptyText: '重 置',
      group: [
        {
          label: '评议活动', prop: 'activity', icon: 'el-icon-document',
          column: [
            { label: '评议主题', prop: 'appraisalTitle', span: 24, maxlength: 100, rules: [{ required: true, message: '请输入评议主题', trigger: 'blur' }] },
            { label: '评议类型', prop: 'appraisalType', type: 'radio', dicData: APPRAISAL_TYPE, props: { label: 'dictValue', value: 'dictKey' }, value: '1',
              rules: [{ required: true, message: '请选择评议类型', trigger: 'change' }] },
            { label: '组织单位', prop: 'orgDeptId', type: 'select', dicData: DEPTS, props: { label: 'deptName', value: 'id' },
              rules: [{ required: true, message: '请选择组织单位', trigger: 'change' }] },
            { label: '测评日期', prop: 'appraisalDate', type: 'date', format: 'YYYY-MM-DD', valueFormat: 'YYYY-MM-DD',
              rules: [{ required: true, message: '请选择测评日期', trigger: 'change' }] },
            { label: '评议方式', prop: 'appraisalMethod', type: 'checkbox', span: 24, dicData: APPRAISAL_METHOD, props: { label: 'dictValue', value: 'dictKey' },
              rules: [{ required: true, type: 'array', min: 1, message: '请至少选择一种评议方式', trigger: 'change' }] },
            { label: '调查组成员', prop: 'groupMemberIds', type: 'select', multiple: true, filterable: true, span: 24, dicData: USERS, props: { label: 'realName', value: 'id' },
              tip: '县、镇两级人大代表', rules: [{ required: true, type: 'array', min: 3, message: '调查组成员不少于3人', trigger: 'change' }] },
          ],
        },
        {
          label: '测评结果', prop: 'tally', icon: 'el-icon-data-analysis',
          column: [
            { label: '发放测评表(份)', prop: 'sheetsIssued', type: 'number', precision: 0, min: 0, controlsPosition: 'right',
              rules: [{ required: true, message: '请输入发放测评表份数', trigger: 'blur' }] },
            { label: '收回测评表(份)', prop: 'sheetsReturned', type: 'number', precision: 0, min: 0, controlsPosition: 'right',
              rules: [{ required: true, message: '请输入收回测评表份数', trigger: 'blur' }, { validator: (_r: unknown, v: unknown, cb: Cb) => {
                const issued = num(form.value['sheetsIssued']);
                cb(typeof v === 'number' && issued != null && v > issued ? new Error('收回份数不能大于发放份数') : undefined);
              }, trigger: 'blur' }] },
            { label: '测评结果', prop: 'resultList', type: 'dynamic', span: 24,
              rules: [{ validator: (_r: unknown, v: unknown, cb: Cb) => {
                const rows = (v ?? []) as Array<Record<string, unknown>>;
                if (!rows.length) return cb(new Error('请至少添加一个被评议单位的测评结果'));
                const back = num(form.value['sheetsReturned']);
                const over = rows.findIndex((r) => back != null && (num(r['satisfiedNum']) ?? 0) + (num(r['basicNum']) ?? 0) + (num(r['dissatisfiedNum']) ?? 0) > back);
                cb(over >= 0 ? new Error(`第${over + 1}行票数合计超过收回测评表份数`) : undefined);
              }, trigger: 'change' }],
              children: {
                align: 'center', headerAlign: 'center',
                rowAdd: (done: (row?: object) => void) => done({}),
                column: [
                  unitCol,
                  vote('满意(票)', 'satisfiedNum'),
                  vote('基本满意(票)', 'basicNum'),
                  vote('不满意(票)', 'dissatisfiedNum'),
                  { label: '综合得分', prop: 'score', type: 'number', precision: 2, min: 0, max: 100, controlsPosition: 'right' },
                  { label: '名次', prop: 'ranking', type: 'number', precision: 0, min: 1, width: 120, controlsPosition: 'right' },
                ],
              } },
          ],
        },
        {
          label: '评议结果', prop: 'outcome', icon: 'el-icon-finished',
          column: [
            { label: '人民满意单位', prop: 'satisfiedUnitIds', type: 'select', multiple: true, dicData: UNITS, props: { label: 'unitName', value: 'unitId' } },
            { label: '督促整改意见(条)', prop: 'rectifyNum', type: 'number', precision: 0, min: 0, controlsPosition: 'right' },
            { label: '主要意见建议', prop: 'mainOpinion', type: 'textarea', span: 24, minRows: 3, maxlength: 1000, showWordLimit: true,
              rules: [{ required: true, message: '请输入主要意见建议', trigger: 'blur' }] },
            { label: '通报情况', prop: 'noticeContent', type: 'textarea', span: 24, minRows: 3 },
            { label: '通报时间', prop: 'noticeDate', type: 'date', format: 'YYYY-MM-DD', valueFormat: 'YYYY-MM-DD', rules: [{ validator: (_r: unknown, v: unknown, cb: Cb) => {
              const d = form.value['appraisalDate'];
              cb(typeof v === 'string' && v && typeof d === 'string' && v < d ? new Error('通报时间不能早于测评日期') : undefined);
            }, trigger: 'change' }] },
            { label: '填报人', prop: 'createUserName', disabled: true, value: '徐静' },
          ],
        },
      ],
    };

    /** The model as Avue's submit emits it: `$` display keys (`$appraisalType`, a row's `$cellEdit`…) filtered out. */
    const strip = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(strip);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, strip(x)]));
      return v === undefined ? null : v;
    };
    const messages = (m: unknown): string[] => {
      if (!m || typeof m !== 'object') return [];
      if (Array.isArray(m)) return m.flatMap(messages);
      const o = m as Record<string, unknown>;
      return typeof o['message'] === 'string' ? [o['message']] : Object.values(o).flatMap(messages);
    };
    const validate = () => new Promise<{ ok: boolean; errors: string[] }>((resolve) => {
      formRef().validate((valid, done, msg) => { done(); resolve({ ok: valid, errors: valid ? [] : messages(msg) }); });
    });
    const handleSubmit = (row: unknown, done: () => void) => {
      (window as unknown as { lastPost: unknown }).lastPost = row;
      ElMessage.success('保存成功');
      done();
    };
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => {
        const f = strip(JSON.parse(JSON.stringify(form.value))) as Record<string, unknown>;
        // the child table's rows also carry the index column's empty `index` (Avue's # column), which the backend ignores
        if (Array.isArray(f['resultList'])) f['resultList'] = (f['resultList'] as Array<Record<string, unknown>>).map(({ index: _i, ...row }) => row);
        // every column of the option, present or not (Avue adds a key when its widget first writes)
        for (const g of option.group) for (const c of g.column) if (!(c.prop in f)) f[c.prop] = null;
        return f;
      },
      submit: validate,
    };
    return { form, option, handleSubmit, zhCn };
  },
  template: `
  <el-config-provider :locale="zhCn">
    <div class="avue-view">
      <el-card shadow="never" class="basic-container">
        <template #header><span class="card-title">新增评议汇总</span></template>
        <avue-form ref="formRef" :option="option" v-model="form" @submit="handleSubmit"></avue-form>
      </el-card>
    </div>
  </el-config-provider>`,
};

interface AvueForm { validate(cb: (valid: boolean, done: () => void, msg: unknown) => void): void }

const app = createApp(App);
// Saber3's main.js: every Element Plus icon as a global component, then Avue.
for (const [key, component] of Object.entries(ElementPlusIconsVue)) app.component(key, component as never);
app.use(ElementPlus as never).use(Avue as never).mount('#app');
