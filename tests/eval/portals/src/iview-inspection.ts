// 视察登记 on View UI Plus (iView): label-left form in a card grid; dates kept as the formatted
// string the DatePicker's on-change gives (how iView portals usually bind them).
import { createApp, reactive, ref } from 'vue';
import ViewUIPlus from 'view-ui-plus';
import 'view-ui-plus/dist/styles/viewuiplus.css';

const DEPUTIES = ['王建国', '李秀英', '陈志强', '刘桂兰', '赵德明', '孙丽华', '周宏伟', '吴海燕', '马玉梅', '林永福'];
const ORGANISERS = ['县人大常委会', '青山镇人大主席团', '青山镇人民政府', '县人大常委会农业农村工作委员会'];
const TOWNS = [{ value: '320000', label: '江苏省', children: [{ value: '321200', label: '泰州市', children: [{ value: '321283', label: '泰兴市', children: [
  { value: '321283101', label: '青山镇' }, { value: '321283102', label: '柳河镇' }] }] }] }];

const App = {
  setup() {
    const formRef = ref();
    const form = reactive({
      sczt: '', hdlx: '', scsj: '', scdd: '', szxz: [] as string[], zzdw: '', ddld: '', cjdb: [] as string[], cjrs: null as number | null,
      scfs: [] as string[], scqk: '', yjjy: '', zgqx: '', jbdw: '', jlr: '', tbrq: '',
    });
    const req = (m: string, trigger = 'blur') => [{ required: true, message: m, trigger }];
    const rules = {
      sczt: req('视察主题不能为空'), hdlx: req('请选择活动类型', 'change'), scsj: req('请选择视察时间', 'change'), scdd: req('视察地点不能为空'),
      zzdw: req('请选择组织单位', 'change'), cjdb: [{ required: true, type: 'array', min: 1, message: '请选择参加代表', trigger: 'change' }],
      scfs: [{ required: true, type: 'array', min: 1, message: '至少选择一种视察方式', trigger: 'change' }],
      scqk: req('请填写视察情况'), cjrs: [{ type: 'number', min: 1, message: '参加人数应大于0', trigger: 'change' }],
    };
    const validate = () => new Promise((resolve) => {
      formRef.value.validate((valid: boolean) => {
        const errors = Array.from(document.querySelectorAll('.ivu-form-item-error-tip')).map((e) => e.textContent ?? '');
        resolve({ ok: valid, errors: valid ? [] : errors });
      });
    });
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => JSON.parse(JSON.stringify(form)),
      submit: validate,
    };
    const save = async () => {
      const r = (await validate()) as { ok: boolean };
      (r.ok ? (window as any).$Message?.success : (window as any).$Message?.error)?.(r.ok ? '保存成功' : '表单填写有误');
    };
    return { formRef, form, rules, save, deputies: DEPUTIES, organisers: ORGANISERS, towns: TOWNS };
  },
  template: `
  <div class="layout">
    <div class="head">县人大代表履职平台 · 代表活动 › 视察登记</div>
    <Card title="视察活动登记" :bordered="false">
      <Form ref="formRef" :model="form" :rules="rules" :label-width="110">
        <Row :gutter="16">
          <Col span="24"><FormItem label="视察主题" prop="sczt"><Input v-model="form.sczt" placeholder="请输入视察主题" /></FormItem></Col>
          <Col span="12"><FormItem label="活动类型" prop="hdlx">
            <RadioGroup v-model="form.hdlx"><Radio label="1">视察</Radio><Radio label="2">执法检查</Radio><Radio label="3">专题调研</Radio></RadioGroup>
          </FormItem></Col>
          <Col span="12"><FormItem label="视察时间" prop="scsj">
            <DatePicker type="datetime" :model-value="form.scsj" format="yyyy-MM-dd HH:mm" placeholder="选择日期时间" style="width:100%" @on-change="(v) => form.scsj = v" />
          </FormItem></Col>
          <Col span="12"><FormItem label="视察地点" prop="scdd"><Input v-model="form.scdd" /></FormItem></Col>
          <Col span="12"><FormItem label="所在乡镇"><Cascader :data="towns" v-model="form.szxz" placeholder="省/市/县/乡镇" /></FormItem></Col>
          <Col span="12"><FormItem label="组织单位" prop="zzdw">
            <Select v-model="form.zzdw" placeholder="请选择"><Option v-for="o in organisers" :key="o" :value="o">{{ o }}</Option></Select>
          </FormItem></Col>
          <Col span="12"><FormItem label="带队领导"><Input v-model="form.ddld" /></FormItem></Col>
          <Col span="16"><FormItem label="参加代表" prop="cjdb">
            <Select v-model="form.cjdb" multiple filterable placeholder="请选择参加代表"><Option v-for="o in deputies" :key="o" :value="o">{{ o }}</Option></Select>
          </FormItem></Col>
          <Col span="8"><FormItem label="参加人数" prop="cjrs"><InputNumber v-model="form.cjrs" :min="0" style="width:100%" /></FormItem></Col>
          <Col span="24"><FormItem label="视察方式" prop="scfs">
            <CheckboxGroup v-model="form.scfs">
              <Checkbox label="实地察看" /><Checkbox label="听取汇报" /><Checkbox label="座谈交流" /><Checkbox label="查阅资料" /><Checkbox label="走访群众" />
            </CheckboxGroup>
          </FormItem></Col>
          <Col span="24"><FormItem label="视察情况" prop="scqk"><Input v-model="form.scqk" type="textarea" :rows="4" /></FormItem></Col>
          <Col span="24"><FormItem label="意见建议"><Input v-model="form.yjjy" type="textarea" :rows="4" /></FormItem></Col>
          <Col span="12"><FormItem label="整改期限">
            <DatePicker type="date" :model-value="form.zgqx" format="yyyy-MM-dd" style="width:100%" @on-change="(v) => form.zgqx = v" />
          </FormItem></Col>
          <Col span="12"><FormItem label="交办单位"><Input v-model="form.jbdw" /></FormItem></Col>
          <Col span="12"><FormItem label="记录人"><Input v-model="form.jlr" /></FormItem></Col>
          <Col span="12"><FormItem label="填表日期">
            <DatePicker type="date" :model-value="form.tbrq" format="yyyy-MM-dd" style="width:100%" @on-change="(v) => form.tbrq = v" />
          </FormItem></Col>
        </Row>
        <FormItem><Button type="primary" @click="save">保存</Button> <Button style="margin-left:8px">返回</Button></FormItem>
      </Form>
    </Card>
  </div>`,
};

// View UI Plus is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(ViewUIPlus as never).mount('#app');
