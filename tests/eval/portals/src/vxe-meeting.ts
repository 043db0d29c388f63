// 会议登记 (镇党委扩大会议, 人大代表列席) on Vue 3 + vxe-table 4 / vxe-pc-ui 4, written as the meeting
// module of a township OA built on the vxe admin stack: a `vxe-form` of the meeting's main fields
// (items with `itemRender` VxeInput / VxeSelect / VxeDatePicker / VxeNumberInput / VxeTextarea, the
// form's own `rules`, titles on the left with a colon), and three editable `vxe-grid`s for the
// details — 会议议程, 列席人员 and 列席代表意见建议 — each with a toolbar 新增 button
// (`insertAt({}, -1)` then `setEditCell`), `edit-config` click-to-edit cells (`trigger: 'click',
// mode: 'cell'`), `edit-render` VxeInput / VxeSelect editors, `edit-rules` and a 删除 column.
// The grids keep their rows inside the table (`getTableData().fullData`): state() reads them
// from there, without vxe's `_X_ROW_KEY`, as the 保存 handler posts them.
// Codes: 会议类型 from the OA dict (01 党委会议, 02 党委扩大会议…), 记录人 and 出席人员 user ids,
// 采纳情况 1/2/3. 出席人数 is checked against the people chosen.
// Labels follow township OA meeting registrations and 会议记录 headers (会议名称, 会议类型,
// 开始/结束时间, 会议地点, 主持人, 记录人, 出席人员, 出席人数, 会议议程 with 议程内容/汇报人,
// 列席人员 with 姓名/单位及职务, 会议内容, 列席代表意见建议 with 提出代表/意见建议/采纳情况,
// 发送范围, 印发日期).
import { createApp, reactive, ref } from 'vue';
import VxeUIAll from 'vxe-pc-ui';
import 'vxe-pc-ui/lib/style.css';
import VxeUITable from 'vxe-table';
import 'vxe-table/lib/style.css';

const MEETING_TYPE = [['01', '党委会议'], ['02', '党委扩大会议'], ['03', '镇长办公会议'], ['04', '人大主席团会议'], ['05', '专题会议'], ['99', '其他']]
  .map(([value, label]) => ({ value, label }));
// sys_user of the town: 党委委员 and the office staff, by user id.
const COMMITTEE = [[2101, '蒋志华'], [2102, '许立平'], [2103, '顾红梅'], [2104, '王建国'], [2105, '钱伟'], [2106, '曹磊'], [2107, '严丽'], [2108, '朱海峰'], [2109, '陆军']]
  .map(([value, label]) => ({ value, label }));
const STAFF = [[2201, '徐静'], [2202, '朱晓红'], [2203, '沈涛']].map(([value, label]) => ({ value, label }));
const ADOPTION = [{ value: '1', label: '采纳' }, { value: '2', label: '部分采纳' }, { value: '3', label: '未采纳' }];

type Row = Record<string, unknown>;
interface Grid {
  insertAt(row: Row, at: number): Promise<{ row: Row }>;
  setEditCell(row: Row, field: string): Promise<unknown>;
  remove(row: Row): Promise<unknown>;
  getTableData(): { fullData: Row[] };
  validate(all: boolean): Promise<unknown>;
}
interface Form { validate(): Promise<unknown> }

