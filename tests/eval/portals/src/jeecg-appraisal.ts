// 被评议单位测评结果登记 in the manner of a JeecgBoot (Vue 3 + Ant Design Vue 4) system: the list
// page with its query form and the 新增 modal of Jeecg's generated "原生表单" (Form.useForm with
// validateInfos, labelCol/wrapperCol horizontal layout, two columns of a-col span 12, class
// antd-modal-form, 确定 / 关闭 in the footer), with Jeecg's own controls rebuilt on the real
// Ant Design Vue widgets they wrap:
// - JDictSelectTag type="radioButton" → a-radio-group of a-radio-button with dict item codes;
// - JCheckbox → a-checkbox-group whose model is the comma-joined string of codes ("1,2,5");
// - JTreeSelect over the sys_depart tree → a-tree-select whose value is the depart's org code;
// - a-date-picker show-time with valueFormat "YYYY-MM-DD HH:mm:ss" (Jeecg's date-time fields).
// Modelled on JeecgBoot's codegen templates (jeecgboot-vue3 src/views/<module>/components/
// <Entity>Form.vue: `const { resetFields, validate, validateInfos } = useForm(formData, validatorRules,
// { immediate: false })`, ids like "KhPyjgForm-xxx"), and on the 工作评议 / 测评结果 sheets of
// township people's congresses (满意 / 基本满意 / 不满意 票数, 得分, 等次, 整改意见).
import { computed, createApp, reactive, ref } from 'vue';
import Antd, { Form, message } from 'ant-design-vue';
import zhCN from 'ant-design-vue/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

// sys_depart under the town: the 站所 that the congress appraises, by org code.
const DEPARTS = [
  {
    title: '青山镇', value: 'A01', key: 'A01', selectable: false, children: [
      {
        title: '镇属站所', value: 'A01A01', key: 'A01A01', selectable: false, children: [
          { title: '青山镇财政所', value: 'A01A01A01', key: 'A01A01A01' },
          { title: '青山镇农经站', value: 'A01A01A02', key: 'A01A01A02' },
          { title: '青山镇农业农村服务中心', value: 'A01A01A03', key: 'A01A01A03' },
          { title: '青山镇社会保障服务中心', value: 'A01A01A04', key: 'A01A01A04' },
          { title: '青山镇交通管理站', value: 'A01A01A05', key: 'A01A01A05' },
        ],
      },
      {
        title: '县派驻机构', value: 'A01A02', key: 'A01A02', selectable: false, children: [
          { title: '青山派出所', value: 'A01A02A01', key: 'A01A02A01' },
          { title: '青山镇司法所', value: 'A01A02A02', key: 'A01A02A02' },
          { title: '青山镇自然资源所', value: 'A01A02A03', key: 'A01A02A03' },
          { title: '青山镇市场监督管理所', value: 'A01A02A04', key: 'A01A02A04' },
          { title: '青山镇卫生院', value: 'A01A02A05', key: 'A01A02A05' },
          { title: '青山镇中心学校', value: 'A01A02A06', key: 'A01A02A06' },
          { title: '青山供电所', value: 'A01A02A07', key: 'A01A02A07' },
        ],
      },
    ],
  },
];
// sys_dict items (item_value → item_text).
const DICT = {
  py_method: [['1', '民意测评'], ['2', '召开座谈会'], ['3', '走访'], ['4', '查阅资料'], ['5', '听取述职']],
  py_grade: [['1', '优秀'], ['2', '良好'], ['3', '一般'], ['4', '较差'], ['5', '差']],
  py_organizer: [['1', '县人大常委会'], ['2', '镇人大主席团']],
};
const options = (rows: string[][]) => rows.map(([value, label]) => ({ value, label }));

