// 来信登记 on TDesign Vue Next: labels above the controls, numeric radio values, a code-valued
// select, a multi-select of departments with codes, a switch.
import { createApp, reactive, ref } from 'vue';
import TDesign, { MessagePlugin } from 'tdesign-vue-next';
import 'tdesign-vue-next/es/style/index.css';

const SOURCES = ['群众直接来信', '网上来信', '上级交办', '代表转交', '其他'].map((l, i) => ({ label: l, value: String(i + 1) }));
const CATEGORIES = ['农村农业', '征地拆迁', '城乡建设', '劳动社保', '民政', '教育医疗', '环境保护', '涉法涉诉', '干部作风', '其他'].map((l) => ({ label: l, value: l }));
const DEPTS = [
  ['D01', '青山镇党政办公室'], ['D02', '青山镇农业农村服务中心'], ['D03', '青山镇村镇建设办公室'], ['D04', '青山镇社会事业局'],
  ['D05', '青山镇生态环境办公室'], ['D06', '青山镇综合行政执法队'], ['D07', '青山镇财政所'], ['D08', '青山派出所'],
].map(([value, label]) => ({ value: value!, label: label! }));

const REGIONS = [{ value: '321283', label: '泰兴市', children: [
  { value: '321283101', label: '青山镇', children: [{ value: '321283101201', label: '青山村' }, { value: '321283101202', label: '柳河村' }, { value: '321283101203', label: '东岗村' }, { value: '321283101001', label: '集镇社区' }] },
  { value: '321283102', label: '柳河镇', children: [{ value: '321283102201', label: '柳河村' }, { value: '321283102202', label: '新庄村' }] },
] }];

function idOk(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * w[i]!;
  return '10X98765432'[sum % 11] === v[17];
}

const App = {
  setup() {
    const formRef = ref();
    const form = reactive({
      djbh: '', sxrq: '', xjly: '', xxr: '', xb: undefined as number | undefined, sfzh: '', lxdh: '', jtzz: '', lmrs: undefined as number | undefined,
      sfnm: false, wtsd: '', fywt: '', wtlb: '', zynr: '', djr: '', zjbm: [] as string[], zbrq: '', blsx: '',
    });
    const req = (m: string) => [{ required: true, message: m, type: 'error' as const }];
    const rules = {
      djbh: req('登记编号必填'), sxrq: req('收信日期必填'), xjly: req('来信来源必填'), xxr: req('来信人必填'), fywt: req('反映问题必填'),
      wtlb: req('问题类别必填'), zynr: req('主要内容必填'),
      sfzh: [{ validator: (v: string) => !v || idOk(v), message: '身份证号码不正确', type: 'error' as const }],
      lxdh: [{ required: true, message: '联系电话必填', type: 'error' as const }, { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: '联系电话格式不正确', type: 'error' as const }],
    };
    const validate = async () => {
      const r = await formRef.value.validate();
      if (r === true) return { ok: true, errors: [] };
      return { ok: false, errors: Object.values(r as Record<string, Array<{ message: string }>>).flat().map((e) => e.message) };
    };
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => JSON.parse(JSON.stringify(form, (_k, v) => (v === undefined ? null : v))),
      submit: validate,
    };
    const onSubmit = async () => {
      const r = await validate();
      if (r.ok) MessagePlugin.success('登记成功');
      else MessagePlugin.warning(r.errors[0] ?? '');
    };
    return { formRef, form, rules, onSubmit, regions: REGIONS, sources: SOURCES, categories: CATEGORIES, depts: DEPTS, genders: [{ label: '男', value: 1 }, { label: '女', value: 2 }] };
  },
  template: `
  <div class="page">
    <div class="bar">青山镇人大主席团 · 来信来访管理</div>
    <t-card title="群众来信登记" :bordered="false">
      <t-form ref="formRef" :data="form" :rules="rules" label-align="top" :colon="false" @submit.prevent>
        <t-row :gutter="[24, 0]">
          <t-col :span="4"><t-form-item label="登记编号" name="djbh"><t-input v-model="form.djbh" placeholder="如：青人信〔2024〕1号" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="收信日期" name="sxrq"><t-date-picker v-model="form.sxrq" value-type="YYYY-MM-DD" allow-input style="width:100%" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="来信来源" name="xjly"><t-select v-model="form.xjly" :options="sources" placeholder="请选择" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="来信人姓名" name="xxr"><t-input v-model="form.xxr" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="性别" name="xb"><t-radio-group v-model="form.xb" :options="genders" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="是否匿名" name="sfnm"><t-switch v-model="form.sfnm" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="身份证号码" name="sfzh"><t-input v-model="form.sfzh" :maxlength="18" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="联系电话" name="lxdh"><t-input v-model="form.lxdh" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="联名人数" name="lmrs"><t-input-number v-model="form.lmrs" :min="1" theme="normal" style="width:100%" /></t-form-item></t-col>
          <t-col :span="12"><t-form-item label="家庭住址" name="jtzz"><t-input v-model="form.jtzz" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="问题属地" name="wtsd"><t-cascader v-model="form.wtsd" :options="regions" placeholder="县（市）/乡镇/村" /></t-form-item></t-col>
          <t-col :span="8"><t-form-item label="反映问题" name="fywt"><t-input v-model="form.fywt" /></t-form-item></t-col>
          <t-col :span="12"><t-form-item label="问题类别" name="wtlb"><t-select v-model="form.wtlb" :options="categories" /></t-form-item></t-col>
          <t-col :span="12"><t-form-item label="主要内容" name="zynr"><t-textarea v-model="form.zynr" :autosize="{ minRows: 4 }" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="登记人" name="djr"><t-input v-model="form.djr" /></t-form-item></t-col>
          <t-col :span="8"><t-form-item label="转交部门" name="zjbm"><t-select v-model="form.zjbm" :options="depts" multiple placeholder="可多选" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="转办日期" name="zbrq"><t-date-picker v-model="form.zbrq" value-type="YYYY-MM-DD" allow-input style="width:100%" /></t-form-item></t-col>
          <t-col :span="4"><t-form-item label="办理时限" name="blsx"><t-date-picker v-model="form.blsx" value-type="YYYY-MM-DD" allow-input style="width:100%" /></t-form-item></t-col>
        </t-row>
        <t-form-item><t-space><t-button theme="primary" @click="onSubmit">提交</t-button><t-button variant="outline">暂存</t-button></t-space></t-form-item>
      </t-form>
    </t-card>
  </div>`,
};

// TDesign is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(TDesign as never).mount('#app');
