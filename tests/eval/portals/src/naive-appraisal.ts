// 站所工作评议测评表 on Naive UI: left labels, a code-valued unit select, criterion ratings as
// radio grades (5 优秀 … 1 差) in a table, a slider-backed overall score, a formatted date value.
import { createApp, defineComponent, reactive, ref } from 'vue';
import naive, { zhCN, dateZhCN, useMessage } from 'naive-ui';

const UNITS = ['财政所', '派出所', '司法所', '自然资源所', '农经站', '农业农村服务中心', '市场监督管理所', '卫生院', '中心学校', '供电所'].map((l, i) => ({ label: `青山镇${l}`, value: String(i + 1).padStart(2, '0') }));
const KINDS = ['县人大代表', '镇人大代表', '村（社区）干部', '群众代表', '服务对象'];
const CRITERIA = [['yfxz', '依法行政'], ['fwtd', '服务态度'], ['bsxl', '办事效率'], ['ljzl', '廉洁自律'], ['zgls', '整改落实']] as const;
const GRADES = [[5, '优秀'], [4, '良好'], [3, '一般'], [2, '较差'], [1, '差']] as const;

const Inner = defineComponent({
  setup() {
    const message = useMessage();
    const formRef = ref();
    const form = reactive({
      pyhd: '', bpydw: null as string | null, cprq: null as string | null, cprlb: null as string | null, cpr: '',
      yfxz: null as number | null, fwtd: null as number | null, bsxl: null as number | null, ljzl: null as number | null, zgls: null as number | null,
      zhpf: null as number | null, ztpj: null as string | null, yjjy: '',
    });
    const grade = { type: 'number', required: true, message: '请评定等次', trigger: 'change' };
    const rules = {
      pyhd: { required: true, message: '请输入评议活动名称', trigger: 'blur' },
      bpydw: { required: true, message: '请选择被评议单位', trigger: 'change' },
      cprq: { required: true, message: '请选择测评日期', trigger: 'change' },
      cprlb: { required: true, message: '请选择测评人类别', trigger: 'change' },
      yfxz: grade, fwtd: grade, bsxl: grade, ljzl: grade, zgls: grade,
      zhpf: { type: 'number', required: true, min: 0, max: 100, message: '综合评分为0-100分', trigger: 'change' },
      ztpj: { required: true, message: '请选择总体评价', trigger: 'change' },
    };
    const validate = () => new Promise((resolve) => {
      formRef.value.validate((errors?: Array<Array<{ message: string }>>) => {
        resolve({ ok: !errors, errors: (errors ?? []).flat().map((e) => e.message) });
      }).catch(() => undefined);
    });
    (window as unknown as { __portal: unknown }).__portal = { state: () => JSON.parse(JSON.stringify(form)), submit: validate };
    const onSubmit = async () => {
      const r = (await validate()) as { ok: boolean };
      if (r.ok) message.success('测评表已提交');
      else message.error('请完成必填项');
    };
    return { formRef, form, rules, onSubmit, units: UNITS, kinds: KINDS.map((k) => ({ label: k, value: k })), criteria: CRITERIA, grades: GRADES };
  },
  template: `
    <n-card title="青山镇站所工作评议 · 测评表" :bordered="false">
      <n-form ref="formRef" :model="form" :rules="rules" label-placement="left" label-width="110" require-mark-placement="left">
        <n-grid :cols="2" :x-gap="24">
          <n-form-item-gi :span="2" label="评议活动" path="pyhd"><n-input v-model:value="form.pyhd" /></n-form-item-gi>
          <n-form-item-gi label="被评议单位" path="bpydw"><n-select v-model:value="form.bpydw" :options="units" filterable /></n-form-item-gi>
          <n-form-item-gi label="测评日期" path="cprq"><n-date-picker v-model:formatted-value="form.cprq" value-format="yyyy-MM-dd" type="date" clearable style="width:100%" /></n-form-item-gi>
          <n-form-item-gi label="测评人类别" path="cprlb"><n-select v-model:value="form.cprlb" :options="kinds" /></n-form-item-gi>
          <n-form-item-gi label="测评人" path="cpr"><n-input v-model:value="form.cpr" /></n-form-item-gi>
        </n-grid>
        <n-divider title-placement="left">分项测评</n-divider>
        <n-form-item v-for="c in criteria" :key="c[0]" :label="c[1]" :path="c[0]">
          <n-radio-group v-model:value="form[c[0]]"><n-space><n-radio v-for="g in grades" :key="g[0]" :value="g[0]">{{ g[1] }}</n-radio></n-space></n-radio-group>
        </n-form-item>
        <n-grid :cols="2" :x-gap="24">
          <n-form-item-gi label="综合评分" path="zhpf"><n-input-number v-model:value="form.zhpf" :min="0" :max="100" style="width:100%"><template #suffix>分</template></n-input-number></n-form-item-gi>
          <n-form-item-gi label="总体评价" path="ztpj">
            <n-radio-group v-model:value="form.ztpj"><n-radio-button value="1">满意</n-radio-button><n-radio-button value="2">基本满意</n-radio-button><n-radio-button value="3">不满意</n-radio-button></n-radio-group>
          </n-form-item-gi>
          <n-form-item-gi :span="2" label="意见和建议" path="yjjy"><n-input v-model:value="form.yjjy" type="textarea" :autosize="{ minRows: 3 }" /></n-form-item-gi>
        </n-grid>
        <n-space justify="center"><n-button type="primary" @click="onSubmit">提交测评</n-button></n-space>
      </n-form>
    </n-card>`,
});

const App = defineComponent({
  components: { Inner },
  setup: () => ({ zhCN, dateZhCN }),
  template: `<n-config-provider :locale="zhCN" :date-locale="dateZhCN"><n-message-provider><div class="page"><Inner /></div></n-message-provider></n-config-provider>`,
});

// naive-ui is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(naive as never).mount('#app');