const App = {
  setup() {
    const formRef = ref<Form>();
    const agendaRef = ref<Grid>();
    const attendRef = ref<Grid>();
    const opinionRef = ref<Grid>();
    const formData = reactive({
      meetingName: '', meetingType: null as string | null, startTime: '', endTime: '', address: '', hostName: '', recorderId: null as number | null,
      attendeeIds: [] as number[], attendNum: null as number | null, content: '', sendScope: '', issueDate: '',
    });
    const after = (a: string, b: string) => !a || !b || a >= b;
    const formRules = {
      meetingName: [{ required: true, content: '请输入会议名称' }],
      meetingType: [{ required: true, content: '请选择会议类型' }],
      startTime: [{ required: true, content: '请选择开始时间' }],
      endTime: [{ validator: ({ itemValue }: { itemValue: string }) => (after(itemValue, formData.startTime) ? undefined : new Error('结束时间不能早于开始时间')) }],
      address: [{ required: true, content: '请输入会议地点' }],
      hostName: [{ required: true, content: '请输入主持人' }],
      recorderId: [{ required: true, content: '请选择记录人' }],
      attendeeIds: [{ required: true, type: 'array', min: 1, content: '请选择出席人员' }],
      attendNum: [{ required: true, content: '请输入出席人数' }, { validator: ({ itemValue }: { itemValue: number | null }) =>
        (itemValue != null && itemValue !== formData.attendeeIds.length ? new Error('出席人数与所选出席人员不一致') : undefined) }],
      content: [{ required: true, content: '请输入会议内容' }, { min: 20, content: '会议内容不少于20个字' }],
      issueDate: [{ required: true, content: '请选择印发日期' }, { validator: ({ itemValue }: { itemValue: string }) =>
        (itemValue && formData.startTime && itemValue < formData.startTime.slice(0, 10) ? new Error('印发日期不能早于会议日期') : undefined) }],
    };
    const formItems = [
      { field: 'meetingName', title: '会议名称', span: 24, itemRender: { name: 'VxeInput', props: { placeholder: '请输入会议名称', maxLength: 100 } } },
      { field: 'meetingType', title: '会议类型', span: 12, itemRender: { name: 'VxeSelect', options: MEETING_TYPE, props: { placeholder: '请选择' } } },
      { field: 'address', title: '会议地点', span: 12, itemRender: { name: 'VxeInput', props: { placeholder: '请输入会议地点' } } },
      { field: 'startTime', title: '开始时间', span: 12, itemRender: { name: 'VxeDatePicker', props: { type: 'datetime', valueFormat: 'yyyy-MM-dd HH:mm:ss', placeholder: '请选择开始时间' } } },
      { field: 'endTime', title: '结束时间', span: 12, itemRender: { name: 'VxeDatePicker', props: { type: 'datetime', valueFormat: 'yyyy-MM-dd HH:mm:ss', placeholder: '请选择结束时间' } } },
      { field: 'hostName', title: '主持人', span: 12, itemRender: { name: 'VxeInput', props: { placeholder: '请输入主持人' } } },
      { field: 'recorderId', title: '记录人', span: 12, itemRender: { name: 'VxeSelect', options: STAFF, props: { placeholder: '请选择' } } },
      { field: 'attendeeIds', title: '出席人员', span: 24, itemRender: { name: 'VxeSelect', options: COMMITTEE, props: { multiple: true, filterable: true, placeholder: '请选择出席人员' } } },
      { field: 'attendNum', title: '出席人数', span: 12, itemRender: { name: 'VxeNumberInput', props: { type: 'integer', min: 1, max: 99, placeholder: '人' } } },
      { span: 24, slots: { default: 'agenda' }, title: '会议议程', field: 'agendaList' },
      { span: 24, slots: { default: 'attend' }, title: '列席人员', field: 'nonVotingList' },
      { field: 'content', title: '会议内容', span: 24, itemRender: { name: 'VxeTextarea', props: { rows: 5, placeholder: '研究讨论情况', showWordCount: true, maxLength: 2000 } } },
      { span: 24, slots: { default: 'opinion' }, title: '列席代表意见建议', field: 'opinionList' },
      { field: 'sendScope', title: '发送范围', span: 12, itemRender: { name: 'VxeInput', props: { placeholder: '请输入发送范围' } } },
      { field: 'issueDate', title: '印发日期', span: 12, itemRender: { name: 'VxeDatePicker', props: { type: 'date', valueFormat: 'yyyy-MM-dd', placeholder: '请选择印发日期' } } },
    ];
    const grid = (columns: unknown[], editRules: unknown) => reactive({
      border: true, showOverflow: true, keepSource: true, size: 'small', minHeight: 80,
      editConfig: { trigger: 'click', mode: 'cell', showStatus: true },
      editRules, columns, data: [] as Row[],
      toolbarConfig: { slots: { buttons: 'toolbar' } },
    });
    const del = { title: '操作', width: 70, align: 'center', slots: { default: 'del' } };
    const agendaOptions = grid([
      { type: 'seq', title: '序号', width: 60 },
      { field: 'topic', title: '议程内容', minWidth: 320, editRender: { name: 'VxeInput', props: { placeholder: '请输入议程内容' } } },
      { field: 'reporter', title: '汇报人', width: 160, editRender: { name: 'VxeInput' } },
      del,
    ], { topic: [{ required: true, content: '议程内容不能为空' }] });
    const attendOptions = grid([
      { type: 'seq', title: '序号', width: 60 },
      { field: 'name', title: '姓名', width: 160, editRender: { name: 'VxeInput' } },
      { field: 'unitPost', title: '单位及职务', minWidth: 320, editRender: { name: 'VxeInput' } },
      del,
    ], { name: [{ required: true, content: '姓名不能为空' }] });
    const opinionOptions = grid([
      { type: 'seq', title: '序号', width: 60 },
      { field: 'deputyName', title: '提出代表', width: 140, editRender: { name: 'VxeInput' } },
      { field: 'opinion', title: '意见建议', minWidth: 360, editRender: { name: 'VxeInput' } },
      { field: 'adoption', title: '采纳情况', width: 140, editRender: { name: 'VxeSelect', options: ADOPTION } },
      del,
    ], { deputyName: [{ required: true, content: '提出代表不能为空' }], opinion: [{ required: true, content: '意见建议不能为空' }] });
    const grids = { agendaList: agendaRef, nonVotingList: attendRef, opinionList: opinionRef };
    const blank: Record<keyof typeof grids, Row> = { agendaList: { topic: '', reporter: '' }, nonVotingList: { name: '', unitPost: '' }, opinionList: { deputyName: '', opinion: '', adoption: null } };
    const first: Record<keyof typeof grids, string> = { agendaList: 'topic', nonVotingList: 'name', opinionList: 'deputyName' };
    async function addRow(key: keyof typeof grids) {
      const g = grids[key].value!;
      const { row } = await g.insertAt({ ...blank[key] }, -1);
      await g.setEditCell(row, first[key]);
    }
    const removeRow = (key: keyof typeof grids, row: Row) => grids[key].value!.remove(row);
    const rows = (key: keyof typeof grids) => (grids[key].value?.getTableData().fullData ?? [])
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_X_'))));
    // vxe's error maps: { field: [{ rule, … }] } from the grids, { field: [[{ rule, … }]] } from the form.
    const msgs = (errMap: unknown): string[] => {
      if (!errMap || typeof errMap !== 'object') return [];
      if (Array.isArray(errMap)) return errMap.flatMap(msgs);
      const rule = (errMap as { rule?: { content?: string } }).rule;
      return rule ? [rule.content ?? '校验不通过'] : Object.values(errMap).flatMap(msgs);
    };
    async function validate(): Promise<{ ok: boolean; errors: string[] }> {
      const errors = msgs(await formRef.value!.validate());
      if (rows('agendaList').length === 0) errors.push('请至少添加一项会议议程');
      for (const key of Object.keys(grids) as Array<keyof typeof grids>) {
        errors.push(...msgs(await grids[key].value!.validate(true).catch((e: unknown) => e)));
      }
      return { ok: errors.length === 0, errors };
    }
    const saving = ref(false);
    async function save() {
      const r = await validate();
      if (!r.ok) return;
      saving.value = true;
      (window as unknown as { lastPost: unknown }).lastPost = { ...formData, agendaList: rows('agendaList'), nonVotingList: rows('nonVotingList'), opinionList: rows('opinionList') };
      saving.value = false;
    }
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => JSON.parse(JSON.stringify({
        ...formData, agendaList: rows('agendaList'), nonVotingList: rows('nonVotingList'), opinionList: rows('opinionList'),
      }, (_k, v) => (v === undefined ? null : v))),
      submit: validate,
    };
    return { formRef, agendaRef, attendRef, opinionRef, formData, formRules, formItems, agendaOptions, attendOptions, opinionOptions, addRow, removeRow, save, saving };
  },
  template: `
  <div class="page">
    <div class="page-title">会议登记</div>
    <vxe-form ref="formRef" :data="formData" :rules="formRules" :items="formItems" title-width="130" title-align="right" title-colon>
      <template #agenda>
        <vxe-grid ref="agendaRef" v-bind="agendaOptions" class="detail-grid">
          <template #toolbar><vxe-button status="primary" icon="vxe-icon-add" @click="addRow('agendaList')">新增议程</vxe-button></template>
          <template #del="{ row }"><vxe-button mode="text" status="error" @click="removeRow('agendaList', row)">删除</vxe-button></template>
        </vxe-grid>
      </template>
      <template #attend>
        <vxe-grid ref="attendRef" v-bind="attendOptions" class="detail-grid">
          <template #toolbar><vxe-button status="primary" icon="vxe-icon-add" @click="addRow('nonVotingList')">新增列席人员</vxe-button></template>
          <template #del="{ row }"><vxe-button mode="text" status="error" @click="removeRow('nonVotingList', row)">删除</vxe-button></template>
        </vxe-grid>
      </template>
      <template #opinion>
        <vxe-grid ref="opinionRef" v-bind="opinionOptions" class="detail-grid">
          <template #toolbar><vxe-button status="primary" icon="vxe-icon-add" @click="addRow('opinionList')">新增意见建议</vxe-button></template>
          <template #del="{ row }"><vxe-button mode="text" status="error" @click="removeRow('opinionList', row)">删除</vxe-button></template>
        </vxe-grid>
      </template>
    </vxe-form>
    <div class="actions"><vxe-button status="primary" :loading="saving" @click="save">保存</vxe-button><vxe-button>返回</vxe-button></div>
  </div>`,
};

createApp(App).use(VxeUIAll as never).use(VxeUITable as never).mount('#app');
