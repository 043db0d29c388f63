// 代表建议登记 on Arco Design Vue: the form lives in a modal dialog opened over the suggestion
// list (as "新增" does in most admin templates); button-style radio with codes, searchable
// single and multiple selects.
import { createApp, reactive, ref } from 'vue';
import ArcoVue, { Message } from '@arco-design/web-vue';
import '@arco-design/web-vue/dist/arco.css';

const DEPUTIES = ['王建国', '李秀英', '陈志强', '刘桂兰', '赵德明', '孙丽华', '周宏伟', '吴海燕', '马玉梅', '林永福', '高建军'];
const CATEGORIES = ['经济发展', '农业农村', '城乡建设', '交通道路', '教科文卫', '社会保障', '生态环境', '政法综治', '其他'];
const UNITS = ['青山镇党政办公室', '青山镇农业农村服务中心', '青山镇村镇建设办公室', '青山镇社会事业局', '青山镇财政所', '青山派出所', '青山镇中心学校', '青山镇卫生院'];

const App = {
  setup() {
    const formRef = ref();
    const visible = ref(true);
    const form = reactive({
      jybh: '', bt: '', lb: '', nrfl: '', tcsjd: '', jc: '', tcrq: '', ldb: '', lxdh: '', fyr: [] as string[],
      qkly: '', jynr: '', zbdw: '', xbdw: [] as string[], sfgk: false,
    });
    const req = (m: string) => [{ required: true, message: m }];
    const rules = {
      bt: req('请输入标题'), lb: req('请选择类别'), nrfl: req('请选择内容分类'), tcrq: req('请选择提出日期'), ldb: req('请选择领衔代表'),
      lxdh: [{ required: true, message: '请输入联系电话' }, { match: /^1[3-9]\d{9}$/, message: '手机号码格式不正确' }],
      jynr: [{ required: true, message: '请输入建议内容' }, { minLength: 10, message: '建议内容不少于10个字' }],
    };
    const validate = async () => {
      const errs = await formRef.value.validate();
      if (!errs) return { ok: true, errors: [] };
      return { ok: false, errors: Object.values(errs as Record<string, { message: string }>).map((e) => e.message) };
    };
    (window as unknown as { __portal: unknown }).__portal = { state: () => JSON.parse(JSON.stringify(form)), submit: validate };
    const onOk = async () => {
      const r = await validate();
      if (r.ok) Message.success('已登记');
      return r.ok;
    };
    return { formRef, visible, form, rules, onOk, deputies: DEPUTIES, categories: CATEGORIES, units: UNITS };
  },
  template: `
  <div class="page">
    <a-card title="代表建议管理">
      <template #extra><a-button type="primary" @click="visible = true">新增建议</a-button></template>
      <a-table :data="[{ no: '青人建〔2024〕11号', title: '关于加强农村生活垃圾分类收运的建议', who: '马玉梅' }]" :pagination="false"
        :columns="[{ title: '建议编号', dataIndex: 'no' }, { title: '标题', dataIndex: 'title' }, { title: '领衔代表', dataIndex: 'who' }]" />
    </a-card>
    <a-modal v-model:visible="visible" title="代表建议登记" width="860px" :on-before-ok="onOk" ok-text="保存" :mask-closable="false" unmount-on-close>
      <a-form ref="formRef" :model="form" :rules="rules" auto-label-width>
        <a-row :gutter="16">
          <a-col :span="12"><a-form-item field="jybh" label="建议编号"><a-input v-model="form.jybh" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="tcrq" label="提出日期"><a-date-picker v-model="form.tcrq" style="width:100%" /></a-form-item></a-col>
          <a-col :span="24"><a-form-item field="bt" label="标题"><a-input v-model="form.bt" :max-length="100" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="lb" label="类别">
            <a-radio-group v-model="form.lb" type="button"><a-radio value="1">建议</a-radio><a-radio value="2">议案</a-radio><a-radio value="3">批评</a-radio><a-radio value="4">意见</a-radio></a-radio-group>
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item field="nrfl" label="内容分类"><a-select v-model="form.nrfl" :options="categories" placeholder="请选择" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="tcsjd" label="提出时间段">
            <a-radio-group v-model="form.tcsjd"><a-radio value="大会期间">大会期间</a-radio><a-radio value="闭会期间">闭会期间</a-radio></a-radio-group>
          </a-form-item></a-col>
          <a-col :span="12"><a-form-item field="jc" label="届次会次"><a-input v-model="form.jc" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="ldb" label="领衔代表"><a-select v-model="form.ldb" :options="deputies" allow-search placeholder="请选择" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="lxdh" label="联系电话"><a-input v-model="form.lxdh" /></a-form-item></a-col>
          <a-col :span="24"><a-form-item field="fyr" label="附议人"><a-select v-model="form.fyr" :options="deputies" multiple allow-search placeholder="请选择附议代表" /></a-form-item></a-col>
          <a-col :span="24"><a-form-item field="qkly" label="情况及理由"><a-textarea v-model="form.qkly" :auto-size="{ minRows: 3 }" /></a-form-item></a-col>
          <a-col :span="24"><a-form-item field="jynr" label="建议内容"><a-textarea v-model="form.jynr" :auto-size="{ minRows: 3 }" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="zbdw" label="主办单位"><a-select v-model="form.zbdw" :options="units" placeholder="请选择" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="xbdw" label="协办单位"><a-select v-model="form.xbdw" :options="units" multiple placeholder="可多选" /></a-form-item></a-col>
          <a-col :span="12"><a-form-item field="sfgk" label="是否公开"><a-switch v-model="form.sfgk" /></a-form-item></a-col>
        </a-row>
      </a-form>
    </a-modal>
  </div>`,
};

// Arco is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(ArcoVue as never).mount('#app');
