// 代表建议 list page in the manner of RuoYi-Vue3 (Vue 3 + Element Plus) with its 新增 dialog open,
// as the clerk clicked 新增. Written as RuoYi's code generator writes index.vue (vm/vue/v3): the
// search form, the toolbar row, the table and pagination, and `<el-dialog :title="title"
// v-model="open" width="900px" append-to-body>` holding `<el-form ref="suggestionRef" :model="form"
// :rules="rules" label-width="100px">`; dict lists from `proxy.useDict(...)` (sys_dict_data codes
// "1", "2"…), reset() setting every field before the dialog opens, submitForm() running
// `proxy.$refs["suggestionRef"].validate(valid => …)`.
// The two long fields are the generator's 富文本控件 (html_type "editor"): `<editor
// v-model="form.xxx" :min-height="192"/>`, RuoYi-Vue3's own src/components/Editor/index.vue (a
// global component registered in main.js), reproduced below: @vueup/vue-quill's QuillEditor with
// `v-model:content` / `contentType="html"`, RuoYi's toolbar and the Chinese tooltips of its CSS,
// emitting update:modelValue from @textChange; its image button goes to a hidden el-upload. The
// form model therefore holds Quill's HTML (`<p>…</p><p>…</p>`); the required rule on 建议内容 is
// the generator's `{ required: true, message: "建议内容不能为空", trigger: "blur" }`.
// Labels follow 代表建议 registrations of county congresses (建议编号, 建议标题, 提出时段, 大会会次,
// 建议类型, 建议类别, 代表团, 领衔代表, 联系电话, 工作单位, 附议代表, 提出日期, 问题及理由, 建议内容,
// 承办单位, 协办单位).
import { computed, createApp, defineComponent, getCurrentInstance, onMounted, reactive, ref, toRefs, watch } from 'vue';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import * as ElementPlusIconsVue from '@element-plus/icons-vue';
import { QuillEditor } from '@vueup/vue-quill';
import '@vueup/vue-quill/dist/vue-quill.snow.css';

// ------------------------------------------------------------ src/components/Editor/index.vue
const Editor = defineComponent({
  name: 'Editor',
  components: { QuillEditor },
  props: {
    /* 编辑器的内容 */
    modelValue: { type: String },
    /* 高度 */
    height: { type: Number, default: null },
    /* 最小高度 */
    minHeight: { type: Number, default: null },
    /* 只读 */
    readOnly: { type: Boolean, default: false },
    /* 上传文件大小限制(MB) */
    fileSize: { type: Number, default: 5 },
    /* 类型（base64格式、url格式） */
    type: { type: String, default: 'url' },
  },
  emits: ['update:modelValue'],
  setup(props) {
    const quillEditorRef = ref();
    const uploadRef = ref<HTMLElement>();
    const uploadUrl = ref('/dev-api/common/upload'); // 上传的图片服务器地址
    const headers = ref({ Authorization: 'Bearer ' + 'eyJhbGciOiJIUzUxMiJ9.token' });
    const options = ref({
      theme: 'snow',
      bounds: document.body,
      debug: 'warn',
      modules: {
        // 工具栏配置
        toolbar: [
          ['bold', 'italic', 'underline', 'strike'], // 加粗 斜体 下划线 删除线
          ['blockquote', 'code-block'], // 引用  代码块
          [{ list: 'ordered' }, { list: 'bullet' }], // 有序、无序列表
          [{ indent: '-1' }, { indent: '+1' }], // 缩进
          [{ size: ['small', false, 'large', 'huge'] }], // 字体大小
          [{ header: [1, 2, 3, 4, 5, 6, false] }], // 标题
          [{ color: [] }, { background: [] }], // 字体颜色、字体背景颜色
          [{ align: [] }], // 对齐方式
          ['clean'], // 清除文本格式
          ['link', 'image', 'video'], // 链接、图片、视频
        ],
      },
      placeholder: '请输入内容',
      readOnly: props.readOnly,
    });
    const styles = computed(() => {
      const style: Record<string, string> = {};
      if (props.minHeight) style['minHeight'] = `${props.minHeight}px`;
      if (props.height) style['height'] = `${props.height}px`;
      return style;
    });
    const content = ref('');
    watch(() => props.modelValue, (v) => {
      if (v !== content.value) content.value = v == undefined ? '<p></p>' : v;
    }, { immediate: true });
    // 如果设置了上传地址则自定义图片上传事件
    onMounted(() => {
      if (props.type == 'url') {
        const quill = quillEditorRef.value.getQuill();
        const toolbar = quill.getModule('toolbar');
        toolbar.addHandler('image', (value: boolean) => {
          if (value) uploadRef.value?.click();
          else quill.format('image', false);
        });
      }
    });
    function handleBeforeUpload() { return false; }
    return { quillEditorRef, uploadRef, uploadUrl, headers, options, styles, content, handleBeforeUpload };
  },
  template: `
  <div>
    <el-upload :action="uploadUrl" :before-upload="handleBeforeUpload" name="file" :show-file-list="false" :headers="headers" class="editor-img-uploader" v-if="type == 'url'">
      <i ref="uploadRef" class="editor-img-uploader"></i>
    </el-upload>
  </div>
  <div class="editor">
    <quill-editor
      ref="quillEditorRef"
      v-model:content="content"
      contentType="html"
      @textChange="(e) => $emit('update:modelValue', content)"
      :options="options"
      :style="styles"
    />
  </div>`,
});

