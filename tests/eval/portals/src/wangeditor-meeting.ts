// 会议纪要 list page of a Vue 3 + Element Plus admin in the manner of pig-ui / vue-element-plus-admin,
// with its 新增 dialog open, as the clerk clicked 新增. The list (search form, toolbar, el-table,
// pagination) and the dialog written as pig's code generator writes index.vue and form.vue:
// `<el-dialog v-model="visible" :close-on-click-modal="false" draggable>` holding
// `<el-form ref="dataFormRef" :model="form" :rules="dataRules" label-width="90px">` of
// `<el-col :span="12" class="mb20">` items, dicts as { label, value } with codes, users by id from
// the user service, `dataFormRef.value.validate()` before the post.
// The two long fields — 会议内容 and 议定事项 — are the admin's src/components/Editor (after
// vue-element-plus-admin's Editor.vue): wangEditor 5 through @wangeditor/editor-for-vue, a
// Toolbar over an Editor whose `v-model` is the HTML (valueHtml, watched both ways against the
// component's own modelValue), the editor instance kept in a shallowRef from @onCreated, destroyed
// before unmount. The form model therefore holds wangEditor's HTML (`<p>…</p><p>…</p>`, an empty
// editor `<p><br></p>`); 会议内容 is required with a validator that treats the empty paragraph as
// empty, as such pages add (a plain `required` passes `<p><br></p>`).
// Labels follow 会议纪要 registrations of township congress presidiums (会议名称, 会议类型, 开始时间,
// 结束时间, 会议地点, 主持人, 出席人员, 出席人数, 列席人员, 记录人, 会议内容, 议定事项, 纪要编号, 印发日期).
import { createApp, defineComponent, nextTick, onBeforeUnmount, reactive, ref, shallowRef, watch, type PropType } from 'vue';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import * as ElementPlusIconsVue from '@element-plus/icons-vue';
import { Editor as WangEditor, Toolbar } from '@wangeditor/editor-for-vue';
import type { IDomEditor, IEditorConfig } from '@wangeditor/editor';
import '@wangeditor/editor/dist/css/style.css';

