// 人大代表视察（调研）登记 in the manner of a JeecgBoot 3 (Vue 3 + Ant Design Vue 4) system: the list
// page with its query form and the 新增 modal of Jeecg's generated "原生表单" (codegen template
// code-template-online/common/form/native/vue3NativeForm.ftl: Form.useForm(formData, validatorRules,
// { immediate: false }), `<a-form-item label v-bind="validateInfos.x" id="RdInspectForm-x" name="x">`,
// a-col span 12 in two columns, class antd-modal-form, 确定 / 关闭 in the footer).
// The long fields 视察情况 and 意见建议 are the codegen's `umeditor` type, rendered as
// `<j-editor v-model:value="formData.x" :autoFocus="false"/>`. JEditor is Jeecg's wrapper
// (src/components/Form/src/jeecg/components/JEditor.vue) over its Tinymce component
// (src/components/Tinymce/src/Editor.vue), which renders @tinymce/tinymce-vue's <Editor> in the
// default iframe mode and binds its own model events after init:
//   editor.on('change keyup undo redo', () => { emit('update:modelValue', html); emit('change', html) })
// JEditor turns the change into update:value and calls the form item's onFieldChange() in nextTick.
// So the form model holds the editor's HTML only once TinyMCE has fired one of those events; a
// setContent() alone leaves the model as it was. TinyMCE is bundled as Jeecg bundles it (core,
// silver theme, dom model, default icons and its simple plugin set imported), self-hosted: its
// skins are served from dist/vendor/tinymce (base_url + suffix '.min', license_key 'gpl').
// Jeecg ships a full zh_CN language pack in public/resource/tinymce/langs; this page registers
// the strings of its toolbar with tinymce.addI18n instead of downloading one.
// Other controls as Jeecg renders them on Ant Design Vue: JDictSelectTag (a-select of dict item
// codes), JSearchSelect over sys_user (value: username), JSelectMultiple over the deputy table
// (a-select mode multiple whose model is the comma-joined ids), JCheckbox (comma-joined codes),
// date pickers with value-format YYYY-MM-DD and show-time ones with YYYY-MM-DD HH:mm:ss, a-input-number.
// Labels follow 代表视察 registrations of township congresses (视察主题, 活动类型, 视察日期, 视察地点,
// 组织单位, 带队领导, 参加代表, 视察方式, 视察情况, 意见建议, 整改期限, 交办单位, 记录人, 填表日期).
import { computed, createApp, defineComponent, h, nextTick, reactive, ref, watch } from 'vue';
import Antd, { Form, Select, message } from 'ant-design-vue';
import zhCN from 'ant-design-vue/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import tinymce from 'tinymce/tinymce';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
import 'tinymce/models/dom';
import 'tinymce/plugins/fullscreen';
import 'tinymce/plugins/link';
import 'tinymce/plugins/lists';
import 'tinymce/plugins/preview';
import 'tinymce/plugins/image';
import Editor from '@tinymce/tinymce-vue';

dayjs.locale('zh-cn');

// The strings of the simple toolbar and the editing area (Jeecg loads langs/zh_CN.js for these).
tinymce.addI18n('zh_CN', {
  Undo: '撤销', Redo: '重做', Formats: '格式', Blocks: '块', Paragraph: '段落', 'Heading 1': '标题1', 'Heading 2': '标题2', 'Heading 3': '标题3',
  'Text color': '文字颜色', 'Font sizes': '字号', 'Font size {0}': '字号 {0}', Bold: '粗体', Italic: '斜体',
  'Align left': '左对齐', 'Align center': '居中对齐', 'Align right': '右对齐', Justify: '两端对齐',
  'Bullet list': '无序列表', 'Numbered list': '编号列表', 'Decrease indent': '减少缩进', 'Increase indent': '增加缩进',
  'Insert/edit image': '插入/编辑图片', 'Insert/edit link': '插入/编辑链接', Fullscreen: '全屏', Preview: '预览',
  'Rich Text Area': '富文本区域', 'Rich Text Area. Press ALT-0 for help.': '编辑区。按Alt+0键打开帮助。',
  'Press {0} for help': '按{0}键获取帮助', 'Reveal or hide additional toolbar items': '显示/隐藏额外的工具栏项目',
  'Words: {0}': '字数：{0}', Ok: '确定', Cancel: '取消', Close: '关闭', Save: '保存',
});

// ------------------------------------------------------------- Jeecg's Tinymce and JEditor

