// 培训会议登记 as a low-code form: the whole form is form-create JSON rules rendered with
// Element Plus (@form-create/element-ui 3). Date-times keep seconds; courses are a repeating
// group (subform rows added with "+").
import { createApp, ref } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import formCreate from '@form-create/element-ui';

const ROSTER = ['王建国', '李秀英', '陈志强', '刘桂兰', '赵德明', '孙丽华', '周宏伟', '吴海燕', '马玉梅', '林永福', '高建军', '郑国平'];
const req = (m: string) => [{ required: true, message: m, trigger: 'change' }];
const col = (span: number) => ({ span });

const rule = [
  { type: 'input', field: 'hymc', title: '会议名称', value: '', validate: req('请输入会议名称'), col: col(24) },
  { type: 'DatePicker', field: 'kssj', title: '开始时间', value: '', props: { type: 'datetime', valueFormat: 'YYYY-MM-DD HH:mm:ss', format: 'YYYY-MM-DD HH:mm:ss' }, validate: req('请选择开始时间'), col: col(12) },
  { type: 'DatePicker', field: 'jssj', title: '结束时间', value: '', props: { type: 'datetime', valueFormat: 'YYYY-MM-DD HH:mm:ss', format: 'YYYY-MM-DD HH:mm:ss' }, col: col(12) },
  { type: 'input', field: 'hydd', title: '会议地点', value: '', validate: req('请输入会议地点'), col: col(12) },
  { type: 'input', field: 'zcr', title: '主持人', value: '', col: col(12) },
  { type: 'input', field: 'zjr', title: '主讲人', value: '', col: col(12) },
  { type: 'input', field: 'jlr', title: '记录人', value: '', validate: req('请输入记录人'), col: col(12) },
  { type: 'select', field: 'cxry', title: '参训人员', value: [], props: { multiple: true, filterable: true, placeholder: '请选择参训代表' },
    options: ROSTER.map((n) => ({ label: n, value: n })), validate: [{ required: true, type: 'array', min: 1, message: '请选择参训人员', trigger: 'change' }], col: col(24) },
  { type: 'group', field: 'kcap', title: '课程安排', value: [], props: { expand: 0, rule: [
    { type: 'input', field: 'kc', title: '课程', col: col(24) },
    { type: 'input', field: 'skr', title: '授课人', col: col(12) },
    { type: 'inputNumber', field: 'xs', title: '学时', props: { min: 0, max: 24 }, col: col(12) },
  ] }, col: col(24) },
  { type: 'inputNumber', field: 'hjxs', title: '合计学时', value: null, props: { min: 0, max: 100 }, col: col(12) },
  { type: 'switch', field: 'jrda', title: '计入履职档案', value: false, col: col(12) },
  { type: 'input', field: 'pxqk', title: '培训情况', value: '', props: { type: 'textarea', rows: 4 }, validate: req('请填写培训情况'), col: col(24) },
  { type: 'input', field: 'fs', title: '发送', value: '', col: col(16) },
  { type: 'DatePicker', field: 'yfrq', title: '印发日期', value: '', props: { type: 'date', valueFormat: 'YYYY-MM-DD' }, col: col(8) },
];

const App = {
  setup() {
    const fapi = ref<{ validate(): Promise<unknown>; submit(): void } | null>(null);
    const value = ref<Record<string, unknown>>({});
    const option = { form: { labelWidth: '110px', labelPosition: 'right' }, row: { gutter: 16 }, submitBtn: { innerText: '保存' }, resetBtn: false, onSubmit: () => undefined };
    const validate = async () => {
      try {
        await fapi.value!.validate();
        return { ok: true, errors: [] };
      } catch {
        await new Promise((r) => setTimeout(r, 50));
        return { ok: false, errors: Array.from(document.querySelectorAll('.el-form-item__error')).map((e) => (e.textContent ?? '').trim()) };
      }
    };
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => JSON.parse(JSON.stringify(value.value, (_k, v) => (v === undefined ? null : v))),
      submit: validate,
    };
    return { fapi, value, rule, option, zhCn };
  },
  template: `<el-config-provider :locale="zhCn"><div class="page"><h2>培训会议登记</h2><form-create v-model:api="fapi" v-model="value" :rule="rule" :option="option" /></div></el-config-provider>`,
};

// Element Plus / form-create are typed against another Vue copy of the workspace (see build.ts).
createApp(App).use(ElementPlus as never).use(formCreate as never).mount('#app');
