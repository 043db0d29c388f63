// 代表建议登记 on a township congress office's platform whose forms are made with VForm 3
// (variant-form, the `vform3-builds` 3.0.10 package from the registry) on Vue 3 + Element Plus:
// the form is the JSON the designer exports (widgetList of card and grid containers holding
// input / textarea / radio / select / date / number / switch widgets, every option the designer
// writes, field names set by the developer), rendered with
// `<v-form-render :form-json :form-data :option-data ref="vFormRef">` as VForm's README shows.
// The deputies come in `optionData` (the page loads them from the roster service before it
// renders), dict codes are written into the widgets' optionItems. Dates keep the designer's
// default `editable: false` (a read-only input, picked in the panel). Rules: the designer's
// required / requiredHint, the built-in `mobilePhone` validation, and `onValidate` code for what
// required cannot check (an empty multiple select passes `required`; 附议人数 against the
// 附议代表 chosen). The 提交 button calls `getFormData()` (validates, rejects when invalid).
// Labels follow township 代表建议 registration forms (建议编号, 届次, 建议标题, 建议类型,
// 建议类别, 提出时段, 提出日期, 领衔代表, 联系电话, 工作单位, 附议代表, 附议人数, 建议理由,
// 建议内容, 承办单位, 协办单位, 办理方式, 答复期限, 重点建议, 是否公开, 登记人, 备注).
import { createApp, reactive, ref } from 'vue';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import VForm3Render from 'vform3-builds/dist/render.umd.js';
import 'vform3-builds/dist/render.style.css';

type Opts = Record<string, unknown>;
interface Widget { type: string; id: string; options: Opts; [k: string]: unknown }

// ---- the designer's widget defaults (what an exported JSON carries for every widget)
const FIELD_COMMON = {
  labelAlign: '', columnWidth: '200px', size: '', labelWidth: null, labelHidden: false, disabled: false, hidden: false,
  required: false, requiredHint: '', validation: '', validationHint: '', customClass: '', labelIconClass: null, labelIconPosition: 'rear',
  labelTooltip: null, onCreated: '', onMounted: '', onChange: '', onValidate: '',
};
const DEFAULTS: Record<string, Opts> = {
  input: { type: 'text', defaultValue: '', placeholder: '', readonly: false, clearable: true, showPassword: false, minLength: null, maxLength: null,
    showWordLimit: false, prefixIcon: '', suffixIcon: '', appendButton: false, appendButtonDisabled: false, buttonIcon: 'custom-search', onInput: '',
    onFocus: '', onBlur: '', onAppendButtonClick: '' },
  textarea: { rows: 3, defaultValue: '', placeholder: '', readonly: false, minLength: null, maxLength: null, showWordLimit: false, onInput: '', onFocus: '', onBlur: '' },
  number: { defaultValue: 0, placeholder: '', min: -100000000000, max: 100000000000, precision: 0, step: 1, controlsPosition: 'right', onFocus: '', onBlur: '' },
  radio: { defaultValue: null, displayStyle: 'inline', buttonStyle: false, border: false, optionItems: [] },
  select: { defaultValue: '', placeholder: '', clearable: true, filterable: false, allowCreate: false, remote: false, automaticDropdown: false, multiple: false,
    multipleLimit: 0, optionItems: [], onRemoteQuery: '', onFocus: '', onBlur: '' },
  date: { type: 'date', defaultValue: null, placeholder: '', autoFullWidth: true, readonly: false, clearable: true, editable: false, format: 'YYYY-MM-DD',
    valueFormat: 'YYYY-MM-DD', onFocus: '', onBlur: '' },
  switch: { defaultValue: null, switchWidth: 40, activeText: '', inactiveText: '', activeColor: null, inactiveColor: null },
};
const ICONS: Record<string, string> = { input: 'text-field', textarea: 'textarea-field', number: 'number-field', radio: 'radio-field', select: 'select-field', date: 'date-field', switch: 'switch-field' };
let seq = 0;
const uid = () => String(10000 + (seq += 7919) % 89999);

