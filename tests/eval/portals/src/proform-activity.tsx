// 代表履职活动登记 on React 18 + antd 6 + Ant Design ProComponents 3 (the line for antd 6), written
// as an Ant Design Pro page of a county 人大代表履职服务平台: a PageContainer with the breadcrumb,
// a ProCard holding a ProForm (labels above the controls, ProForm.Group rows of width "md"/"lg"
// fields), the submitter's 提交/重置, and onFinish posting what ProForm hands it
// (`getFieldsFormatValue()`: dates as strings by each field's valueType).
// Widgets: 活动类型 a ProFormRadio.Group of buttons over a `valueEnum` of codes; 活动时间 a
// ProFormDateRangePicker (a one-day activity has the same day at both ends); 组织单位 a ProFormSelect
// whose options come from `request` (an async call to the org service, division codes);
// 参加代表 a ProFormList of rows (添加参加代表), each row a searchable ProFormSelect of deputy ids
// from `request`; 参加人数 a ProFormDigit checked against the rows; 活动形式 a ProFormCheckbox.Group;
// 活动内容 / 活动成效 ProFormTextArea with showCount; 在平台公开 a ProFormSwitch defaulted on;
// 登记日期 a disabled ProFormDatePicker defaulted to today.
// Labels follow 代表履职活动 registrations of county and township congresses and deputy
// performance platforms (活动主题, 活动类型, 活动时间, 活动地点, 组织单位, 参加代表, 参加人数,
// 活动形式, 活动内容, 活动成效, 登记人).
import { createRoot } from 'react-dom/client';
import { ConfigProvider, message, type FormInstance } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useRef } from 'react';
import {
  PageContainer, ProCard, ProForm, ProFormCheckbox, ProFormDatePicker, ProFormDateRangePicker, ProFormDigit, ProFormList, ProFormRadio,
  ProFormSelect, ProFormSwitch, ProFormText, ProFormTextArea, type ProFormInstance,
} from '@ant-design/pro-components';

dayjs.locale('zh-cn');

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
// dict: rd_activity_type
const ACTIVITY_TYPE = { '1': '集中视察', '2': '专题调研', '3': '执法检查', '4': '联系选民', '5': '代表接待', '6': '学习培训', '7': '述职评议', '9': '其他' };
const ACTIVITY_FORM = [{ label: '实地察看', value: 'sdck' }, { label: '听取汇报', value: 'tqhb' }, { label: '座谈交流', value: 'ztjl' }, { label: '走访群众', value: 'zfqz' },
  { label: '查阅资料', value: 'cyzl' }, { label: '问卷调查', value: 'wjdc' }];
// GET /api/org/list?type=rd — the congress bodies by division code.
const ORGS: Array<[string, string]> = [['321283000', '泰兴市人大常委会'], ['321283101', '青山镇人大主席团'], ['321283102', '柳河镇人大主席团'], ['321283103', '东岗镇人大主席团'],
  ['321283001', '泰兴市人大常委会代表工作委员会']];
// GET /api/deputy/options — deputies by id.
const DEPUTIES: Array<[number, string]> = [[1001, '王建国'], [1002, '李秀英'], [1003, '陈志强'], [1004, '刘桂兰'], [1005, '赵德明'], [1006, '孙丽华'], [1007, '周宏伟'],
  [1008, '吴海燕'], [1009, '黄立新'], [1010, '何春生'], [1011, '马玉梅'], [1012, '林永福'], [1013, '高建军'], [1014, '郑国平']];
const fetchOrgs = async () => { await wait(300); return ORGS.map(([value, label]) => ({ value, label })); };
const fetchDeputies = async () => { await wait(200); return DEPUTIES.map(([value, label]) => ({ value, label })); };

interface Row { deputyId?: number }
const KEYS = ['activityName', 'activityType', 'activityTime', 'address', 'orgCode', 'activityForms', 'deputyList', 'attendNum', 'content', 'effect', 'isPublic',
  'registrant', 'registerDate'];

