// 工作评议测评登记 on OpenTiny Vue 3 (@opentiny/vue, Huawei's enterprise component library) in the
// manner of a TinyPro (opentiny/tiny-pro, template/tinyvue) admin page: the list view (search form,
// a tiny-grid of earlier appraisals, 新增) and the 新增 `TinyDialogBox` opened over it (open on load,
// as the clerk has clicked 新增), like TinyPro's search-table EditDialog.vue: `v-model:visible`,
// `:close-on-click-modal="false"`, a `TinyForm ref :model :rules` of `TinyRow` / `TinyCol :span="6"`
// (TinyVue's 12-column grid) items, and the footer's 取消 / 确定, 确定 running
// `formRef.validate()` before it posts. Widgets, as the admin's forms write them:
// - `TinyInput` (and `type="textarea"`) with required rules;
// - 组织单位 a `TinyTreeSelect` over the dept tree by dept code (`:tree-op="{ data }"`,
//   `value-field` / `text-field`, as TinyPro's add-menu.vue picks a parent);
// - 测评日期 / 通报日期 `TinyDatePicker` with `value-format="yyyy-MM-dd"`, 填报时间 `type="datetime"`
//   `value-format="yyyy-MM-dd HH:mm:ss"` defaulted to now;
// - 投票方式 a `TinyRadioGroup` of dict codes defaulted to 无记名投票, 评议方式 a `TinyCheckboxGroup`
//   of dict codes;
// - 评议组成员 a `TinySelect multiple filterable` of user ids (TinyPro's users have numeric ids), at
//   least three; 人民满意单位 a multiple select of the units' codes, checked against the result rows;
// - 发放 / 收回测评表 and 督促整改意见 `TinyNumeric` (`allow-empty`), 收回 not more than 发放;
// - 各单位测评结果 an editable `TinyGrid` (`edit-config` click / cell, `edit-rules`, TinySelect and
//   TinyNumeric editors as TinyPro's process-grid writes them) bound to the model's `resultList`,
//   grown with the 新增单位 button above it; each row's votes not more than the sheets returned.
// state() returns the reactive model as 确定 posts it; submit() runs the form's validate and the
// grid's fullValidate, as 确定 does.
// Labels follow township 工作评议 records (评议名称, 组织单位, 测评日期, 投票方式, 评议方式, 评议组成员,
// 发放 / 收回测评表, 各单位测评结果 with 满意 / 基本满意 / 不满意 votes, 平均得分 and 名次, 人民满意单位,
// 督促整改意见, 主要意见和建议, 通报内容, 通报日期, 填报时间).
import { createApp, nextTick, reactive, ref } from 'vue';
// the components one by one, from their own packages (TinyVue's on-demand import)
import Button from '@opentiny/vue-button';
import Checkbox from '@opentiny/vue-checkbox';
import CheckboxGroup from '@opentiny/vue-checkbox-group';
import Col from '@opentiny/vue-col';
import DatePicker from '@opentiny/vue-date-picker';
import DialogBox from '@opentiny/vue-dialog-box';
import Form from '@opentiny/vue-form';
import FormItem from '@opentiny/vue-form-item';
import Grid from '@opentiny/vue-grid';
import GridColumn from '@opentiny/vue-grid-column';
import Input from '@opentiny/vue-input';
import Modal from '@opentiny/vue-modal';
import Numeric from '@opentiny/vue-numeric';
import Option from '@opentiny/vue-option';
import Radio from '@opentiny/vue-radio';
import RadioGroup from '@opentiny/vue-radio-group';
import Row from '@opentiny/vue-row';
import Select from '@opentiny/vue-select';
import TreeSelect from '@opentiny/vue-tree-select';

// ------------------------------------------------------------- dictionaries (sys_dict) and lookups

