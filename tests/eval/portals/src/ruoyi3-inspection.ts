// 代表视察 list page in the manner of RuoYi-Vue3 (Vue 3 + Element Plus) with its 新增 dialog open,
// as the clerk clicked 新增. Written as RuoYi's code generator writes index.vue (vm/vue/v3):
// a search form (v-show="showSearch", label-width 68px), the toolbar row (新增/修改/删除/导出), the
// table and pagination, and `<el-dialog :title="title" v-model="open" width="820px" append-to-body>`
// holding `<el-form ref="inspectRef" :model="form" :rules="rules" label-width="100px">`; dict
// lists from `proxy.useDict(...)` ({ label, value } with sys_dict_data codes "1", "2"…), reset()
// setting every field before the dialog opens, submitForm() running
// `proxy.$refs["inspectRef"].validate(valid => …)` and joining the checkbox group with "," before
// the post (RuoYi's generated code for checkbox columns). Hand-edited the way such projects are:
// 组织单位 an el-tree-select of the dept tree (RuoYi's user dialog: props value 'id' / label
// 'label', value-key "id", check-strictly), 视察时间 a datetimerange, 参加代表 a filterable
// multiple select of deputy ids, 代表人数 an el-input-number checked against them, 整改期限 a
// date after the inspection.
// Labels follow 代表视察 registrations of county and township congresses (视察主题, 视察类型,
// 组织单位, 视察时间, 视察地点, 带队领导, 参加代表, 视察方式, 视察情况, 意见建议, 交办单位,
// 整改期限, 记录人).
import { computed, createApp, getCurrentInstance, reactive, ref, toRefs } from 'vue';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import * as ElementPlusIconsVue from '@element-plus/icons-vue';

// sys_dict_data as useDict hands it to the page.
const dict = (rows: Array<[string, string]>) => rows.map(([value, label]) => ({ value, label, elTagType: 'primary', elTagClass: null }));
const DICTS = {
  rd_inspect_type: dict([['1', '视察'], ['2', '执法检查'], ['3', '专题调研'], ['4', '其他']]),
  rd_inspect_way: dict([['1', '实地察看'], ['2', '听取汇报'], ['3', '座谈交流'], ['4', '查阅资料'], ['5', '走访群众'], ['6', '问卷调查'], ['7', '暗访']]),
  rd_inspect_status: dict([['0', '计划'], ['1', '已开展'], ['2', '整改中'], ['3', '已办结']]),
};
// deptTreeSelect() of sys_dept: the congress side, by dept_id.
const DEPT_TREE = [
  { id: 100, label: '泰兴市人大常委会', children: [
    { id: 101, label: '办公室' },
    { id: 102, label: '研究室' },
    { id: 103, label: '财政经济工作委员会' },
    { id: 104, label: '农业与农村工作委员会' },
    { id: 105, label: '教育科学文化卫生工作委员会' },
    { id: 106, label: '代表工作委员会' },
    { id: 110, label: '乡镇人大', children: [
      { id: 111, label: '青山镇人大主席团' },
      { id: 112, label: '柳河镇人大主席团' },
      { id: 113, label: '东岗镇人大主席团' },
    ] },
  ] },
];
const DEPUTIES: Array<[number, string]> = [[1001, '王建国'], [1002, '李秀英'], [1003, '陈志强'], [1004, '刘桂兰'], [1005, '赵德明'], [1006, '孙丽华'], [1007, '周宏伟'],
  [1008, '吴海燕'], [1009, '黄立新'], [1010, '何春生'], [1011, '马玉梅'], [1012, '林永福'], [1013, '高建军'], [1014, '郑国平']];
// 交办单位: the town government's departments (another service's list, by id).
const GOV_DEPTS: Array<[number, string]> = [[201, '青山镇党政办公室'], [202, '青山镇农业农村服务中心'], [203, '青山镇村镇建设办公室'], [204, '青山镇社会事业服务中心'],
  [205, '青山镇财政所'], [206, '青山镇市场监督管理所'], [207, '青山派出所'], [208, '青山镇中心学校'], [209, '青山镇卫生院']];