const simplePlugins = 'lists image link fullscreen';
const simpleToolbar = 'undo redo styles forecolor fontsize bold italic alignleft aligncenter alignright alignjustify bullist numlist outdent indent lists image link fullscreen';
const publicPath = location.pathname.replace(/[^/]*$/, '');
let uid = 0;

/** Jeecg's Tinymce (Editor.vue) on tinymce-vue's Editor, iframe mode. */
const Tinymce = defineComponent({
  name: 'Tinymce',
  inheritAttrs: false,
  props: { value: String, modelValue: String, height: { type: [Number, String], default: 400 }, autoFocus: { type: Boolean, default: true }, disabled: Boolean },
  emits: ['change', 'update:modelValue', 'inited'],
  setup(props, { emit }) {
    const tinymceId = `tiny-vue_${Date.now().toString(36)}${++uid}`;
    let editorRef: ReturnType<typeof tinymce.get> = null;
    const setValue = (val: unknown, prevVal?: unknown) => {
      const editor = editorRef;
      if (editor && typeof val === 'string' && val !== prevVal && val !== editor.getContent()) editor.setContent(val);
    };
    const initOptions = {
      selector: `#${tinymceId}`,
      height: props.height,
      toolbar: simpleToolbar,
      menubar: false,
      plugins: simplePlugins,
      base_url: publicPath + 'dist/vendor/tinymce',
      suffix: '.min',
      language: 'zh_CN',
      branding: false,
      promotion: false,
      default_link_target: '_blank',
      link_title: false,
      object_resizing: true,
      toolbar_mode: 'sliding',
      // Jeecg passes its autoFocus prop straight through; TinyMCE 8 takes only true or an editor id
      ...(props.autoFocus ? { auto_focus: true } : {}),
      content_css: publicPath + 'dist/vendor/tinymce/skins/ui/oxide/content.min.css',
      setup: (editor: NonNullable<typeof editorRef>) => {
        editorRef = editor;
        editor.on('init', () => {
          editor.setContent(props.modelValue || props.value || '');
          watch(() => props.modelValue, (val, prev) => setValue(val, prev));
          watch(() => props.value, (val, prev) => setValue(val, prev), { immediate: true });
          editor.on('change keyup undo redo', () => {
            const content = editor.getContent();
            emit('update:modelValue', content);
            emit('change', content);
          });
          emit('inited', editor);
        });
      },
    };
    return () => h('div', { class: 'jeecg-tinymce-container', style: { width: 'auto' } }, [
      h(Editor as never, { id: tinymceId, init: initOptions, licenseKey: 'gpl', disabled: props.disabled }),
    ]);
  },
});

/** Jeecg's JEditor: value in, change → update:value + the form item's onFieldChange. */
const JEditor = defineComponent({
  name: 'JEditor',
  inheritAttrs: false,
  props: { value: { type: String, default: '' }, disabled: Boolean, autoFocus: { type: Boolean, default: true } },
  emits: ['change', 'update:value'],
  setup(props, { emit, attrs }) {
    const formItemContext = Form.useInjectFormItemContext();
    const onChange = (value: string) => {
      emit('change', value);
      emit('update:value', value);
      nextTick(() => formItemContext?.onFieldChange());
    };
    return () => h(Tinymce, { ...attrs, value: props.value, disabled: props.disabled, autoFocus: props.autoFocus, height: 260, onChange });
  },
});

/** JSelectMultiple: a multiple a-select whose model is the comma-joined values. */
const JSelectMultiple = defineComponent({
  name: 'JSelectMultiple',
  props: { value: String, options: { type: Array, default: () => [] }, placeholder: { type: String, default: '请选择' } },
  emits: ['change', 'update:value'],
  setup(props, { emit }) {
    const arrayValue = computed(() => (props.value ? props.value.split(',') : []));
    const formItemContext = Form.useInjectFormItemContext();
    const onChange = (selected: string[]) => {
      const v = selected.join(',');
      emit('change', v);
      emit('update:value', v);
      formItemContext?.onFieldChange();
    };
    return () => h(Select as never, {
      value: arrayValue.value, mode: 'multiple', allowClear: true, showSearch: true, placeholder: props.placeholder,
      options: props.options, optionFilterProp: 'label', onChange,
    });
  },
});

// ------------------------------------------------------------- dictionaries