// rd_vote_type, rd_appraisal_method: dict item codes → text.
const VOTE_TYPES = [{ value: '1', label: '无记名投票' }, { value: '2', label: '记名投票' }];
const METHODS = [
  { value: '1', label: '民主测评' }, { value: '2', label: '座谈会' }, { value: '3', label: '走访调查' },
  { value: '4', label: '查阅资料' }, { value: '5', label: '听取述职' }, { value: '6', label: '明察暗访' },
];
// sys_dept by dept code: the county congress's committees and the town's offices.
interface Dept { code: string; name: string; children?: Dept[] }
const DEPTS: Dept[] = [
  {
    code: 'TX', name: '泰兴市人大常委会', children: [
      { code: 'TX01', name: '代表工作委员会' },
      { code: 'TX02', name: '监察和司法工作委员会' },
    ],
  },
  {
    code: 'QS', name: '青山镇', children: [
      { code: 'QS01', name: '青山镇人大主席团' },
      { code: 'QS02', name: '青山镇党政办公室' },
      { code: 'QS03', name: '青山镇人民政府' },
    ],
  },
];
// sys_user: deputies and staff with accounts, numeric ids.
const USERS = ([
  [2301, '王建国'], [2302, '李秀英'], [2303, '陈志强'], [2304, '刘桂兰'], [2305, '赵德明'], [2306, '孙丽华'],
  [2307, '周宏伟'], [2308, '吴海燕'], [2309, '黄立新'], [2310, '何春生'], [2311, '马玉梅'], [2312, '林永福'],
  [2313, '高建军'], [2314, '郑国平'], [2315, '王秀芳'], [2316, '徐静'],
] as const).map(([id, name]) => ({ value: id, label: name }));
// rd_appraised_unit: the stations and offices of the town, by unit code.
const UNITS = ([
  ['ZS01', '青山镇财政所'], ['ZS02', '青山派出所'], ['ZS03', '青山镇司法所'], ['ZS04', '青山镇自然资源所'],
  ['ZS05', '青山镇农经站'], ['ZS06', '青山镇农业农村服务中心'], ['ZS07', '青山镇市场监督管理所'], ['ZS08', '青山镇卫生院'],
  ['ZS09', '青山镇中心学校'], ['ZS10', '青山供电所'], ['ZS11', '青山镇交通管理站'], ['ZS12', '青山镇社会保障服务中心'],
] as const).map(([code, name]) => ({ value: code, label: name }));
const unitName = new Map<string, string>(UNITS.map((u) => [u.value, u.label]));

const pad = (n: number) => String(n).padStart(2, '0');
const nowText = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

interface ResultRow { unitCode: string; satisfied?: number | undefined; basicSatisfied?: number | undefined; dissatisfied?: number | undefined; avgScore?: number | undefined; ranking?: number | undefined }
type Cb = (e?: Error) => void;
const isBlank = (v: unknown) => v === undefined || v === null || v === '';

interface TinyFormApi { validate(cb: (valid: boolean, fields: Record<string, Array<{ message: string }>>) => void): void; clearValidate(): void }
interface TinyGridApi {
  fullValidate(): Promise<unknown>;
  setActiveCell(row: object, field: string): Promise<unknown>;
  clearActived(): Promise<unknown>;
}