function field(type: string, name: string, label: string, options: Opts = {}): Widget {
  return { type, icon: ICONS[type], formItemFlag: true, options: { name, label, ...FIELD_COMMON, ...DEFAULTS[type], ...options }, id: `${type}${uid()}` };
}
function col(span: number, ...widgets: Widget[]): Widget {
  const id = `grid-col-${uid()}`;
  return { type: 'grid-col', category: 'container', icon: 'grid-col', internal: true, widgetList: widgets,
    options: { name: `gridCol${id.slice(9)}`, hidden: false, span, offset: 0, push: 0, pull: 0, responsive: false, md: 12, sm: 12, xs: 12, customClass: '' }, id };
}
function grid(...cols: Widget[]): Widget {
  const id = `grid${uid()}`;
  return { type: 'grid', category: 'container', icon: 'grid', cols, options: { name: id, hidden: false, gutter: 12, colHeight: null, customClass: '' }, id };
}
function card(label: string, ...widgetList: Widget[]): Widget {
  const id = `card${uid()}`;
  return { type: 'card', category: 'container', icon: 'card', widgetList, options: { name: id, label, hidden: false, folded: false, showFold: true, cardWidth: '100%', shadow: 'never', customClass: '' }, id };
}
const items = (rows: Array<[string, string]>) => rows.map(([value, label]) => ({ label, value }));
const req = (hint: string): Opts => ({ required: true, requiredHint: hint });

// 承办单位 / 协办单位: the town's units by org code (the platform's unit table).
const UNITS = items([
  ['QS0101', '青山镇党政办公室'], ['QS0102', '青山镇经济发展办公室'], ['QS0103', '青山镇农业农村服务中心'], ['QS0104', '青山镇村镇建设办公室'],
  ['QS0105', '青山镇社会事业服务中心'], ['QS0106', '青山镇财政所'], ['QS0107', '青山镇水利站'], ['QS0108', '青山镇交通管理站'],
  ['QS0109', '青山镇自然资源所'], ['QS0110', '青山镇市场监督管理所'], ['QS0121', '青山派出所'], ['QS0122', '青山供电所'],
]);
// The roster service's deputies (id, name), handed to the render as optionData.
const DEPUTIES = [[3101, '王建国'], [3102, '李秀英'], [3103, '陈志强'], [3104, '刘桂兰'], [3105, '赵德明'], [3106, '孙丽华'], [3107, '周宏伟'],
  [3108, '吴海燕'], [3109, '黄立新'], [3110, '何春生'], [3111, '马玉梅'], [3112, '林永福'], [3113, '高建军'], [3114, '郑国平']].map(([value, label]) => ({ value, label }));

const FYRS_CHECK = [
  "const list = this.getFormRef().getFieldValue('fydb') || [];",
  'if (value !== list.length) {',
  "  callback(new Error('附议人数与所选附议代表人数不一致'));",
  '} else {',
  '  callback();',
  '}',
].join('\n');
const FYDB_CHECK = "if (!value || value.length === 0) {\n  callback(new Error('请选择附议代表'));\n} else {\n  callback();\n}";

