// 来访登记 on Vant 4: a phone page (375 px). Selects and dates are read-only cells that open a
// bottom popup with a picker, as mobile office apps do; stepper, radios, checkboxes, switch.
import { createApp, reactive, ref } from 'vue';
import Vant, { showToast } from 'vant';
import 'vant/lib/index.css';

const KINDS = ['日常接待', '代表接待日', '领导接待日', '下访'];
const CATEGORIES = ['农村农业', '征地拆迁', '城乡建设', '劳动社保', '民政', '教育医疗', '环境保护', '涉法涉诉', '干部作风', '其他'];
const DEPTS = ['青山镇党政办公室', '青山镇农业农村服务中心', '青山镇村镇建设办公室', '青山镇社会事业局', '青山镇生态环境办公室', '青山派出所'];
const RECEIVERS = ['王建国', '李秀英', '陈志强', '刘桂兰'];

const App = {
  setup() {
    const formRef = ref();
    const form = reactive({
      djbh: '', lfrq: '', jdxs: '', lfrs: 1, lfr: '', xb: '', sfzh: '', lxdh: '', zz: '', lfsy: '', wtlb: '', fynr: '',
      jdry: [] as string[], sfcf: false, zjbm: '', blsx: '',
    });
    const popup = ref('');
    const dateValue = ref<string[]>(['2024', '01', '01']);
    const open = (name: string) => {
      if (name === 'lfrq' || name === 'blsx') {
        const cur = (form as Record<string, unknown>)[name] as string;
        dateValue.value = cur ? cur.split('-') : ['2024', '01', '01'];
      }
      popup.value = name;
    };
    const lists: Record<string, string[]> = { jdxs: KINDS, wtlb: CATEGORIES, zjbm: DEPTS };
    const pick = ({ selectedOptions }: { selectedOptions: Array<{ text: string }> }) => {
      (form as Record<string, unknown>)[popup.value] = selectedOptions[0]!.text;
      popup.value = '';
    };
    const pickDate = ({ selectedValues }: { selectedValues: string[] }) => {
      (form as Record<string, unknown>)[popup.value] = selectedValues.join('-');
      popup.value = '';
    };
    const validate = async () => {
      try {
        await formRef.value.validate();
        return { ok: true, errors: [] };
      } catch (e) {
        return { ok: false, errors: (e as Array<{ message: string }>).map((x) => x.message) };
      }
    };
    (window as unknown as { __portal: unknown }).__portal = { state: () => JSON.parse(JSON.stringify(form)), submit: validate };
    const onSubmit = async () => {
      const r = await validate();
      showToast(r.ok ? '登记成功' : r.errors[0] ?? '');
    };
    return {
      formRef, form, popup, open, pick, pickDate, dateValue, onSubmit, receivers: RECEIVERS,
      columns: (name: string) => (lists[name] ?? []).map((t) => ({ text: t, value: t })),
      minDate: new Date(2015, 0, 1), maxDate: new Date(2030, 11, 31),
      phone: [{ required: true, message: '请填写联系电话' }, { pattern: /^1[3-9]\d{9}$/, message: '手机号码格式不正确' }],
    };
  },
  template: `
  <van-nav-bar title="来访登记" left-text="返回" left-arrow />
  <van-form ref="formRef" @submit="onSubmit">
    <van-cell-group inset title="来访信息">
      <van-field v-model="form.djbh" name="djbh" label="登记编号" placeholder="请输入" :rules="[{ required: true, message: '请填写登记编号' }]" />
      <van-field v-model="form.lfrq" name="lfrq" label="来访日期" placeholder="点击选择日期" readonly is-link required :rules="[{ required: true, message: '请选择来访日期' }]" @click="open('lfrq')" />
      <van-field v-model="form.jdxs" name="jdxs" label="接待形式" placeholder="点击选择" readonly is-link @click="open('jdxs')" />
      <van-field name="lfrs" label="来访人数"><template #input><van-stepper v-model="form.lfrs" min="1" max="50" integer /></template></van-field>
      <van-field name="jdry" label="接待人员">
        <template #input><van-checkbox-group v-model="form.jdry" direction="horizontal"><van-checkbox v-for="r in receivers" :key="r" :name="r" shape="square">{{ r }}</van-checkbox></van-checkbox-group></template>
      </van-field>
    </van-cell-group>
    <van-cell-group inset title="来访人">
      <van-field v-model="form.lfr" name="lfr" label="来访人" placeholder="姓名" required :rules="[{ required: true, message: '请填写来访人' }]" />
      <van-field name="xb" label="性别">
        <template #input><van-radio-group v-model="form.xb" direction="horizontal"><van-radio name="男">男</van-radio><van-radio name="女">女</van-radio></van-radio-group></template>
      </van-field>
      <van-field v-model="form.sfzh" name="sfzh" label="身份证号" maxlength="18" :rules="[{ pattern: /^$|^\\d{17}[\\dX]$/, message: '身份证号格式不正确' }]" />
      <van-field v-model="form.lxdh" name="lxdh" type="tel" label="联系电话" required :rules="phone" />
      <van-field v-model="form.zz" name="zz" label="住址" />
      <van-field name="sfcf" label="是否重复访"><template #input><van-switch v-model="form.sfcf" size="20px" /></template></van-field>
    </van-cell-group>
    <van-cell-group inset title="反映问题">
      <van-field v-model="form.lfsy" name="lfsy" label="来访事由" required :rules="[{ required: true, message: '请填写来访事由' }]" />
      <van-field v-model="form.wtlb" name="wtlb" label="问题类别" placeholder="点击选择" readonly is-link @click="open('wtlb')" />
      <van-field v-model="form.fynr" name="fynr" label="反映内容" type="textarea" rows="3" autosize show-word-limit maxlength="500" required :rules="[{ required: true, message: '请填写反映内容' }]" />
      <van-field v-model="form.zjbm" name="zjbm" label="转交部门" placeholder="点击选择" readonly is-link @click="open('zjbm')" />
      <van-field v-model="form.blsx" name="blsx" label="办理时限" placeholder="点击选择日期" readonly is-link @click="open('blsx')" />
    </van-cell-group>
    <div style="margin: 16px;"><van-button round block type="primary" native-type="submit">提交</van-button></div>
  </van-form>
  <van-popup :show="popup === 'jdxs' || popup === 'wtlb' || popup === 'zjbm'" position="bottom" round @click-overlay="popup = ''">
    <van-picker v-if="popup" :title="popup === 'jdxs' ? '接待形式' : popup === 'wtlb' ? '问题类别' : '转交部门'" :columns="columns(popup)" @confirm="pick" @cancel="popup = ''" />
  </van-popup>
  <van-popup :show="popup === 'lfrq' || popup === 'blsx'" position="bottom" round @click-overlay="popup = ''">
    <van-date-picker v-if="popup === 'lfrq' || popup === 'blsx'" v-model="dateValue" title="选择日期" :min-date="minDate" :max-date="maxDate" @confirm="pickDate" @cancel="popup = ''" />
  </van-popup>`,
};

// Vant is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(Vant as never).mount('#app');