// ------------------------------------------------------------ the page

/** What the post's HTML says as plain text: one line per block (p, div, li, h1–h6…) or <br>, trimmed, empty lines dropped. */
function htmlText(html: string | null | undefined): string {
  if (!html) return '';
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const lines: string[] = [];
  let cur = '';
  const flush = () => { lines.push(cur); cur = ''; };
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) { cur += n.textContent ?? ''; return; }
    if (!(n instanceof Element)) return;
    if (n.tagName === 'BR') { flush(); return; }
    const block = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE|UL|OL)$/.test(n.tagName);
    if (block) flush();
    n.childNodes.forEach(walk);
    if (block) flush();
  };
  body.childNodes.forEach(walk);
  flush();
  return lines.map((l) => l.replace(/[\u200b\ufeff]/g, '').trim()).filter((l) => l !== '').join('\n');
}

// sys_dict_data as useDict hands it to the page.
const dict = (rows: Array<[string, string]>) => rows.map(([value, label]) => ({ value, label, elTagType: 'primary', elTagClass: null }));
const DICTS = {
  rd_suggestion_type: dict([['1', '建议'], ['2', '批评'], ['3', '意见']]),
  rd_suggestion_category: dict([['1', '经济建设'], ['2', '农业农村'], ['3', '城乡建设'], ['4', '交通运输'], ['5', '教育科技'], ['6', '医疗卫生'],
    ['7', '社会保障'], ['8', '生态环境'], ['9', '政法综治'], ['10', '其他']]),
  rd_propose_period: dict([['1', '大会期间'], ['2', '闭会期间']]),
  rd_session: dict([['1701', '第十七届人民代表大会第一次会议'], ['1702', '第十七届人民代表大会第二次会议'], ['1703', '第十七届人民代表大会第三次会议'],
    ['1704', '第十七届人民代表大会第四次会议'], ['1705', '第十七届人民代表大会第五次会议']]),
  rd_suggestion_status: dict([['0', '待交办'], ['1', '已交办'], ['2', '办理中'], ['3', '已答复'], ['4', '已办结']]),
};
// 代表团 (the county congress's delegations, by id), deputies by deputy_id, handling units by dept_id.
const DELEGATIONS: Array<[number, string]> = [[11, '济川代表团'], [12, '姚王代表团'], [13, '青山代表团'], [14, '柳河代表团'], [15, '东岗代表团'], [16, '解放军代表团']];
const DEPUTIES: Array<[number, string]> = [[1001, '王建国'], [1002, '李秀英'], [1003, '陈志强'], [1004, '刘桂兰'], [1005, '赵德明'], [1006, '孙丽华'], [1007, '周宏伟'],
  [1008, '吴海燕'], [1009, '黄立新'], [1010, '何春生'], [1011, '马玉梅'], [1012, '林永福'], [1013, '高建军'], [1014, '郑国平']];