// sys_dict items (item_value → item_text).
const DICT = {
  rd_inspect_type: [['1', '视察'], ['2', '专题调研'], ['3', '执法检查'], ['4', '代表小组活动']],
  rd_inspect_method: [['1', '实地察看'], ['2', '听取汇报'], ['3', '座谈交流'], ['4', '查阅资料'], ['5', '走访群众'], ['6', '问卷调查']],
};
// JDictSelectTag dictCode="sys_depart,depart_name,org_code": the town's departments by org code.
const DEPARTS = [
  ['A01A01', '青山镇人大主席团'], ['A01A02', '青山镇党政办公室'], ['A01A03', '青山镇社会事业服务中心'], ['A01A04', '青山镇农业农村服务中心'],
  ['A01A05', '青山镇村镇建设办公室'], ['A01A06', '青山镇财政所'], ['A01A07', '青山镇民政办公室'], ['A01A08', '青山镇卫生院'],
  ['A01A09', '青山镇综合行政执法队'], ['A02', '泰兴市人大常委会'],
];
// JSearchSelect dict="sys_user,realname,username": the system's users.
const USERS = [
  ['admin', '管理员'], ['wangjg', '王建国'], ['zhanghua', '张华'], ['zhouhw', '周宏伟'], ['xujing', '徐静'], ['qianyk', '钱永康'],
];
// JSelectMultiple dictCode="rd_deputy,name,id": the town's deputies by their snowflake ids.
const DEPUTIES = [
  ['1780512468753715201', '王建国'], ['1780512468753715202', '李秀英'], ['1780512468753715203', '陈志强'], ['1780512468753715204', '刘桂兰'],
  ['1780512468753715205', '赵德明'], ['1780512468753715206', '孙丽华'], ['1780512468753715207', '周宏伟'], ['1780512468753715208', '吴海燕'],
  ['1780512468753715209', '黄立新'], ['1780512468753715210', '何春生'], ['1780512468753715211', '马玉梅'], ['1780512468753715212', '林永福'],
  ['1780512468753715213', '高建军'], ['1780512468753715214', '郑国平'],
];
const options = (rows: string[][]) => rows.map(([value, label]) => ({ value, label }));

/**
 * What a rich-text field says, as plain text: the HTML the form posts, read with DOMParser; each
 * block element (p, div, li, h1–h6 …) and each <br> ends a line; lines trimmed, empty and
 * &nbsp;-only lines dropped, joined with "\n".
 */
function htmlToText(html: string | undefined): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  const block = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE)$/;
  const lines: string[] = [];
  let cur = '';
  const flush = () => { lines.push(cur); cur = ''; };
  const walk = (node: Node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) cur += n.nodeValue ?? '';
      else if (n.nodeType === Node.ELEMENT_NODE) {
        const tag = (n as Element).tagName;
        if (tag === 'BR') { flush(); continue; }
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        const isBlock = block.test(tag);
        if (isBlock) flush();
        walk(n);
        if (isBlock) flush();
      }
    }
  };
  walk(doc.body);
  flush();
  return lines.map((l) => l.replace(/\u200b/g, '').replace(/\u00a0/g, ' ').trim()).filter(Boolean).join('\n');
}
const RICH = new Set(['findings', 'suggestions']);