// ------------------------------------------------------------ src/components/Editor/src/Editor.vue
const Editor = defineComponent({
  name: 'Editor',
  components: { WangEditor, Toolbar },
  props: {
    editorId: { type: String, default: 'wangeEditor-1' },
    height: { type: [Number, String], default: '500px' },
    editorConfig: { type: Object as PropType<Partial<IEditorConfig>>, default: () => undefined },
    modelValue: { type: String, default: '' },
  },
  emits: ['change', 'update:modelValue'],
  setup(props, { emit, expose }) {
    // 编辑器实例，必须用 shallowRef
    const editorRef = shallowRef<IDomEditor>();
    const valueHtml = ref('');
    watch(() => props.modelValue, (val: string) => {
      if (val === valueHtml.value) return;
      valueHtml.value = val;
    });
    // 监听
    watch(() => valueHtml.value, (val: string) => { emit('update:modelValue', val); });
    const handleCreated = (editor: IDomEditor) => {
      editorRef.value = editor;
      valueHtml.value = props.modelValue;
    };
    // 编辑器配置
    const config: Partial<IEditorConfig> = Object.assign({ readOnly: false, autoFocus: false, scroll: true, placeholder: '请输入内容...' }, props.editorConfig || {});
    const customAlert = (s: string, t: string) => {
      if (t === 'success') ElMessage.success(s);
      else if (t === 'warning') ElMessage.warning(s);
      else if (t === 'error') ElMessage.error(s);
      else ElMessage.info(s);
    };
    const editorStyle = { height: typeof props.height === 'number' ? `${props.height}px` : props.height, overflowY: 'hidden' };
    // 回调函数
    const handleChange = (editor: IDomEditor) => { emit('change', editor); };
    // 组件销毁时，及时销毁编辑器
    onBeforeUnmount(() => { editorRef.value?.destroy(); });
    const getEditorRef = async (): Promise<IDomEditor> => { await nextTick(); return editorRef.value as IDomEditor; };
    expose({ getEditorRef });
    return { editorRef, valueHtml, config, editorStyle, handleCreated, handleChange, customAlert };
  },
  template: `
  <div class="editor-box">
    <!-- 工具栏 -->
    <Toolbar :editor="editorRef" mode="default" class="editor-toolbar" />
    <!-- 编辑器 -->
    <WangEditor v-model="valueHtml" mode="default" :defaultConfig="config" :style="editorStyle"
      @onChange="handleChange" @onCreated="handleCreated" @customAlert="customAlert" />
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

// useDict('meeting_type') of the admin's dict service.
const MEETING_TYPES = [['1', '人民代表大会'], ['2', '主席团会议'], ['3', '党委扩大会议'], ['4', '建议交办会'], ['5', '代表培训会'], ['9', '其他会议']].map(([value, label]) => ({ value, label }));
// the user service's list (sys_user of the town's congress office and presidium), by user_id.
const USERS: Array<[number, string]> = [[101, '王建国'], [102, '李秀英'], [103, '陈志强'], [104, '刘桂兰'], [105, '赵德明'], [106, '孙丽华'], [107, '周宏伟'],
  [108, '吴海燕'], [109, '黄立新'], [110, '何春生'], [111, '马玉梅'], [112, '林永福'], [113, '高建军'], [114, '郑国平'], [120, '徐静']];

interface MinutesForm {
  id: string | null; meetingName: string; meetingType: string; startTime: string; endTime: string; meetingPlace: string; hostId: number | null;
  attendeeIds: number[]; attendeeNum: number | undefined; observers: string; recorder: string; content: string; decisions: string;
  minutesNo: string; issueDate: string;
}
type Cb = (e?: Error) => void;

const App = {
  setup() {
    const visible = ref(false);
    const dataFormRef = ref<{ validate(): Promise<unknown>; resetFields(): void } | null>(null);
    const state = reactive({
      queryForm: { meetingName: '', meetingType: '' },
      dataList: [
        { id: '1796023451234567170', meetingName: '青山镇人大主席团2025年5月份例会', meetingType: '2', startTime: '2025-05-08 08:30:00', meetingPlace: '青山镇人大主席团会议室', recorder: '徐静' },
        { id: '1786541237896541185', meetingName: '青山镇2025年代表建议交办会', meetingType: '4', startTime: '2025-04-10 14:30:00', meetingPlace: '镇政府三楼会议室', recorder: '徐静' },
      ],
    });
    const empty = (): MinutesForm => ({
      id: null, meetingName: '', meetingType: '', startTime: '', endTime: '', meetingPlace: '', hostId: null, attendeeIds: [], attendeeNum: undefined,
      observers: '', recorder: '', content: '', decisions: '', minutesNo: '', issueDate: '',
    });
    const form = reactive<MinutesForm>(empty());
    const blankHtml = (v: string) => htmlText(v) === '';
    const dataRules = ref({
      meetingName: [{ required: true, message: '会议名称不能为空', trigger: 'blur' }],
      meetingType: [{ required: true, message: '会议类型不能为空', trigger: 'change' }],
      startTime: [{ required: true, message: '开始时间不能为空', trigger: 'change' }],
      endTime: [{ validator: (_r: unknown, v: string, cb: Cb) => cb(v && form.startTime && v <= form.startTime ? new Error('结束时间应晚于开始时间') : undefined), trigger: 'change' }],
      meetingPlace: [{ required: true, message: '会议地点不能为空', trigger: 'blur' }],
      hostId: [{ required: true, message: '主持人不能为空', trigger: 'change' }],
      attendeeIds: [{ required: true, type: 'array', min: 1, message: '出席人员不能为空', trigger: 'change' }],
      attendeeNum: [{ validator: (_r: unknown, v: number | undefined, cb: Cb) => {
        if (v == null) return cb(new Error('出席人数不能为空'));
        cb(v !== form.attendeeIds.length ? new Error('出席人数与出席人员不一致') : undefined);
      }, trigger: 'blur' }],
      recorder: [{ required: true, message: '记录人不能为空', trigger: 'blur' }],
      content: [{ required: true, validator: (_r: unknown, v: string, cb: Cb) => cb(blankHtml(v) ? new Error('会议内容不能为空') : undefined), trigger: 'blur' }],
      issueDate: [{ validator: (_r: unknown, v: string, cb: Cb) => cb(v && form.startTime && v < form.startTime.slice(0, 10) ? new Error('印发日期不能早于会议日期') : undefined), trigger: 'change' }],
    });
    const userList = USERS.map(([userId, name]) => ({ userId, name }));
    const typeLabel = Object.fromEntries(MEETING_TYPES.map((d) => [d.value, d.label]));

    // 打开弹窗
    const openDialog = (id?: string) => {
      visible.value = true;
      Object.assign(form, empty(), { id: id ?? null });
      void nextTick(() => dataFormRef.value?.resetFields());
    };
    const validate = async (): Promise<{ ok: boolean; errors: string[] }> => {
      try {
        await dataFormRef.value!.validate();
        return { ok: true, errors: [] };
      } catch (fields) {
        return { ok: false, errors: Object.values((fields ?? {}) as Record<string, Array<{ message: string }>>).flatMap((es) => es.map((e) => e.message)) };
      }
    };
    // 提交
    const onSubmit = async () => {
      const r = await validate();
      if (!r.ok) return;
      (window as unknown as { lastPost: unknown }).lastPost = JSON.parse(JSON.stringify(form));
      ElMessage.success('添加成功');
      visible.value = false;
    };

    (window as unknown as { __portal: unknown }).__portal = {
      // The dialog's model as onSubmit posts it (addObj(form)); the rich-text fields' HTML read
      // as plain text (one line per paragraph), the row id left out.
      state: () => {
        const f = JSON.parse(JSON.stringify(form, (_k, v) => (v === undefined ? null : v))) as Record<string, unknown>;
        delete f['id'];
        f['content'] = htmlText(form.content);
        f['decisions'] = htmlText(form.decisions);
        return f;
      },
      submit: validate,
    };
    openDialog();
    return { visible, dataFormRef, state, form, dataRules, userList, meetingTypes: MEETING_TYPES, typeLabel, openDialog, onSubmit, zhCn };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="layout-padding">
    <div class="layout-padding-auto layout-padding-view">
      <el-row class="ml10">
        <el-form :inline="true" :model="state.queryForm" ref="queryRef">
          <el-form-item label="会议名称" prop="meetingName">
            <el-input placeholder="请输入会议名称" v-model="state.queryForm.meetingName" />
          </el-form-item>
          <el-form-item label="会议类型" prop="meetingType">
            <el-select placeholder="请选择会议类型" v-model="state.queryForm.meetingType" clearable style="width: 180px">
              <el-option v-for="item in meetingTypes" :key="item.value" :label="item.label" :value="item.value" />
            </el-select>
          </el-form-item>
          <el-form-item>
            <el-button icon="search" type="primary">查询</el-button>
            <el-button icon="Refresh">重置</el-button>
          </el-form-item>
        </el-form>
      </el-row>
      <el-row>
        <div class="mb8" style="width: 100%">
          <el-button icon="folder-add" type="primary" class="ml10" @click="openDialog()">新 增</el-button>
          <el-button plain disabled icon="Delete" type="primary" class="ml10">删除</el-button>
        </div>
      </el-row>
      <el-table :data="state.dataList" border>
        <el-table-column type="selection" width="40" align="center" />
        <el-table-column type="index" label="#" width="40" />
        <el-table-column prop="meetingName" label="会议名称" show-overflow-tooltip />
        <el-table-column prop="meetingType" label="会议类型" width="120">
          <template #default="scope">{{ typeLabel[scope.row.meetingType] }}</template>
        </el-table-column>
        <el-table-column prop="startTime" label="开始时间" width="170" />
        <el-table-column prop="meetingPlace" label="会议地点" show-overflow-tooltip />
        <el-table-column prop="recorder" label="记录人" width="90" />
        <el-table-column label="操作" width="150">
          <template #default><el-button icon="edit-pen" text type="primary">编辑</el-button><el-button icon="delete" text type="primary">删除</el-button></template>
        </el-table-column>
      </el-table>
      <div class="pagination"><el-pagination background layout="total, sizes, prev, pager, next, jumper" :total="2" /></div>
    </div>

    <el-dialog :title="form.id ? '编辑' : '新增'" v-model="visible" width="960px" :close-on-click-modal="false" draggable>
      <el-form ref="dataFormRef" :model="form" :rules="dataRules" label-width="90px">
        <el-row :gutter="24">
          <el-col :span="24" class="mb20">
            <el-form-item label="会议名称" prop="meetingName">
              <el-input v-model="form.meetingName" placeholder="请输入会议名称" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="会议类型" prop="meetingType">
              <el-select v-model="form.meetingType" placeholder="请选择会议类型">
                <el-option v-for="item in meetingTypes" :key="item.value" :label="item.label" :value="item.value" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="会议地点" prop="meetingPlace">
              <el-input v-model="form.meetingPlace" placeholder="请输入会议地点" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="开始时间" prop="startTime">
              <el-date-picker type="datetime" placeholder="请选择开始时间" v-model="form.startTime" format="YYYY-MM-DD HH:mm:ss" value-format="YYYY-MM-DD HH:mm:ss" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="结束时间" prop="endTime">
              <el-date-picker type="datetime" placeholder="请选择结束时间" v-model="form.endTime" format="YYYY-MM-DD HH:mm:ss" value-format="YYYY-MM-DD HH:mm:ss" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="主持人" prop="hostId">
              <el-select v-model="form.hostId" placeholder="请选择主持人" filterable clearable>
                <el-option v-for="item in userList" :key="item.userId" :label="item.name" :value="item.userId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="记录人" prop="recorder">
              <el-input v-model="form.recorder" placeholder="请输入记录人" />
            </el-form-item>
          </el-col>
          <el-col :span="24" class="mb20">
            <el-form-item label="出席人员" prop="attendeeIds">
              <el-select v-model="form.attendeeIds" placeholder="请选择出席人员" multiple filterable>
                <el-option v-for="item in userList" :key="item.userId" :label="item.name" :value="item.userId" />
              </el-select>
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="出席人数" prop="attendeeNum">
              <el-input-number v-model="form.attendeeNum" :min="1" :max="100" controls-position="right" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="列席人员" prop="observers">
              <el-input v-model="form.observers" placeholder="多人请用顿号分隔" />
            </el-form-item>
          </el-col>
          <el-col :span="24" class="mb20">
            <el-form-item label="会议内容" prop="content">
              <Editor v-model="form.content" editorId="editor-content" :height="260" />
            </el-form-item>
          </el-col>
          <el-col :span="24" class="mb20">
            <el-form-item label="议定事项" prop="decisions">
              <Editor v-model="form.decisions" editorId="editor-decisions" :height="200" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="纪要编号" prop="minutesNo">
              <el-input v-model="form.minutesNo" placeholder="请输入纪要编号" />
            </el-form-item>
          </el-col>
          <el-col :span="12" class="mb20">
            <el-form-item label="印发日期" prop="issueDate">
              <el-date-picker type="date" placeholder="请选择印发日期" v-model="form.issueDate" value-format="YYYY-MM-DD" />
            </el-form-item>
          </el-col>
        </el-row>
      </el-form>
      <template #footer>
        <span class="dialog-footer">
          <el-button @click="visible = false">取消</el-button>
          <el-button type="primary" @click="onSubmit">确认</el-button>
        </span>
      </template>
    </el-dialog>
  </div>
  </el-config-provider>`,
};

const app = createApp(App);
for (const [key, component] of Object.entries(ElementPlusIconsVue)) app.component(key, component as never);
app.component('Editor', Editor);
app.use(ElementPlus as never).mount('#app');