const formJson = reactive({
  widgetList: [
    card('建议基本信息',
      grid(
        col(12, field('input', 'jybh', '建议编号', { placeholder: '如：青人建〔2025〕1号' })),
        col(12, field('select', 'jc', '届次', { ...req('请选择届次'), optionItems: items([['17', '第十七届'], ['18', '第十八届'], ['19', '第十九届']]) })),
      ),
      grid(col(24, field('input', 'jybt', '建议标题', { ...req('请输入建议标题'), maxLength: 100, placeholder: '关于……的建议' }))),
      grid(
        col(12, field('radio', 'jylx', '建议类型', { ...req('请选择建议类型'), optionItems: items([['1', '建议'], ['2', '批评'], ['3', '意见']]) })),
        col(12, field('select', 'jylb', '建议类别', {
          ...req('请选择建议类别'),
          optionItems: items([['01', '经济发展'], ['02', '农业农村'], ['03', '城乡建设'], ['04', '交通运输'], ['05', '教育科技文化卫生'],
            ['06', '民政和社会保障'], ['07', '生态环境'], ['08', '政法和社会治理'], ['99', '其他']]),
        })),
      ),
      grid(
        col(12, field('radio', 'tcsd', '提出时段', { ...req('请选择提出时段'), optionItems: items([['1', '大会期间'], ['2', '闭会期间']]) })),
        col(12, field('date', 'tcrq', '提出日期', { ...req('请选择提出日期'), placeholder: '请选择日期' })),
      ),
    ),
    card('提出代表',
      grid(
        col(12, field('select', 'ldb', '领衔代表', { ...req('请选择领衔代表'), filterable: true, placeholder: '请选择领衔代表' })),
        col(12, field('input', 'lxdh', '联系电话', { validation: 'mobilePhone', validationHint: '请输入正确的手机号码' })),
      ),
      grid(col(24, field('input', 'gzdw', '工作单位'))),
      grid(
        col(16, field('select', 'fydb', '附议代表', { ...req('请选择附议代表'), multiple: true, filterable: true, placeholder: '请选择附议代表', onValidate: FYDB_CHECK })),
        col(8, field('number', 'fyrs', '附议人数', { min: 0, max: 100, onValidate: FYRS_CHECK })),
      ),
    ),
    card('建议内容',
      field('textarea', 'jyly', '建议理由', { rows: 4, placeholder: '存在的问题及原因' }),
      field('textarea', 'jynr', '建议内容', { ...req('请输入建议内容'), rows: 6, validation: '/^[\\s\\S]{10,}$/', validationHint: '建议内容不少于10个字' }),
    ),
    card('交办信息',
      grid(
        col(12, field('select', 'cbdw', '承办单位', { ...req('请选择承办单位'), filterable: true, optionItems: UNITS })),
        col(12, field('select', 'xbdw', '协办单位', { multiple: true, filterable: true, optionItems: UNITS })),
      ),
      grid(
        col(12, field('radio', 'blfs', '办理方式', { optionItems: items([['1', '单独办理'], ['2', '主协办'], ['3', '会办'], ['4', '分办']]) })),
        col(12, field('date', 'dfqx', '答复期限', { placeholder: '请选择日期' })),
      ),
      grid(
        col(12, field('switch', 'zdjy', '重点建议', { defaultValue: false })),
        col(12, field('radio', 'sfgk', '是否公开', { ...req('请选择是否公开'), optionItems: items([['1', '是'], ['0', '否']]) })),
      ),
      grid(col(12, field('input', 'djr', '登记人', req('请输入登记人')))),
      field('textarea', 'bz', '备注', { rows: 2 }),
    ),
  ],
  formConfig: {
    modelName: 'formData', refName: 'vForm', rulesName: 'rules', labelWidth: 110, labelPosition: 'left', size: '', labelAlign: 'label-right-align',
    cssCode: '', customClass: '', functions: '', layoutType: 'PC', jsonVersion: 3, onFormCreated: '', onFormMounted: '', onFormDataChange: '',
  },
});

interface VFormRef {
  getFormData(validate?: boolean): Record<string, unknown> | Promise<Record<string, unknown>>;
  resetForm(): void;
  $refs: { renderForm: { validate(cb: (valid: boolean, bad?: Record<string, Array<{ message: string }>>) => void): Promise<unknown> } };
}

const App = {
  setup() {
    const formData = reactive({});
    const optionData = reactive({ ldb: DEPUTIES, fydb: DEPUTIES });
    const vFormRef = ref<VFormRef | null>(null);

    /** Runs the form's own validation, with the messages its items show. */
    function validate(): Promise<{ ok: boolean; errors: string[] }> {
      const form = vFormRef.value!;
      return new Promise((resolve) => {
        void (form.getFormData() as Promise<unknown>).then(
          () => resolve({ ok: true, errors: [] }),
          () => {
            void form.$refs.renderForm.validate((_valid, bad) => resolve({ ok: false, errors: Object.values(bad ?? {}).flatMap((es) => es.map((e) => e.message)) }))
              .catch(() => undefined);
          },
        );
      });
    }
    function submitForm() {
      void validate().then((r) => {
        if (r.ok) {
          (window as unknown as { lastPost: unknown }).lastPost = JSON.parse(JSON.stringify(vFormRef.value!.getFormData(false)));
          ElMessage.success('登记成功');
        } else ElMessage.error('表单数据校验失败');
      });
    }
    function resetForm() { vFormRef.value!.resetForm(); }

    (window as unknown as { __portal: unknown }).__portal = {
      // The render's own model, as getFormData(false) hands it to the post.
      state: () => JSON.parse(JSON.stringify(vFormRef.value!.getFormData(false), (_k, v) => (v === undefined ? null : v))) as Record<string, unknown>,
      submit: validate,
    };
    return { formJson, formData, optionData, vFormRef, submitForm, resetForm, zhCn };
  },
  template: `
  <el-config-provider :locale="zhCn">
  <div class="page">
    <div class="page-title">代表建议登记</div>
    <v-form-render :form-json="formJson" :form-data="formData" :option-data="optionData" ref="vFormRef"></v-form-render>
    <div class="footer">
      <el-button type="primary" @click="submitForm">提 交</el-button>
      <el-button @click="resetForm">重 置</el-button>
    </div>
  </div>
  </el-config-provider>`,
};

const app = createApp(App);
app.use(ElementPlus as never);
app.use(VForm3Render as never);
// __portal is set in setup; the page is ready once the render has mounted.
app.mount('#app');
