// 会议登记 on Ant Design Vue 4: vertical (label-above) form split over two tabs, date-times with
// show-time, multi-selects of deputies, an editable agenda table.
import { createApp, reactive, ref } from 'vue';
import Antd, { message } from 'ant-design-vue';
import zhCN from 'ant-design-vue/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const ROSTER = ['王建国', '李秀英', '陈志强', '刘桂兰', '赵德明', '孙丽华', '周宏伟', '吴海燕', '黄立新', '何春生', '马玉梅', '林永福', '高建军', '郑国平'];
const TYPES = ['镇人民代表大会', '主席团会议', '主席团月例会', '代表小组活动', '建议交办会', '培训会议'];

const App = {
  setup() {
    const formRef = ref();
    const tab = ref('base');
    const form = reactive({
      hymc: '', hylx: undefined as string | undefined, kssj: undefined as string | undefined, jssj: undefined as string | undefined,
      hydd: '', zcr: '', jlr: '', cxry: [] as string[], lxry: [] as string[], cxrs: undefined as number | undefined,
      yt: [] as Array<{ topic: string; presenter: string }>, thqk: '', fs: '', yfrq: undefined as string | undefined,
    });
    const req = (m: string) => [{ required: true, message: m }];
    const rules = {
      hymc: req('请输入会议名称'), kssj: req('请选择开始时间'), hydd: req('请输入会议地点'), zcr: req('请输入主持人'),
      jlr: req('请输入记录人'), cxry: [{ required: true, type: 'array', min: 1, message: '请选择出席人员' }],
      jssj: [{ validator: async (_: unknown, v?: string) => { if (v && form.kssj && v < form.kssj) throw new Error('结束时间不能早于开始时间'); } }],
      thqk: req('请填写会议情况'),
    };
    const people = ROSTER.map((n) => ({ value: n, label: n }));
    const addRow = () => form.yt.push({ topic: '', presenter: '' });
    const validate = async () => {
      try {
        await formRef.value.validate();
        const blank = form.yt.findIndex((r) => !r.topic.trim());
        if (blank >= 0) return { ok: false, errors: [`第${blank + 1}个议题未填写`] };
        return { ok: true, errors: [] };
      } catch (e) {
        const fields = (e as { errorFields?: Array<{ errors: string[] }> }).errorFields ?? [];
        return { ok: false, errors: fields.flatMap((f) => f.errors) };
      }
    };
    const onSubmit = async () => {
      const r = await validate();
      if (r.ok) message.success('登记成功');
      else message.error(r.errors[0] ?? '请检查');
    };
    (window as unknown as { __portal: unknown }).__portal = {
      state: () => JSON.parse(JSON.stringify(form, (_k, v) => (v === undefined ? null : v))),
      submit: validate,
    };
    return { formRef, tab, form, rules, people, types: TYPES.map((t) => ({ value: t, label: t })), addRow, onSubmit };
  },
  template: `
  <a-config-provider :locale="zhCN">
  <div class="wrap">
    <a-page-header title="会议登记" sub-title="青山镇人大主席团 · 会议管理" />
    <a-card>
      <a-form ref="formRef" :model="form" :rules="rules" layout="vertical">
        <a-tabs v-model:activeKey="tab">
          <a-tab-pane key="base" tab="基本信息" force-render>
            <a-row :gutter="24">
              <a-col :span="16"><a-form-item label="会议名称" name="hymc"><a-input v-model:value="form.hymc" placeholder="请输入会议名称" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="会议类型" name="hylx"><a-select v-model:value="form.hylx" :options="types" placeholder="请选择" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="开始时间" name="kssj"><a-date-picker v-model:value="form.kssj" show-time format="YYYY-MM-DD HH:mm" value-format="YYYY-MM-DD HH:mm" style="width:100%" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="结束时间" name="jssj"><a-date-picker v-model:value="form.jssj" show-time format="YYYY-MM-DD HH:mm" value-format="YYYY-MM-DD HH:mm" style="width:100%" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="会议地点" name="hydd"><a-input v-model:value="form.hydd" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="主持人" name="zcr"><a-input v-model:value="form.zcr" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="记录人" name="jlr"><a-input v-model:value="form.jlr" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="出席人数" name="cxrs"><a-input-number v-model:value="form.cxrs" :min="0" :max="200" style="width:100%" /></a-form-item></a-col>
              <a-col :span="24"><a-form-item label="出席人员" name="cxry"><a-select v-model:value="form.cxry" mode="multiple" :options="people" placeholder="请选择出席人员" /></a-form-item></a-col>
              <a-col :span="24"><a-form-item label="列席人员" name="lxry"><a-select v-model:value="form.lxry" mode="multiple" :options="people" placeholder="请选择列席人员" /></a-form-item></a-col>
            </a-row>
          </a-tab-pane>
          <a-tab-pane key="minutes" tab="议题及纪要" force-render>
            <a-form-item label="会议议题">
              <a-table :data-source="form.yt" :pagination="false" size="small" bordered :row-key="(r, i) => i"
                :columns="[{ title: '序号', key: 'no', width: 60 }, { title: '议题', dataIndex: 'topic', key: 'topic' }, { title: '汇报人', dataIndex: 'presenter', key: 'presenter', width: 160 }, { title: '操作', key: 'op', width: 80 }]">
                <template #bodyCell="{ column, record, index }">
                  <template v-if="column.key === 'no'">{{ index + 1 }}</template>
                  <template v-else-if="column.key === 'topic'"><a-input v-model:value="record.topic" placeholder="议题" /></template>
                  <template v-else-if="column.key === 'presenter'"><a-input v-model:value="record.presenter" placeholder="汇报人" /></template>
                  <template v-else-if="column.key === 'op'"><a @click="form.yt.splice(index, 1)">删除</a></template>
                </template>
              </a-table>
              <a-button type="dashed" block style="margin-top:8px" @click="addRow">+ 添加议题</a-button>
            </a-form-item>
            <a-form-item label="通报和讨论情况" name="thqk"><a-textarea v-model:value="form.thqk" :rows="5" /></a-form-item>
            <a-row :gutter="24">
              <a-col :span="16"><a-form-item label="发送" name="fs"><a-input v-model:value="form.fs" /></a-form-item></a-col>
              <a-col :span="8"><a-form-item label="印发日期" name="yfrq"><a-date-picker v-model:value="form.yfrq" value-format="YYYY-MM-DD" style="width:100%" /></a-form-item></a-col>
            </a-row>
          </a-tab-pane>
        </a-tabs>
        <a-space><a-button type="primary" @click="onSubmit">提交登记</a-button><a-button>暂存</a-button></a-space>
      </a-form>
    </a-card>
  </div>
  </a-config-provider>`,
  data: () => ({ zhCN }),
};

// Antd is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(Antd as never).mount('#app');