function ActivityForm() {
  const formRef = useRef<ProFormInstance>(undefined);
  const [msg, holder] = message.useMessage();
  (window as unknown as { __portal: unknown }).__portal = {
    // What onFinish receives, with every field (ProForm's formatted values: the range and dates as strings).
    state: () => {
      const v = (formRef.current?.getFieldsFormatValue?.(true, false) ?? {}) as Record<string, unknown>;
      return JSON.parse(JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, v[k] ?? null]))));
    },
    submit: async () => {
      try {
        await formRef.current!.validateFields();
        return { ok: true, errors: [] as string[] };
      } catch (e) {
        const fields = (e as { errorFields?: Array<{ errors: string[] }> }).errorFields ?? [];
        return { ok: false, errors: fields.flatMap((f) => f.errors) };
      }
    },
  };
  return (
    <PageContainer header={{ title: '履职活动登记', breadcrumb: { items: [{ title: '代表履职' }, { title: '履职活动' }, { title: '活动登记' }] } }}>
      {holder}
      <ProCard>
        <ProForm formRef={formRef}
          initialValues={{ deputyList: [], isPublic: true, registerDate: dayjs().format('YYYY-MM-DD'), activityForms: [] }}
          submitter={{ searchConfig: { submitText: '提交', resetText: '重置' } }}
          onFinish={async (values) => { (window as unknown as { lastPost: unknown }).lastPost = values; void msg.success('登记成功'); return true; }}>
          <ProForm.Group title="活动信息">
            <ProFormText name="activityName" label="活动主题" width="xl" placeholder="请输入活动主题"
              rules={[{ required: true, message: '请输入活动主题' }, { max: 60, message: '活动主题不超过60个字' }]} />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormRadio.Group name="activityType" label="活动类型" radioType="button" valueEnum={ACTIVITY_TYPE} rules={[{ required: true, message: '请选择活动类型' }]} />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormDateRangePicker name="activityTime" label="活动时间" width="md" rules={[{ required: true, message: '请选择活动时间' }]}
              fieldProps={{ disabledDate: (d) => d.isAfter(dayjs(), 'day') }} />
            <ProFormText name="address" label="活动地点" width="lg" placeholder="请输入活动地点" rules={[{ required: true, message: '请输入活动地点' }]} />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormSelect name="orgCode" label="组织单位" width="md" request={fetchOrgs} placeholder="请选择组织单位" rules={[{ required: true, message: '请选择组织单位' }]} />
            <ProFormCheckbox.Group name="activityForms" label="活动形式" options={ACTIVITY_FORM} />
          </ProForm.Group>
          <ProForm.Group title="参加人员">
            <ProFormList name="deputyList" label="参加代表" creatorButtonProps={{ creatorButtonText: '添加参加代表', position: 'bottom' }}
              copyIconProps={false} deleteIconProps={{ tooltipText: '删除' }} creatorRecord={{}}
              rules={[{ validator: async (_r, v?: Row[]) => { if (!v || v.length === 0) throw new Error('请添加参加代表'); } }]}>
              <ProFormSelect name="deputyId" width="md" placeholder="请选择代表" request={fetchDeputies} showSearch
                rules={[{ required: true, message: '请选择代表' }]} />
            </ProFormList>
          </ProForm.Group>
          <ProForm.Group>
            <ProFormDigit name="attendNum" label="参加人数" width="sm" min={1} max={500} fieldProps={{ precision: 0, suffix: '人' }} dependencies={['deputyList']}
              rules={[{ required: true, message: '请输入参加人数' }, ({ getFieldValue }: FormInstance) => ({ validator: async (_r: unknown, v?: number | null) => {
                const listed = ((getFieldValue('deputyList') as Row[] | undefined) ?? []).length;
                if (v != null && v < listed) throw new Error(`参加人数不能少于参加代表人数（${listed}人）`);
              } })]} />
          </ProForm.Group>
          <ProForm.Group title="活动内容">
            <ProFormTextArea name="content" label="活动内容" width="xl" fieldProps={{ rows: 4, showCount: true, maxLength: 1000 }}
              rules={[{ required: true, message: '请输入活动内容' }, { min: 20, message: '活动内容不少于20个字' }]} />
            <ProFormTextArea name="effect" label="活动成效" width="xl" fieldProps={{ rows: 3, showCount: true, maxLength: 500 }} />
          </ProForm.Group>
          <ProForm.Group>
            <ProFormSwitch name="isPublic" label="在平台公开" />
            <ProFormText name="registrant" label="登记人" width="sm" rules={[{ required: true, message: '请输入登记人' }]} />
            <ProFormDatePicker name="registerDate" label="登记日期" width="sm" disabled />
          </ProForm.Group>
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}

createRoot(document.getElementById('root')!).render(<ConfigProvider locale={zhCN}><ActivityForm /></ConfigProvider>);