const UNITS: Array<[number, string]> = [[301, '泰兴市发展和改革委员会'], [302, '泰兴市财政局'], [303, '泰兴市交通运输局'], [304, '泰兴市住房和城乡建设局'],
  [305, '泰兴市农业农村局'], [306, '泰兴市教育局'], [307, '泰兴市卫生健康委员会'], [308, '泰兴市公安局'], [309, '泰兴市城市管理局'], [310, '青山镇人民政府'], [311, '柳河镇人民政府']];

interface SuggestionForm {
  suggestionId: number | null; suggestionNo: string | null; suggestionTitle: string | null; proposePeriod: string | null; sessionCode: string | null;
  suggestionType: string | null; category: string | null; delegationId: number | null; deputyId: number | null; phonenumber: string | null;
  workUnit: string | null; seconderIds: number[]; proposeDate: string | null; reason: string | null; content: string | null;
  undertakeDeptId: number | null; assistDeptIds: number[]; status: string; remark: string | null;
}
type Cb = (e?: Error) => void;

const App = {
  setup() {
    const { proxy } = getCurrentInstance()!;
    const { rd_suggestion_type, rd_suggestion_category, rd_propose_period, rd_session, rd_suggestion_status } = DICTS;
    const open = ref(false);
    const title = ref('');
    const showSearch = ref(true);
    const suggestionList = ref([
      { suggestionId: 41, suggestionNo: '泰人建〔2025〕37号', suggestionTitle: '关于加快推进城区老旧小区雨污分流改造的建议', deputyName: '郑国平', category: '3', status: '1' },
      { suggestionId: 40, suggestionNo: '泰人建〔2025〕36号', suggestionTitle: '关于加强农村养老服务站建设的建议', deputyName: '孙丽华', category: '7', status: '2' },
    ]);
    const data = reactive({
      form: {} as SuggestionForm,
      queryParams: { pageNum: 1, pageSize: 10, suggestionTitle: null as string | null, category: null as string | null, status: null as string | null },
      rules: {
        suggestionTitle: [{ required: true, message: '建议标题不能为空', trigger: 'blur' }],
        proposePeriod: [{ required: true, message: '提出时段不能为空', trigger: 'change' }],
        sessionCode: [{ validator: (_r: unknown, v: string | null, cb: Cb) => {
          cb(data.form.proposePeriod === '1' && !v ? new Error('大会期间提出的建议请选择大会会次') : undefined);
        }, trigger: 'change' }],
        suggestionType: [{ required: true, message: '建议类型不能为空', trigger: 'change' }],
        category: [{ required: true, message: '建议类别不能为空', trigger: 'change' }],
        delegationId: [{ required: true, message: '代表团不能为空', trigger: 'change' }],
        deputyId: [{ required: true, message: '领衔代表不能为空', trigger: 'change' }],
        phonenumber: [{ pattern: /^1[3|4|5|6|7|8|9][0-9]\d{8}$/, message: '请输入正确的手机号码', trigger: 'blur' }],
        proposeDate: [{ required: true, message: '提出日期不能为空', trigger: 'change' }],
        content: [{ required: true, message: '建议内容不能为空', trigger: 'blur' }],
      },
    });
    const { form, queryParams, rules } = toRefs(data);
    const delegationOptions = DELEGATIONS.map(([delegationId, delegationName]) => ({ delegationId, delegationName }));
    const deputyOptions = DEPUTIES.map(([deputyId, deputyName]) => ({ deputyId, deputyName }));
    const unitOptions = UNITS.map(([deptId, deptName]) => ({ deptId, deptName }));
    const label = (list: Array<{ value: string; label: string }>) => Object.fromEntries(list.map((d) => [d.value, d.label]));
    const categoryLabel = computed(() => label(rd_suggestion_category));
    const statusLabel = computed(() => label(rd_suggestion_status));

    /** 表单重置 */
    function reset() {
      data.form = {
        suggestionId: null, suggestionNo: null, suggestionTitle: null, proposePeriod: null, sessionCode: null, suggestionType: null, category: null,
        delegationId: null, deputyId: null, phonenumber: null, workUnit: null, seconderIds: [], proposeDate: null, reason: null, content: null,
        undertakeDeptId: null, assistDeptIds: [], status: '0', remark: null,
      };
      (proxy as unknown as { $refs: Record<string, { resetFields?: () => void } | undefined> }).$refs['suggestionRef']?.resetFields?.();
    }
    /** 新增按钮操作 */
    function handleAdd() { reset(); open.value = true; title.value = '添加代表建议'; }
    function cancel() { open.value = false; reset(); }
    function validate(): Promise<{ ok: boolean; errors: string[] }> {
      const ref = (proxy as unknown as { $refs: Record<string, { validate(cb: (valid: boolean, bad?: Record<string, Array<{ message: string }>>) => void): Promise<unknown> }> }).$refs['suggestionRef']!;
      return new Promise((resolve) => {
        ref.validate((valid, bad) => resolve({ ok: valid, errors: Object.values(bad ?? {}).flatMap((es) => es.map((e) => e.message)) })).catch(() => undefined);
      });
    }
    /** 提交按钮 */
    function submitForm() {
      void validate().then((r) => {
        if (r.ok) { (window as unknown as { lastPost: unknown }).lastPost = JSON.parse(JSON.stringify(data.form)); ElMessage.success('新增成功'); open.value = false; }
      });
    }

    (window as unknown as { __portal: unknown }).__portal = {
      // The dialog's model as submitForm hands it to addSuggestion; the rich-text fields' HTML read
      // as plain text (one line per paragraph), the table row id left out.
      state: () => {
        const f = JSON.parse(JSON.stringify(data.form, (_k, v) => (v === undefined ? null : v))) as Record<string, unknown>;
        delete f['suggestionId'];
        f['reason'] = htmlText(data.form.reason);
        f['content'] = htmlText(data.form.content);
        return f;
      },
      submit: validate,
    };
    handleAdd();
    return {
      open, title, showSearch, suggestionList, form, queryParams, rules, delegationOptions, deputyOptions, unitOptions, categoryLabel, statusLabel,
      rd_suggestion_type, rd_suggestion_category, rd_propose_period, rd_session, rd_suggestion_status, handleAdd, cancel, submitForm, zhCn,
    };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="app-container">
    <el-form :model="queryParams" ref="queryRef" :inline="true" v-show="showSearch" label-width="68px">
      <el-form-item label="建议标题" prop="suggestionTitle">
        <el-input v-model="queryParams.suggestionTitle" placeholder="请输入建议标题" clearable style="width: 200px" />
      </el-form-item>
      <el-form-item label="建议类别" prop="category">
        <el-select v-model="queryParams.category" placeholder="请选择建议类别" clearable style="width: 200px">
          <el-option v-for="dict in rd_suggestion_category" :key="dict.value" :label="dict.label" :value="dict.value" />
        </el-select>
      </el-form-item>
      <el-form-item label="办理状态" prop="status">
        <el-select v-model="queryParams.status" placeholder="请选择办理状态" clearable style="width: 200px">
          <el-option v-for="dict in rd_suggestion_status" :key="dict.value" :label="dict.label" :value="dict.value" />
        </el-select>
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

    <el-table :data="suggestionList">
      <el-table-column type="selection" width="55" align="center" />
      <el-table-column label="建议编号" align="center" prop="suggestionNo" width="160" />
      <el-table-column label="建议标题" align="center" prop="suggestionTitle" :show-overflow-tooltip="true" />
      <el-table-column label="领衔代表" align="center" prop="deputyName" width="100" />
      <el-table-column label="建议类别" align="center" prop="category" width="100">
        <template #default="scope">{{ categoryLabel[scope.row.category] }}</template>
      </el-table-column>
      <el-table-column label="办理状态" align="center" prop="status" width="100">
        <template #default="scope">{{ statusLabel[scope.row.status] }}</template>
      </el-table-column>
      <el-table-column label="操作" align="center" width="140" class-name="small-padding fixed-width">
        <template #default><el-button link type="primary" icon="Edit">修改</el-button><el-button link type="primary" icon="Delete">删除</el-button></template>
      </el-table-column>
    </el-table>
    <div class="pagination-container"><el-pagination background layout="total, sizes, prev, pager, next, jumper" :total="2" /></div>

    <!-- 添加或修改代表建议对话框 -->
    <el-dialog :title="title" v-model="open" width="900px" append-to-body :close-on-click-modal="false">
      <el-form ref="suggestionRef" :model="form" :rules="rules" label-width="100px">
        <el-row>
          <el-col :span="12">
            <el-form-item label="建议编号" prop="suggestionNo">
              <el-input v-model="form.suggestionNo" placeholder="请输入建议编号" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="提出日期" prop="proposeDate">
              <el-date-picker clearable v-model="form.proposeDate" type="date" value-format="YYYY-MM-DD" placeholder="请选择提出日期" />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="建议标题" prop="suggestionTitle">
              <el-input v-model="form.suggestionTitle" placeholder="请输入建议标题" maxlength="100" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="提出时段" prop="proposePeriod">
              <el-radio-group v-model="form.proposePeriod">
                <el-radio v-for="dict in rd_propose_period" :key="dict.value" :value="dict.value">{{ dict.label }}</el-radio>
              </el-radio-group>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="大会会次" prop="sessionCode">
              <el-select v-model="form.sessionCode" placeholder="请选择大会会次" clearable>
                <el-option v-for="dict in rd_session" :key="dict.value" :label="dict.label" :value="dict.value" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="建议类型" prop="suggestionType">
              <el-radio-group v-model="form.suggestionType">
                <el-radio v-for="dict in rd_suggestion_type" :key="dict.value" :value="dict.value">{{ dict.label }}</el-radio>
              </el-radio-group>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="建议类别" prop="category">
              <el-select v-model="form.category" placeholder="请选择建议类别">
                <el-option v-for="dict in rd_suggestion_category" :key="dict.value" :label="dict.label" :value="dict.value" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="代表团" prop="delegationId">
              <el-select v-model="form.delegationId" placeholder="请选择代表团">
                <el-option v-for="d in delegationOptions" :key="d.delegationId" :label="d.delegationName" :value="d.delegationId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="领衔代表" prop="deputyId">
              <el-select v-model="form.deputyId" placeholder="请选择领衔代表" filterable>
                <el-option v-for="d in deputyOptions" :key="d.deputyId" :label="d.deputyName" :value="d.deputyId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="联系电话" prop="phonenumber">
              <el-input v-model="form.phonenumber" placeholder="请输入联系电话" maxlength="11" />
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="工作单位" prop="workUnit">
              <el-input v-model="form.workUnit" placeholder="请输入工作单位" />
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="附议代表" prop="seconderIds">
              <el-select v-model="form.seconderIds" multiple filterable placeholder="请选择附议代表">
                <el-option v-for="d in deputyOptions" :key="d.deputyId" :label="d.deputyName" :value="d.deputyId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="问题及理由" prop="reason">
              <editor v-model="form.reason" :min-height="192"/>
            </el-form-item>
          </el-col>
          <el-col :span="24">
            <el-form-item label="建议内容" prop="content">
              <editor v-model="form.content" :min-height="192"/>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="承办单位" prop="undertakeDeptId">
              <el-select v-model="form.undertakeDeptId" placeholder="请选择承办单位" clearable filterable>
                <el-option v-for="d in unitOptions" :key="d.deptId" :label="d.deptName" :value="d.deptId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="协办单位" prop="assistDeptIds">
              <el-select v-model="form.assistDeptIds" multiple filterable placeholder="请选择协办单位">
                <el-option v-for="d in unitOptions" :key="d.deptId" :label="d.deptName" :value="d.deptId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12">
            <el-form-item label="办理状态" prop="status">
              <el-select v-model="form.status" placeholder="请选择办理状态">
                <el-option v-for="dict in rd_suggestion_status" :key="dict.value" :label="dict.label" :value="dict.value" />
              </el-select>
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
// RuoYi-Vue3's main.js registers every Element Plus icon and its Editor as global components.
for (const [key, component] of Object.entries(ElementPlusIconsVue)) app.component(key, component as never);
app.component('Editor', Editor);
app.use(ElementPlus as never).mount('#app');