interface InspectForm {
  inspectId: number | null; inspectTitle: string | null; inspectType: string | null; deptId: number | null; inspectTime: string[];
  inspectPlace: string | null; leaderName: string | null; deputyIds: number[]; deputyNum: number | undefined; inspectWays: string[];
  inspectContent: string | null; suggestion: string | null; handleDeptId: number | null; rectifyDeadline: string | null; recorder: string | null;
  status: string; remark: string | null;
}
type Cb = (e?: Error) => void;

const App = {
  setup() {
    const { proxy } = getCurrentInstance()!;
    const { rd_inspect_type, rd_inspect_way, rd_inspect_status } = DICTS;
    const open = ref(false);
    const title = ref('');
    const showSearch = ref(true);
    const dateRange = ref<string[]>([]);
    const inspectList = ref([
      { inspectId: 7, inspectTitle: '视察全镇农村生活污水治理工作', inspectType: '1', inspectPlace: '青山镇污水处理站、南湾村', beginTime: '2024-06-26 08:30:00', status: '2' },
    ]);
    const data = reactive({
      form: {} as InspectForm,
      queryParams: { pageNum: 1, pageSize: 10, inspectTitle: null as string | null, inspectType: null as string | null },
      rules: {
        inspectTitle: [{ required: true, message: '视察主题不能为空', trigger: 'blur' }],
        inspectType: [{ required: true, message: '视察类型不能为空', trigger: 'change' }],
        deptId: [{ required: true, message: '组织单位不能为空', trigger: 'change' }],
        inspectTime: [{ required: true, type: 'array', len: 2, message: '视察时间不能为空', trigger: 'change' }],
        inspectPlace: [{ required: true, message: '视察地点不能为空', trigger: 'blur' }],
        deputyIds: [{ required: true, type: 'array', min: 3, message: '参加代表不少于3人', trigger: 'change' }],
        deputyNum: [{ validator: (_r: unknown, v: number | undefined, cb: Cb) => {
          if (v == null) return cb(new Error('代表人数不能为空'));
          cb(v !== data.form.deputyIds.length ? new Error('代表人数与所选参加代表人数不一致') : undefined);
        }, trigger: 'blur' }],
        inspectWays: [{ required: true, type: 'array', min: 1, message: '请至少选择一种视察方式', trigger: 'change' }],
        inspectContent: [{ required: true, message: '视察情况不能为空', trigger: 'blur' }, { min: 20, message: '视察情况不少于20个字', trigger: 'blur' }],
        suggestion: [{ required: true, message: '意见建议不能为空', trigger: 'blur' }],
        rectifyDeadline: [{ validator: (_r: unknown, v: string | null, cb: Cb) => {
          const end = data.form.inspectTime?.[1];
          cb(v && end && v < end.slice(0, 10) ? new Error('整改期限不能早于视察时间') : undefined);
        }, trigger: 'change' }],
        recorder: [{ required: true, message: '记录人不能为空', trigger: 'blur' }],
      },
    });
    const { form, queryParams, rules } = toRefs(data);
    const deputyOptions = DEPUTIES.map(([deputyId, deputyName]) => ({ deputyId, deputyName }));
    const govDeptOptions = GOV_DEPTS.map(([deptId, deptName]) => ({ deptId, deptName }));
    const typeLabel = computed(() => Object.fromEntries(rd_inspect_type.map((d) => [d.value, d.label])));

    /** 表单重置 */
    function reset() {
      data.form = {
        inspectId: null, inspectTitle: null, inspectType: null, deptId: null, inspectTime: [], inspectPlace: null, leaderName: null,
        deputyIds: [], deputyNum: undefined, inspectWays: [], inspectContent: null, suggestion: null, handleDeptId: null, rectifyDeadline: null,
        recorder: null, status: '0', remark: null,
      };
      (proxy as unknown as { $refs: Record<string, { resetFields?: () => void } | undefined> }).$refs['inspectRef']?.resetFields?.();
    }
    /** 新增按钮操作 */
    function handleAdd() { reset(); open.value = true; title.value = '添加代表视察'; }
    function cancel() { open.value = false; reset(); }
    /** What submitForm posts (addInspect(form)): the checkbox group joined, the range split as RuoYi's beginTime/endTime. */
    function post(): Record<string, unknown> {
      const f = data.form;
      return { ...f, inspectWays: f.inspectWays.join(','), beginTime: f.inspectTime[0] ?? null, endTime: f.inspectTime[1] ?? null };
    }
    function validate(): Promise<{ ok: boolean; errors: string[] }> {
      const ref = (proxy as unknown as { $refs: Record<string, { validate(cb: (valid: boolean, bad?: Record<string, Array<{ message: string }>>) => void): Promise<unknown> }> }).$refs['inspectRef']!;
      return new Promise((resolve) => {
        ref.validate((valid, bad) => resolve({ ok: valid, errors: Object.values(bad ?? {}).flatMap((es) => es.map((e) => e.message)) })).catch(() => undefined);
      });
    }
    /** 提交按钮 */
    function submitForm() {
      void validate().then((r) => { if (r.ok) { (window as unknown as { lastPost: unknown }).lastPost = post(); ElMessage.success('新增成功'); open.value = false; } });
    }

    (window as unknown as { __portal: unknown }).__portal = {
      // The dialog's model as submitForm hands it to addInspect, before the join: the checkbox
      // group and the range as arrays; the table row id is not a field of the dialog.
      state: () => {
        const f = JSON.parse(JSON.stringify(data.form, (_k, v) => (v === undefined ? null : v))) as Record<string, unknown>;
        delete f['inspectId'];
        return f;
      },
      submit: validate,
    };
    handleAdd();
    return {
      open, title, showSearch, dateRange, inspectList, form, queryParams, rules, deputyOptions, govDeptOptions, deptOptions: DEPT_TREE, typeLabel,
      rd_inspect_type, rd_inspect_way, rd_inspect_status, handleAdd, cancel, submitForm, zhCn,
    };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="app-container">
    <el-form :model="queryParams" ref="queryRef" :inline="true" v-show="showSearch" label-width="68px">
      <el-form-item label="视察主题" prop="inspectTitle">
        <el-input v-model="queryParams.inspectTitle" placeholder="请输入视察主题" clearable style="width: 200px" />
      </el-form-item>
      <el-form-item label="视察类型" prop="inspectType">
        <el-select v-model="queryParams.inspectType" placeholder="请选择视察类型" clearable style="width: 200px">
          <el-option v-for="dict in rd_inspect_type" :key="dict.value" :label="dict.label" :value="dict.value" />
        </el-select>
      </el-form-item>
      <el-form-item label="视察时间" style="width: 308px">
        <el-date-picker v-model="dateRange" value-format="YYYY-MM-DD" type="daterange" range-separator="-" start-placeholder="开始日期" end-placeholder="结束日期"></el-date-picker>
      </el-form-item>
      <el-form-item>
        <el-button type="primary" icon="Search">搜索</el-button>
        <el-button icon="Refresh">重置</el-button>
      </el-form-item>
    </el-form>

    <el-row :gutter="10" class="mb8">
      <el-col :span="1.5"><el-button type="primary" plain icon="Plus" @click="handleAdd">新增</el-button></el-col>
      <el-col :span="1.5"><el-button type="success" plain icon="Edit" disabled>修改</el-button></el-col>
      <el-col :span="1.5"><el-button type="danger" plain icon="Delete" disabled>删除</el-button></el-col>
      <el-col :span="1.5"><el-button type="warning" plain icon="Download">导出</el-button></el-col>
    </el-row>

    <el-table :data="inspectList">
      <el-table-column type="selection" width="55" align="center" />
      <el-table-column label="视察主题" align="center" prop="inspectTitle" :show-overflow-tooltip="true" />
      <el-table-column label="视察类型" align="center" prop="inspectType" width="100">
        <template #default="scope">{{ typeLabel[scope.row.inspectType] }}</template>
      </el-table-column>
      <el-table-column label="视察地点" align="center" prop="inspectPlace" :show-overflow-tooltip="true" />
      <el-table-column label="开始时间" align="center" prop="beginTime" width="170" />
      <el-table-column label="操作" align="center" width="140" class-name="small-padding fixed-width">
        <template #default><el-button link type="primary" icon="Edit">修改</el-button><el-button link type="primary" icon="Delete">删除</el-button></template>
      </el-table-column>
    </el-table>
    <div class="pagination-container"><el-pagination background layout="total, sizes, prev, pager, next, jumper" :total="1" /></div>

    <!-- 添加或修改代表视察对话框 -->
    <el-dialog :title="title" v-model="open" width="820px" append-to-body :close-on-click-modal="false">
      <el-form ref="inspectRef" :model="form" :rules="rules" label-width="100px">
        <el-row>
          <el-col :span="24">
            <el-form-item label="视察主题" prop="inspectTitle">
              <el-input v-model="form.inspectTitle" placeholder="请输入视察主题" maxlength="100" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="视察类型" prop="inspectType">
              <el-radio-group v-model="form.inspectType">
                <el-radio v-for="dict in rd_inspect_type" :key="dict.value" :value="dict.value">{{ dict.label }}</el-radio>
              </el-radio-group>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="组织单位" prop="deptId">
              <el-tree-select v-model="form.deptId" :data="deptOptions" :props="{ value: 'id', label: 'label', children: 'children' }" value-key="id" placeholder="请选择组织单位" check-strictly />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="视察时间" prop="inspectTime">
              <el-date-picker v-model="form.inspectTime" type="datetimerange" value-format="YYYY-MM-DD HH:mm:ss" range-separator="至" start-placeholder="开始时间" end-placeholder="结束时间" />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="视察地点" prop="inspectPlace">
              <el-input v-model="form.inspectPlace" placeholder="请输入视察地点" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="带队领导" prop="leaderName">
              <el-input v-model="form.leaderName" placeholder="请输入带队领导" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="交办单位" prop="handleDeptId">
              <el-select v-model="form.handleDeptId" placeholder="请选择交办单位" clearable filterable>
                <el-option v-for="d in govDeptOptions" :key="d.deptId" :label="d.deptName" :value="d.deptId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="参加代表" prop="deputyIds">
              <el-select v-model="form.deputyIds" multiple filterable placeholder="请选择参加代表">
                <el-option v-for="d in deputyOptions" :key="d.deputyId" :label="d.deputyName" :value="d.deputyId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="代表人数" prop="deputyNum">
              <el-input-number v-model="form.deputyNum" controls-position="right" :min="1" :max="200" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="状态" prop="status">
              <el-select v-model="form.status" placeholder="请选择状态">
                <el-option v-for="dict in rd_inspect_status" :key="dict.value" :label="dict.label" :value="dict.value" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="视察方式" prop="inspectWays">
              <el-checkbox-group v-model="form.inspectWays">
                <el-checkbox v-for="dict in rd_inspect_way" :key="dict.value" :value="dict.value">{{ dict.label }}</el-checkbox>
              </el-checkbox-group>
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="视察情况" prop="inspectContent">
              <el-input v-model="form.inspectContent" type="textarea" :rows="4" placeholder="请输入内容" />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="意见建议" prop="suggestion">
              <el-input v-model="form.suggestion" type="textarea" :rows="4" placeholder="请输入内容" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="整改期限" prop="rectifyDeadline">
              <el-date-picker clearable v-model="form.rectifyDeadline" type="date" value-format="YYYY-MM-DD" placeholder="请选择整改期限" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="记录人" prop="recorder">
              <el-input v-model="form.recorder" placeholder="请输入记录人" />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="备注" prop="remark">
              <el-input v-model="form.remark" type="textarea" placeholder="请输入内容" />
            </el-form-item>
          </el-col>
        </el-row>
      </el-form>
      <template #footer>
        <div class="dialog-footer">
          <el-button type="primary" @click="submitForm">确 定</el-button>
          <el-button @click="cancel">取 消</el-button>
        </div>
      </template>
    </el-dialog>
  </div>
  </el-config-provider>`,
};

const app = createApp(App);
// RuoYi-Vue3's main.js registers every Element Plus icon as a global component (icon="Search").
for (const [key, component] of Object.entries(ElementPlusIconsVue)) app.component(key, component as never);
app.use(ElementPlus as never).mount('#app');