const App = {
  components: { JEditor, JSelectMultiple },
  setup() {
    const open = ref(true);
    const queryParam = reactive({ inspectName: '', inspectType: undefined as string | undefined });
    // The model as Jeecg's form holds it; 填表日期 defaults to today.
    const formData = reactive({
      inspectName: '', inspectType: undefined as string | undefined, inspectDate: undefined as string | undefined,
      beginTime: undefined as string | undefined, endTime: undefined as string | undefined, inspectPlace: '',
      orgDepart: undefined as string | undefined, leader: undefined as string | undefined, deputyIds: '',
      deputyNum: undefined as number | undefined, inspectMethod: '', findings: '', suggestions: '',
      rectifyDeadline: undefined as string | undefined, handleDepart: undefined as string | undefined, recorder: '',
      fillDate: dayjs().format('YYYY-MM-DD'),
    });
    const deputyCount = () => (formData.deputyIds ? formData.deputyIds.split(',').length : 0);
    const validatorRules = reactive({
      inspectName: [{ required: true, message: '请输入视察主题!' }],
      inspectType: [{ required: true, message: '请选择活动类型!' }],
      inspectDate: [{ required: true, message: '请选择视察日期!' }],
      endTime: [{ validator: async (_r: unknown, v?: string) => { if (v && formData.beginTime && v < formData.beginTime) throw new Error('结束时间不能早于开始时间!'); } }],
      inspectPlace: [{ required: true, message: '请输入视察地点!' }],
      deputyIds: [{ required: true, message: '请选择参加代表!' }],
      deputyNum: [
        { required: true, message: '请输入参加人数!' },
        { validator: async (_r: unknown, v?: number) => { if (v != null && v !== deputyCount()) throw new Error('参加人数与所选参加代表不一致!'); } },
      ],
      findings: [{ required: true, message: '请输入视察情况!' }],
      suggestions: [{ required: true, message: '请输入意见建议!' }],
      rectifyDeadline: [{ validator: async (_r: unknown, v?: string) => { if (v && formData.inspectDate && v < formData.inspectDate) throw new Error('整改期限不能早于视察日期!'); } }],
      recorder: [{ required: true, message: '请输入记录人!' }],
    });
    const { validate, validateInfos } = Form.useForm(formData, validatorRules, { immediate: false });
    // JCheckbox: the model is the comma-joined codes, the group works on an array.
    const methodArray = computed({
      get: () => (formData.inspectMethod ? formData.inspectMethod.split(',') : []),
      set: (v: string[]) => { formData.inspectMethod = v.join(','); },
    });
    const check = async () => {
      try {
        await validate();
        return { ok: true, errors: [] as string[] };
      } catch (e) {
        const fields = (e as { errorFields?: Array<{ errors: string[] }> }).errorFields ?? [];
        return { ok: false, errors: fields.flatMap((f) => f.errors) };
      }
    };
    const handleOk = async () => {
      const r = await check();
      if (r.ok) message.success('添加成功！');
    };
    (window as unknown as { __portal: unknown }).__portal = {
      // The form model as handleOk posts it; the JEditor fields' HTML read as plain text (htmlToText).
      state: () => {
        const plain = JSON.parse(JSON.stringify(formData, (_k, v) => (v === undefined ? null : v))) as Record<string, unknown>;
        for (const k of RICH) plain[k] = htmlToText(plain[k] as string);
        return plain;
      },
      submit: check,
    };
    return {
      zhCN, open, queryParam, formData, validateInfos, methodArray, handleOk,
      inspectTypes: options(DICT.rd_inspect_type), methods: options(DICT.rd_inspect_method), departs: options(DEPARTS),
      users: options(USERS), deputies: options(DEPUTIES),
      labelCol: { xs: { span: 24 }, sm: { span: 6 } }, wrapperCol: { xs: { span: 24 }, sm: { span: 16 } },
      labelColWide: { xs: { span: 24 }, sm: { span: 3 } }, wrapperColWide: { xs: { span: 24 }, sm: { span: 20 } },
    };
  },
  template: `
  <a-config-provider :locale="zhCN">
  <div class="jeecg-basic-table-form-container">
    <a-form :model="queryParam" :label-col="{ span: 6 }" :wrapper-col="{ span: 18 }">
      <a-row :gutter="24">
        <a-col :lg="8"><a-form-item label="视察主题" name="inspectName"><a-input v-model:value="queryParam.inspectName" placeholder="请输入视察主题" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-form-item label="活动类型" name="inspectType"><a-select v-model:value="queryParam.inspectType" :options="inspectTypes" placeholder="请选择活动类型" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-space><a-button type="primary">查询</a-button><a-button>重置</a-button></a-space></a-col>
      </a-row>
    </a-form>
  </div>
  <div class="table-wrap">
    <a-space style="margin-bottom:8px"><a-button type="primary" @click="open = true">新增</a-button><a-button>导出</a-button><a-button>导入</a-button></a-space>
    <a-table size="middle" bordered :pagination="false" row-key="id"
      :data-source="[{ id: 1, inspectName: '视察全镇中小学校园及周边安全工作', inspectType: '视察', inspectDate: '2024-09-12', recorder: '徐静' }, { id: 2, inspectName: '视察全镇农村饮水安全工程建设和管护情况', inspectType: '视察', inspectDate: '2024-06-18', recorder: '徐静' }]"
      :columns="[{ title: '视察主题', dataIndex: 'inspectName' }, { title: '活动类型', dataIndex: 'inspectType', width: 100 }, { title: '视察日期', dataIndex: 'inspectDate', width: 120 }, { title: '记录人', dataIndex: 'recorder', width: 100 }]" />
  </div>
  <a-modal v-model:open="open" title="视察调研登记 - 新增" :width="1100" :mask-closable="false" ok-text="确定" cancel-text="关闭" @ok="handleOk">
    <a-form class="antd-modal-form" :label-col="labelCol" :wrapper-col="wrapperCol">
      <a-row>
        <a-col :span="24">
          <a-form-item label="视察主题" v-bind="validateInfos.inspectName" id="RdInspectForm-inspectName" name="inspectName" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-input v-model:value="formData.inspectName" placeholder="请输入视察主题" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="活动类型" v-bind="validateInfos.inspectType" id="RdInspectForm-inspectType" name="inspectType">
            <a-select v-model:value="formData.inspectType" :options="inspectTypes" placeholder="请选择活动类型" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="视察日期" v-bind="validateInfos.inspectDate" id="RdInspectForm-inspectDate" name="inspectDate">
            <a-date-picker placeholder="请选择视察日期" v-model:value="formData.inspectDate" value-format="YYYY-MM-DD" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="开始时间" v-bind="validateInfos.beginTime" id="RdInspectForm-beginTime" name="beginTime">
            <a-date-picker placeholder="请选择开始时间" v-model:value="formData.beginTime" show-time value-format="YYYY-MM-DD HH:mm:ss" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="结束时间" v-bind="validateInfos.endTime" id="RdInspectForm-endTime" name="endTime">
            <a-date-picker placeholder="请选择结束时间" v-model:value="formData.endTime" show-time value-format="YYYY-MM-DD HH:mm:ss" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="视察地点" v-bind="validateInfos.inspectPlace" id="RdInspectForm-inspectPlace" name="inspectPlace">
            <a-input v-model:value="formData.inspectPlace" placeholder="请输入视察地点" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="组织单位" v-bind="validateInfos.orgDepart" id="RdInspectForm-orgDepart" name="orgDepart">
            <a-select v-model:value="formData.orgDepart" :options="departs" placeholder="请选择组织单位" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="带队领导" v-bind="validateInfos.leader" id="RdInspectForm-leader" name="leader">
            <a-select v-model:value="formData.leader" :options="users" show-search option-filter-prop="label" placeholder="请选择带队领导" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="参加人数" v-bind="validateInfos.deputyNum" id="RdInspectForm-deputyNum" name="deputyNum">
            <a-input-number v-model:value="formData.deputyNum" :min="0" placeholder="请输入参加人数" style="width: 100%" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="参加代表" v-bind="validateInfos.deputyIds" id="RdInspectForm-deputyIds" name="deputyIds" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <j-select-multiple v-model:value="formData.deputyIds" :options="deputies" placeholder="请选择参加代表" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="视察方式" v-bind="validateInfos.inspectMethod" id="RdInspectForm-inspectMethod" name="inspectMethod" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-checkbox-group v-model:value="methodArray" :options="methods" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="视察情况" v-bind="validateInfos.findings" id="RdInspectForm-findings" name="findings" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <j-editor v-model:value="formData.findings" :autoFocus="false" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="意见建议" v-bind="validateInfos.suggestions" id="RdInspectForm-suggestions" name="suggestions" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <j-editor v-model:value="formData.suggestions" :autoFocus="false" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="整改期限" v-bind="validateInfos.rectifyDeadline" id="RdInspectForm-rectifyDeadline" name="rectifyDeadline">
            <a-date-picker placeholder="请选择整改期限" v-model:value="formData.rectifyDeadline" value-format="YYYY-MM-DD" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="交办单位" v-bind="validateInfos.handleDepart" id="RdInspectForm-handleDepart" name="handleDepart">
            <a-select v-model:value="formData.handleDepart" :options="departs" placeholder="请选择交办单位" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="记录人" v-bind="validateInfos.recorder" id="RdInspectForm-recorder" name="recorder">
            <a-input v-model:value="formData.recorder" placeholder="请输入记录人" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="填表日期" v-bind="validateInfos.fillDate" id="RdInspectForm-fillDate" name="fillDate">
            <a-date-picker placeholder="请选择填表日期" v-model:value="formData.fillDate" value-format="YYYY-MM-DD" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
      </a-row>
    </a-form>
  </a-modal>
  </a-config-provider>`,
};

// Antd is typed against the other Vue copy of the workspace (see build.ts), hence the casts.
createApp(App).use(Antd as never).mount('#app');