const App = {
  setup() {
    const open = ref(true);
    const formRef = ref<TinyFormApi>();
    const gridRef = ref<TinyGridApi>();
    const query = reactive({ appraisalName: '' });
    const formData = reactive({
      appraisalName: '',
      orgCode: '',
      appraisalDate: '',
      voteType: '1',
      methods: [] as string[],
      memberIds: [] as number[],
      sheetsIssued: undefined as number | undefined,
      sheetsReturned: undefined as number | undefined,
      resultList: [] as ResultRow[],
      satisfiedUnits: [] as string[],
      rectifyCount: undefined as number | undefined,
      mainOpinion: '',
      noticeContent: '',
      noticeDate: '',
      createTime: nowText(),
    });

    const rules = {
      appraisalName: [{ required: true, message: '请输入评议名称', trigger: 'blur' }],
      orgCode: [{ required: true, message: '请选择组织单位', trigger: 'change' }],
      appraisalDate: [{ required: true, message: '请选择测评日期', trigger: 'change' }],
      methods: [{ type: 'array', required: true, message: '请至少选择一种评议方式', trigger: 'change' }],
      memberIds: [
        { type: 'array', required: true, message: '请选择评议组成员', trigger: 'change' },
        { validator: (_r: unknown, v: unknown[], cb: Cb) => cb(v && v.length > 0 && v.length < 3 ? new Error('评议组成员不少于3人') : undefined), trigger: 'change' },
      ],
      sheetsIssued: [{ required: true, type: 'number', message: '请输入发放测评表份数', trigger: 'change' }],
      sheetsReturned: [
        { required: true, type: 'number', message: '请输入收回测评表份数', trigger: 'change' },
        {
          validator: (_r: unknown, v: number | undefined, cb: Cb) =>
            cb(!isBlank(v) && !isBlank(formData.sheetsIssued) && v! > formData.sheetsIssued! ? new Error('收回份数不能大于发放份数') : undefined),
          trigger: 'change',
        },
      ],
      resultList: [{ validator: (_r: unknown, v: ResultRow[], cb: Cb) => cb(v && v.length ? undefined : new Error('请至少新增一个被评议单位的测评结果')) }],
      satisfiedUnits: [{
        validator: (_r: unknown, v: string[], cb: Cb) => {
          const units = new Set(formData.resultList.map((r) => r.unitCode));
          cb((v ?? []).some((c) => !units.has(c)) ? new Error('人民满意单位须为本次被评议单位') : undefined);
        },
        trigger: 'change',
      }],
      noticeDate: [{
        validator: (_r: unknown, v: string, cb: Cb) => cb(v && formData.appraisalDate && v < formData.appraisalDate ? new Error('通报日期不能早于测评日期') : undefined),
        trigger: 'change',
      }],
    };

    const votes = (field: 'satisfied' | 'basicSatisfied' | 'dissatisfied') => [
      { required: true, message: '请输入票数' },
      {
        // TinyGrid's Validator passes { custom: { row, column } } as the options (the 5th argument)
        validator: (_r: unknown, _v: unknown, cb: Cb, _source: unknown, { custom: { row } }: { custom: { row: ResultRow } }) => {
          const sum = (row.satisfied ?? 0) + (row.basicSatisfied ?? 0) + (row.dissatisfied ?? 0);
          cb(field === 'dissatisfied' && !isBlank(formData.sheetsReturned) && sum > formData.sheetsReturned! ? new Error('三项票数之和不能超过收回测评表份数') : undefined);
        },
      },
    ];
    const editRules = {
      unitCode: [{ required: true, message: '请选择被评议单位' }],
      satisfied: votes('satisfied'),
      basicSatisfied: votes('basicSatisfied'),
      dissatisfied: votes('dissatisfied'),
    };

    const addResult = async () => {
      const row: ResultRow = { unitCode: '', satisfied: undefined, basicSatisfied: undefined, dissatisfied: undefined, avgScore: undefined, ranking: undefined };
      formData.resultList.push(row);
      await nextTick();
      // the grid holds the reactive proxy of the row pushed
      await gridRef.value?.setActiveCell(formData.resultList[formData.resultList.length - 1]!, 'unitCode');
    };
    const removeResult = (row: ResultRow) => {
      const i = formData.resultList.indexOf(row);
      if (i >= 0) formData.resultList.splice(i, 1);
    };

    /** The model as 确定 posts it (plain JSON, the rows without the grid's own keys). */
    const posted = () => {
      const model = JSON.parse(JSON.stringify(formData)) as Record<string, unknown>;
      model['resultList'] = formData.resultList.map((r) => ({
        unitCode: r.unitCode, satisfied: r.satisfied ?? null, basicSatisfied: r.basicSatisfied ?? null,
        dissatisfied: r.dissatisfied ?? null, avgScore: r.avgScore ?? null, ranking: r.ranking ?? null,
      }));
      for (const k of ['sheetsIssued', 'sheetsReturned', 'rectifyCount']) if (model[k] === undefined) model[k] = null;
      return model;
    };

    const check = async () => {
      const errors: string[] = [];
      await gridRef.value?.clearActived();
      const valid = await new Promise<boolean>((resolve) => {
        formRef.value!.validate((ok, fields) => {
          for (const list of Object.values(fields ?? {})) for (const f of list) errors.push(f.message);
          resolve(ok);
        });
      });
      let gridOk = true;
      try {
        await gridRef.value?.fullValidate();
      } catch (e) {
        gridOk = false;
        const rest = e as { rules?: Array<{ message?: string }>; rule?: { message?: string } } | Record<string, Array<{ rule?: { message?: string } }>>;
        const msg = (rest as { rule?: { message?: string } }).rule?.message;
        if (msg) errors.push(msg);
        else errors.push('各单位测评结果填写有误');
      }
      return { ok: valid && gridOk, errors };
    };
    const handleOk = async () => {
      const r = await check();
      if (r.ok) {
        Modal.message({ message: '新增成功', status: 'success' });
        open.value = false;
      }
    };

    (window as unknown as { __portal: unknown }).__portal = { state: posted, submit: check };

    return {
      open, formRef, gridRef, query, formData, rules, editRules, addResult, removeResult, handleOk,
      voteTypes: VOTE_TYPES, methods: METHODS, users: USERS, units: UNITS, unitName,
      treeOp: { data: DEPTS },
      unitEditor: { component: Select, attrs: { options: UNITS, filterable: true, placeholder: '请选择' } },
      voteEditor: { component: Numeric, attrs: { min: 0, allowEmpty: true, controls: false } },
      scoreEditor: { component: Numeric, attrs: { min: 0, max: 100, step: 0.01, precision: 2, allowEmpty: true, controls: false } },
      rankEditor: { component: Numeric, attrs: { min: 1, allowEmpty: true, controls: false } },
      list: [
        { id: 11, appraisalName: '青山镇2025年涉农站所工作评议', orgName: '青山镇人大主席团', appraisalDate: '2025-06-18', unitCount: 4 },
        { id: 9, appraisalName: '青山镇2024年度县派驻机构工作评议', orgName: '青山镇人大主席团', appraisalDate: '2024-11-20', unitCount: 3 },
      ],
    };
  },
  template: `
  <div class="container-list">
    <div class="contain">
      <tiny-form :model="query" label-position="right" label-width="80px" class="filter-form">
        <tiny-row :flex="true" justify="start">
          <tiny-col :span="4">
            <tiny-form-item label="评议名称"><tiny-input v-model="query.appraisalName" placeholder="请输入评议名称" clearable /></tiny-form-item>
          </tiny-col>
          <tiny-col :span="4">
            <div class="search-btn"><tiny-button type="primary">搜索</tiny-button><tiny-button>重置</tiny-button></div>
          </tiny-col>
        </tiny-row>
      </tiny-form>
      <div class="btn"><tiny-button type="primary" @click="open = true">新增</tiny-button><tiny-button>导出</tiny-button></div>
      <tiny-grid :data="list" border auto-resize>
        <tiny-grid-column type="index" width="60" title="序号" />
        <tiny-grid-column field="appraisalName" title="评议名称" />
        <tiny-grid-column field="orgName" title="组织单位" width="180" />
        <tiny-grid-column field="appraisalDate" title="测评日期" width="140" />
        <tiny-grid-column field="unitCount" title="被评议单位数" width="130" />
      </tiny-grid>
    </div>
    <tiny-dialog-box v-model:visible="open" title="新增评议测评登记" width="1000px" top="4vh" :close-on-click-modal="false">
      <tiny-form ref="formRef" :model="formData" :rules="rules" label-position="right" label-width="150px" validate-type="text" class="appraisal-form">
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="评议名称" prop="appraisalName">
              <tiny-input v-model="formData.appraisalName" placeholder="请输入评议名称" clearable />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="6">
            <tiny-form-item label="组织单位" prop="orgCode">
              <tiny-tree-select v-model="formData.orgCode" :tree-op="treeOp" value-field="code" text-field="name" placeholder="请选择组织单位" clearable />
            </tiny-form-item>
          </tiny-col>
          <tiny-col :span="6">
            <tiny-form-item label="测评日期" prop="appraisalDate">
              <tiny-date-picker v-model="formData.appraisalDate" type="date" value-format="yyyy-MM-dd" placeholder="请选择测评日期" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="6">
            <tiny-form-item label="投票方式" prop="voteType">
              <tiny-radio-group v-model="formData.voteType">
                <tiny-radio v-for="t in voteTypes" :key="t.value" :label="t.value">{{ t.label }}</tiny-radio>
              </tiny-radio-group>
            </tiny-form-item>
          </tiny-col>
          <tiny-col :span="6">
            <tiny-form-item label="填报时间" prop="createTime">
              <tiny-date-picker v-model="formData.createTime" type="datetime" value-format="yyyy-MM-dd HH:mm:ss" placeholder="请选择填报时间" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="评议方式" prop="methods">
              <tiny-checkbox-group v-model="formData.methods">
                <tiny-checkbox v-for="m in methods" :key="m.value" :label="m.value">{{ m.label }}</tiny-checkbox>
              </tiny-checkbox-group>
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="评议组成员" prop="memberIds">
              <tiny-select v-model="formData.memberIds" multiple filterable clearable placeholder="请选择评议组成员">
                <tiny-option v-for="u in users" :key="u.value" :label="u.label" :value="u.value" />
              </tiny-select>
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="6">
            <tiny-form-item label="发放测评表(份)" prop="sheetsIssued">
              <tiny-numeric v-model="formData.sheetsIssued" :min="0" allow-empty placeholder="请输入" />
            </tiny-form-item>
          </tiny-col>
          <tiny-col :span="6">
            <tiny-form-item label="收回测评表(份)" prop="sheetsReturned">
              <tiny-numeric v-model="formData.sheetsReturned" :min="0" allow-empty placeholder="请输入" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="各单位测评结果" prop="resultList" class="result-item">
              <div class="grid-toolbar"><tiny-button size="mini" type="primary" @click="addResult">新增单位</tiny-button></div>
              <tiny-grid ref="gridRef" :data="formData.resultList" border auto-resize
                :edit-config="{ trigger: 'click', mode: 'cell', showStatus: false }" :edit-rules="editRules">
                <tiny-grid-column type="index" width="50" title="序号" />
                <tiny-grid-column field="unitCode" title="被评议单位" min-width="160" :editor="unitEditor">
                  <template #default="{ row }">{{ unitName.get(row.unitCode) || '' }}</template>
                </tiny-grid-column>
                <tiny-grid-column field="satisfied" title="满意(票)" width="90" :editor="voteEditor" />
                <tiny-grid-column field="basicSatisfied" title="基本满意(票)" width="100" :editor="voteEditor" />
                <tiny-grid-column field="dissatisfied" title="不满意(票)" width="90" :editor="voteEditor" />
                <tiny-grid-column field="avgScore" title="平均得分" width="90" :editor="scoreEditor" />
                <tiny-grid-column field="ranking" title="名次" width="70" :editor="rankEditor" />
                <tiny-grid-column title="操作" width="60">
                  <template #default="{ row }"><a class="op-link" @click.stop="removeResult(row)">删除</a></template>
                </tiny-grid-column>
              </tiny-grid>
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="6">
            <tiny-form-item label="人民满意单位" prop="satisfiedUnits">
              <tiny-select v-model="formData.satisfiedUnits" multiple placeholder="请选择人民满意单位">
                <tiny-option v-for="u in units" :key="u.value" :label="u.label" :value="u.value" />
              </tiny-select>
            </tiny-form-item>
          </tiny-col>
          <tiny-col :span="6">
            <tiny-form-item label="督促整改意见(条)" prop="rectifyCount">
              <tiny-numeric v-model="formData.rectifyCount" :min="0" allow-empty placeholder="请输入" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="主要意见和建议" prop="mainOpinion">
              <tiny-input v-model="formData.mainOpinion" type="textarea" :rows="3" placeholder="请输入主要意见和建议" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="12">
            <tiny-form-item label="通报内容" prop="noticeContent">
              <tiny-input v-model="formData.noticeContent" type="textarea" :rows="3" placeholder="请输入通报内容" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
        <tiny-row>
          <tiny-col :span="6">
            <tiny-form-item label="通报日期" prop="noticeDate">
              <tiny-date-picker v-model="formData.noticeDate" type="date" value-format="yyyy-MM-dd" placeholder="请选择通报日期" />
            </tiny-form-item>
          </tiny-col>
        </tiny-row>
      </tiny-form>
      <template #footer>
        <tiny-button @click="open = false">取消</tiny-button>
        <tiny-button type="primary" @click="handleOk">确定</tiny-button>
      </template>
    </tiny-dialog-box>
  </div>`,
};

createApp(App)
  .component('TinyButton', Button).component('TinyCheckbox', Checkbox).component('TinyCheckboxGroup', CheckboxGroup)
  .component('TinyCol', Col).component('TinyDatePicker', DatePicker).component('TinyDialogBox', DialogBox)
  .component('TinyForm', Form).component('TinyFormItem', FormItem).component('TinyGrid', Grid).component('TinyGridColumn', GridColumn)
  .component('TinyInput', Input).component('TinyNumeric', Numeric).component('TinyOption', Option).component('TinyRadio', Radio)
  .component('TinyRadioGroup', RadioGroup).component('TinyRow', Row).component('TinySelect', Select).component('TinyTreeSelect', TreeSelect)
  .mount('#app');