const App = {
  setup() {
    const open = ref(true);
    const formRef = ref();
    const queryParam = reactive({ activityName: '', evalUnit: undefined as string | undefined });
    // The record as Jeecg's form model holds it; organizer defaults to the logged-in office.
    const formData = reactive({
      activityName: '', evalUnit: undefined as string | undefined, evalTime: undefined as string | undefined, evalMethod: '',
      organizer: '2', joinNum: undefined as number | undefined, satisfiedNum: undefined as number | undefined,
      basicSatisfiedNum: undefined as number | undefined, dissatisfiedNum: undefined as number | undefined,
      score: undefined as number | undefined, grade: '', opinion: '', rectifyNum: undefined as number | undefined, rectifyInfo: '', remark: '',
    });
    const votes = () => (formData.satisfiedNum ?? 0) + (formData.basicSatisfiedNum ?? 0) + (formData.dissatisfiedNum ?? 0);
    const validatorRules = reactive({
      activityName: [{ required: true, message: '请输入评议活动!' }],
      evalUnit: [{ required: true, message: '请选择被评议单位!' }],
      evalMethod: [{ required: true, message: '请选择评议方式!' }],
      satisfiedNum: [{ required: true, message: '请输入满意票数!' }],
      basicSatisfiedNum: [{ required: true, message: '请输入基本满意票数!' }],
      dissatisfiedNum: [{ required: true, message: '请输入不满意票数!' }],
      joinNum: [{ validator: async (_r: unknown, v?: number) => { if (v != null && votes() > v) throw new Error('三项票数之和不能大于参评人数!'); } }],
      score: [{ validator: async (_r: unknown, v?: number) => { if (v != null && (v < 0 || v > 100)) throw new Error('得分应在0到100之间!'); } }],
      grade: [{ required: true, message: '请选择等次!' }],
    });
    const { validate, validateInfos } = Form.useForm(formData, validatorRules, { immediate: false });
    // JCheckbox: the model is the comma-joined codes, the group works on an array.
    const methodArray = computed({
      get: () => (formData.evalMethod ? formData.evalMethod.split(',') : []),
      set: (v: string[]) => { formData.evalMethod = v.join(','); },
    });
    const rate = computed(() => (votes() ? `${(((formData.satisfiedNum ?? 0) + (formData.basicSatisfiedNum ?? 0)) * 100 / votes()).toFixed(1)}%` : ''));
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
      state: () => JSON.parse(JSON.stringify(formData, (_k, v) => (v === undefined ? null : v))),
      submit: check,
    };
    return {
      zhCN, open, formRef, queryParam, formData, validateInfos, methodArray, rate, handleOk, departs: DEPARTS,
      methods: options(DICT.py_method), grades: options(DICT.py_grade), organizers: options(DICT.py_organizer),
      labelCol: { xs: { span: 24 }, sm: { span: 7 } }, wrapperCol: { xs: { span: 24 }, sm: { span: 16 } },
      labelColWide: { xs: { span: 24 }, sm: { span: 3 } }, wrapperColWide: { xs: { span: 24 }, sm: { span: 20 } },
    };
  },
  template: `
  <a-config-provider :locale="zhCN">
  <div class="jeecg-basic-table-form-container">
    <a-form :model="queryParam" :label-col="{ span: 6 }" :wrapper-col="{ span: 18 }">
      <a-row :gutter="24">
        <a-col :lg="8"><a-form-item label="评议活动" name="activityName"><a-input v-model:value="queryParam.activityName" placeholder="请输入评议活动" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-form-item label="被评议单位" name="evalUnit"><a-tree-select v-model:value="queryParam.evalUnit" :tree-data="departs" placeholder="请选择被评议单位" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-space><a-button type="primary">查询</a-button><a-button>重置</a-button></a-space></a-col>
      </a-row>
    </a-form>
  </div>
  <div class="table-wrap">
    <a-space style="margin-bottom:8px"><a-button type="primary" @click="open = true">新增</a-button><a-button>导出</a-button><a-button>导入</a-button></a-space>
    <a-table size="middle" bordered :pagination="false" row-key="id"
      :data-source="[{ id: 1, activityName: '青山镇2024年度站所工作评议', evalUnit: '青山镇财政所', grade: '优秀', score: 91.6 }]"
      :columns="[{ title: '评议活动', dataIndex: 'activityName' }, { title: '被评议单位', dataIndex: 'evalUnit' }, { title: '得分', dataIndex: 'score', width: 90 }, { title: '等次', dataIndex: 'grade', width: 90 }]" />
  </div>
  <a-modal v-model:open="open" title="测评结果登记 - 新增" :width="1000" :mask-closable="false" ok-text="确定" cancel-text="关闭" @ok="handleOk">
    <a-form ref="formRef" class="antd-modal-form" :label-col="labelCol" :wrapper-col="wrapperCol">
      <a-row>
        <a-col :span="24">
          <a-form-item label="评议活动" v-bind="validateInfos.activityName" id="KhPyjgForm-activityName" name="activityName" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-input v-model:value="formData.activityName" placeholder="请输入评议活动" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="被评议单位" v-bind="validateInfos.evalUnit" id="KhPyjgForm-evalUnit" name="evalUnit">
            <a-tree-select v-model:value="formData.evalUnit" :tree-data="departs" tree-default-expand-all show-search tree-node-filter-prop="title" placeholder="请选择被评议单位" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="组织单位" v-bind="validateInfos.organizer" id="KhPyjgForm-organizer" name="organizer">
            <a-select v-model:value="formData.organizer" :options="organizers" placeholder="请选择组织单位" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="测评时间" v-bind="validateInfos.evalTime" id="KhPyjgForm-evalTime" name="evalTime">
            <a-date-picker v-model:value="formData.evalTime" show-time value-format="YYYY-MM-DD HH:mm:ss" placeholder="请选择测评时间" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="参评人数" v-bind="validateInfos.joinNum" id="KhPyjgForm-joinNum" name="joinNum">
            <a-input-number v-model:value="formData.joinNum" :min="0" placeholder="请输入参评人数" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="评议方式" v-bind="validateInfos.evalMethod" id="KhPyjgForm-evalMethod" name="evalMethod" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-checkbox-group v-model:value="methodArray" :options="methods" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="满意票数" v-bind="validateInfos.satisfiedNum" id="KhPyjgForm-satisfiedNum" name="satisfiedNum">
            <a-input-number v-model:value="formData.satisfiedNum" :min="0" placeholder="请输入满意票数" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="基本满意票数" v-bind="validateInfos.basicSatisfiedNum" id="KhPyjgForm-basicSatisfiedNum" name="basicSatisfiedNum">
            <a-input-number v-model:value="formData.basicSatisfiedNum" :min="0" placeholder="请输入基本满意票数" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="不满意票数" v-bind="validateInfos.dissatisfiedNum" id="KhPyjgForm-dissatisfiedNum" name="dissatisfiedNum">
            <a-input-number v-model:value="formData.dissatisfiedNum" :min="0" placeholder="请输入不满意票数" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="满意率" id="KhPyjgForm-rate">
            <span class="ant-form-text">{{ rate || '—' }}</span>
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="得分" v-bind="validateInfos.score" id="KhPyjgForm-score" name="score">
            <a-input-number v-model:value="formData.score" :min="0" :max="100" :precision="1" placeholder="请输入得分" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="等次" v-bind="validateInfos.grade" id="KhPyjgForm-grade" name="grade">
            <a-radio-group v-model:value="formData.grade" button-style="solid">
              <a-radio-button v-for="g in grades" :key="g.value" :value="g.value">{{ g.label }}</a-radio-button>
            </a-radio-group>
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="主要意见和建议" v-bind="validateInfos.opinion" id="KhPyjgForm-opinion" name="opinion" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.opinion" :rows="3" placeholder="请输入主要意见和建议" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="整改意见条数" v-bind="validateInfos.rectifyNum" id="KhPyjgForm-rectifyNum" name="rectifyNum">
            <a-input-number v-model:value="formData.rectifyNum" :min="0" placeholder="请输入整改意见条数" style="width:100%" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="整改落实情况" v-bind="validateInfos.rectifyInfo" id="KhPyjgForm-rectifyInfo" name="rectifyInfo" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.rectifyInfo" :rows="3" placeholder="请输入整改落实情况" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="备注" v-bind="validateInfos.remark" id="KhPyjgForm-remark" name="remark" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.remark" :rows="2" placeholder="请输入备注" />
          </a-form-item>
        </a-col>
      </a-row>
    </a-form>
  </a-modal>
  </a-config-provider>`,
};

// Antd is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(Antd as never).mount('#app');
